using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using LeNetGen.Generator.Check;
using LeNetGen.Generator.Diagnostics;
using LeNetGen.Generator.Emit;
using LeNetGen.Generator.Emit.Scalar;
using LeNetGen.Generator.Emit.Vector;
using LeNetGen.Generator.Emit.Vector.Sample;
using LeNetGen.Generator.Model;
using LeNetGen.Generator.Parse;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LeNetGen.Generator;

/// <summary>
/// The generator's wiring, and nothing else. Two front ends (attributes on a partial class, and *.lenet.json additional
/// files) each produce a <see cref="FrontEndResult"/>; the same steps follow on both branches: check (pure, computes
/// every shape and offset), the scalar backend's schedule (unroll depths, method groups), then two outputs that see only
/// what they need. The source output sees only the location-free <see cref="ScalarPlan"/> (the plan and its schedule),
/// so moving or reformatting a spec regenerates nothing; the diagnostics output sees only diagnostics. A last branch collects network names, only to find two networks with one name.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class NetworkGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        IncrementalValuesProvider<FrontEndResult> attributeSpecs = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                KnownNames.NetworkAttribute,
                predicate: static (node, _) => node is ClassDeclarationSyntax,
                transform: AttributeFrontEnd.Read)
            .WithTrackingName(TrackingNames.AttributeSpec);

        IncrementalValuesProvider<FrontEndResult> jsonSpecs = context.AdditionalTextsProvider
            .Where(static file => JsonFrontEnd.IsSpecFile(file.Path))
            .Select(JsonFrontEnd.Read)
            .WithTrackingName(TrackingNames.JsonSpec);

        // A .json file not named *.lenet.json that looks like a spec: a warning rather than silence (LNG0208).
        IncrementalValuesProvider<EquatableArray<DiagnosticInfo>> misnamed = context.AdditionalTextsProvider
            .Where(static file => MisnamedSpecFile.IsCandidate(file.Path))
            .Select(MisnamedSpecFile.Check)
            .WithTrackingName(TrackingNames.MisnamedSpecFile);
        context.RegisterSourceOutput(misnamed, static (output, found) =>
        {
            foreach (DiagnosticInfo diagnostic in found) output.ReportDiagnostic(diagnostic.ToDiagnostic());
        });

        // Every network's name and where it is declared: for LNG0008, and for the names no network may be generated under.
        IncrementalValueProvider<EquatableArray<NameSite>> names = attributeSpecs.Select(static (r, _) => NameSite.Of(r)).Collect()
            .Combine(jsonSpecs.Select(static (r, _) => NameSite.Of(r)).Collect())
            .Select(static (pair, _) => pair.Left.Concat(pair.Right).Where(s => s.FullName.Length > 0).ToEquatableArray())
            .WithTrackingName(TrackingNames.Names);

        // Names alone (no locations), so moving a spec leaves this equal and the generated sources cached.
        IncrementalValueProvider<EquatableArray<string>> duplicateNames = names
            .Select(static (sites, _) => sites.GroupBy(s => s.FullName, StringComparer.Ordinal).Where(g => g.Count() > 1)
                .Select(g => g.Key).OrderBy(n => n, StringComparer.Ordinal).ToEquatableArray())
            .WithTrackingName(TrackingNames.DuplicateNames);

        Register(context, attributeSpecs, duplicateNames);
        Register(context, jsonSpecs, duplicateNames);

        // Two networks with one name: reported where each is declared.
        context.RegisterSourceOutput(names.Combine(context.CompilationProvider), static (output, pair) =>
        {
            var (sites, compilation) = pair;
            foreach (IGrouping<string, NameSite> group in sites.GroupBy(s => s.FullName, StringComparer.Ordinal).Where(g => g.Count() > 1))
            {
                var origins = group.Select(s => s.Origin).ToList();
                string where = string.Join(", ", origins.Distinct(StringComparer.Ordinal).Count() == origins.Count
                    ? origins
                    : group.Select(s => s.Location?.FilePath ?? s.Origin));
                foreach (NameSite site in group)
                    output.ReportDiagnostic(DiagnosticInfo.Create(DiagnosticDescriptors.DuplicateNetworkName, site.Location, site.FullName, where).ToDiagnostic(compilation));
            }
        });
    }

    private static void Register(IncrementalGeneratorInitializationContext context, IncrementalValuesProvider<FrontEndResult> specs,
        IncrementalValueProvider<EquatableArray<string>> duplicateNames)
    {
        IncrementalValuesProvider<CheckResult> checkedSpecs = specs
            .Select(static (result, _) => CheckSafely(result))
            .WithTrackingName(TrackingNames.Checked);

        // The scalar backend's schedule (unroll depths, method groups, LNG0301) reads the checked plan; its diagnostics
        // join the checker's.
        IncrementalValuesProvider<ScheduleResult> scheduled = checkedSpecs
            .Select(static (result, _) => ScheduleSafely(result))
            .WithTrackingName(TrackingNames.Scheduled);

        IncrementalValuesProvider<ScalarPlan> plans = scheduled
            .Select(static (result, _) => result.Plan!)
            .Where(static plan => plan is not null)
            .WithTrackingName(TrackingNames.Plan);

        context.RegisterSourceOutput(plans.Combine(duplicateNames), static (output, pair) =>
        {
            ScalarPlan scheduled = pair.Left;
            NetworkPlan plan = scheduled.Network;
            if (pair.Right.Contains(plan.FullName)) return; // LNG0008 is reported on the names branch
            string source, tiles, sample;
            try
            {
                source = ScalarNetworkEmitter.Emit(scheduled);
                tiles = TileNetworkEmitter.Emit(plan);
                sample = SampleNetworkEmitter.Emit(scheduled);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                output.ReportDiagnostic(DiagnosticInfo.Create(DiagnosticDescriptors.InternalError, null, plan.ClassName, exception.GetType().Name, exception.Message).ToDiagnostic());
                return;
            }
            output.AddSource(plan.HintName, source);
            output.AddSource(TileNetworkEmitter.HintName(plan), tiles);
            output.AddSource(SampleNetworkEmitter.HintName(plan), sample);
        });

        IncrementalValuesProvider<EquatableArray<DiagnosticInfo>> diagnostics = scheduled
            .Select(static (result, _) => result.Diagnostics)
            .WithTrackingName(TrackingNames.Diagnostics);
        // Diagnostics go out with real source locations, so `#pragma warning disable` and [SuppressMessage] work on the
        // warnings: this output alone sees the compilation (to find each file's syntax tree) and may run again on any
        // edit; it only reports, and the generated source never depends on it.
        context.RegisterSourceOutput(diagnostics.Combine(context.CompilationProvider), static (output, pair) =>
        {
            foreach (DiagnosticInfo diagnostic in pair.Left) output.ReportDiagnostic(diagnostic.ToDiagnostic(pair.Right));
        });
    }

    /// <summary>The checker is pure and total, but a bug must become LNG9001, never an exception (CS8785, no code).</summary>
    private static CheckResult CheckSafely(FrontEndResult result)
    {
        try
        {
            return ShapeChecker.Check(result);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            var diagnostics = result.Diagnostics.ToList();
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InternalError, result.Spec?.Location,
                result.Spec?.ClassName ?? "?", exception.GetType().Name, exception.Message));
            return new CheckResult(null, diagnostics.ToEquatableArray());
        }
    }

    /// <summary>The schedule is pure and total too; a bug becomes LNG9001, reported beside the checker's diagnostics.</summary>
    private static ScheduleResult ScheduleSafely(CheckResult result)
    {
        try
        {
            return ScalarSchedule.Run(result);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            var diagnostics = result.Diagnostics.ToList();
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InternalError, result.Location,
                result.Plan?.ClassName ?? "?", exception.GetType().Name, exception.Message));
            return new ScheduleResult(null, diagnostics.ToEquatableArray());
        }
    }

    /// <summary>Where a network of a given name is declared, for LNG0008.</summary>
    private sealed record NameSite(string FullName, string Origin, LocationInfo? Location)
    {
        public static NameSite Of(FrontEndResult result)
        {
            if (result.Spec is not NetworkSpec spec) return new NameSite("", "", null);
            string origin = spec.SourceFile is null
                ? "class in " + ShapeChecker.FileName(spec.Location?.FilePath ?? "source")
                : ShapeChecker.FileName(spec.SourceFile);
            return new NameSite(spec.FullName, origin, spec.Location);
        }
    }
}
