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
/// every shape and offset), the scalar backend's schedule (unroll depths, method groups), the weights step (a checkpoint
/// the spec names, read from the additional files, must fit the network; its parameters are baked in), the emit step (the files,
/// from the location-free <see cref="ScalarPlan"/> alone, so moving or reformatting a spec writes and regenerates
/// nothing), then two outputs that see only what they need: the source output adds the files, the diagnostics output
/// reports the diagnostics and LNG0303 for a network whose files would be too large (by name, from the emit step). A last
/// branch collects network names, only to find two networks with one name.
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

        // The checkpoints specs name (Weights, "weights"), read from the additional files of those names only: their
        // bytes, parsed, whatever network they are for (each spec's weights step judges the fit).
        IncrementalValueProvider<EquatableArray<string>> weightsNames = attributeSpecs.Select(static (r, _) => r.Spec?.Weights).Collect()
            .Combine(jsonSpecs.Select(static (r, _) => r.Spec?.Weights).Collect())
            .Select(static (pair, _) => pair.Left.Concat(pair.Right).OfType<string>().Distinct(StringComparer.Ordinal)
                .OrderBy(n => n, StringComparer.Ordinal).ToEquatableArray())
            .WithTrackingName(TrackingNames.WeightsNames);
        IncrementalValueProvider<EquatableArray<ParsedCheckpoint>> checkpoints = context.AdditionalTextsProvider
            .Combine(weightsNames)
            .Where(static pair => pair.Right.Any(name => WeightsName.Matches(pair.Left.Path, name)))
            .Select(static (pair, cancellationToken) => CheckpointFile.Read(pair.Left, cancellationToken))
            .WithTrackingName(TrackingNames.Checkpoint)
            .Collect()
            .Select(static (files, _) => files.OrderBy(f => f.Path, StringComparer.Ordinal).ToEquatableArray())
            .WithTrackingName(TrackingNames.Checkpoints);

        // The build's MSBuild properties (LeNetGenVectorWidths): read once for all networks, reported once when wrong
        // (LNG0304, the defaults then stand in); the emit step sees the options alone.
        IncrementalValueProvider<EmitOptions.Result> buildOptions = context.AnalyzerConfigOptionsProvider
            .Select(static (options, _) => BuildProperties.Read(options.GlobalOptions))
            .WithTrackingName(TrackingNames.BuildOptions);
        context.RegisterSourceOutput(buildOptions, static (output, result) =>
        {
            foreach (DiagnosticInfo diagnostic in result.Diagnostics) output.ReportDiagnostic(diagnostic.ToDiagnostic());
        });
        IncrementalValueProvider<EmitOptions> emitOptions = buildOptions.Select(static (result, _) => result.Options)
            .WithTrackingName(TrackingNames.EmitOptions);

        Register(context, attributeSpecs, duplicateNames, checkpoints, emitOptions);
        Register(context, jsonSpecs, duplicateNames, checkpoints, emitOptions);

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
        IncrementalValueProvider<EquatableArray<string>> duplicateNames, IncrementalValueProvider<EquatableArray<ParsedCheckpoint>> checkpoints,
        IncrementalValueProvider<EmitOptions> emitOptions)
    {
        IncrementalValuesProvider<CheckResult> checkedSpecs = specs
            .Select(static (result, _) => CheckSafely(result))
            .WithTrackingName(TrackingNames.Checked);

        // The scalar backend's schedule (unroll depths, method groups, LNG0301) reads the checked plan; its diagnostics
        // join the checker's.
        IncrementalValuesProvider<ScheduleResult> scheduled = checkedSpecs
            .Select(static (result, _) => ScheduleSafely(result))
            .WithTrackingName(TrackingNames.Scheduled);

        // The checkpoint the spec names, if any, must fit the scheduled network (LNG04xx); its parameters join the plan.
        IncrementalValuesProvider<WeightsResult> weighed = scheduled
            .Combine(checkpoints)
            .Select(static (pair, _) => WeighSafely(pair.Left, pair.Right))
            .WithTrackingName(TrackingNames.Weights);

        IncrementalValuesProvider<(ScalarPlan Plan, BakedWeights? Weights)> plans = weighed
            .Where(static result => result.Plan is not null)
            .Select(static (result, _) => (result.Plan!, result.Weights))
            .WithTrackingName(TrackingNames.Plan);

        // The files, written from the location-free plan (and baked weights) and the build's options alone, so a spec
        // that merely moves writes nothing again; a network whose files together would pass Limits.MaxGeneratedSource
        // gets none, and LNG0303 below.
        IncrementalValuesProvider<EmittedNetwork> emitted = plans
            .Combine(emitOptions)
            .Select(static (pair, _) => EmittedNetwork.Of(pair.Left.Plan, pair.Left.Weights, pair.Right))
            .WithTrackingName(TrackingNames.Emitted);

        context.RegisterSourceOutput(emitted.Combine(duplicateNames), static (output, pair) =>
        {
            EmittedNetwork network = pair.Left;
            if (pair.Right.Contains(network.FullName)) return; // LNG0008 is reported on the names branch
            if (network.Failure is string failure)
            {
                int split = failure.IndexOf('\n');
                output.ReportDiagnostic(DiagnosticInfo.Create(DiagnosticDescriptors.InternalError, null, network.ClassName,
                    failure.Substring(0, split), failure.Substring(split + 1)).ToDiagnostic());
                return;
            }
            foreach (GeneratedFile file in network.Files) output.AddSource(file.HintName, file.Text);
        });

        // The networks whose generated source is too large, by name and size only: small, and equal while they stay so.
        IncrementalValueProvider<EquatableArray<EmittedNetwork>> tooLarge = emitted
            .Where(static network => network.TooLarge)
            .Collect()
            .Select(static (networks, _) => networks.ToEquatableArray())
            .WithTrackingName(TrackingNames.TooLarge);

        IncrementalValuesProvider<SpecReport> diagnostics = weighed
            .Select(static (result, _) => new SpecReport(result.Diagnostics, result.Plan?.Network.FullName, result.NetworkLocation ?? result.Location, result.LayerLocations))
            .WithTrackingName(TrackingNames.Diagnostics);
        // Diagnostics go out with real source locations, so `#pragma warning disable` and [SuppressMessage] work on the
        // warnings: this output alone sees the compilation (to find each file's syntax tree) and may run again on any
        // edit; it only reports, and the generated source never depends on it.
        context.RegisterSourceOutput(diagnostics.Combine(tooLarge).Combine(context.CompilationProvider), static (output, pair) =>
        {
            var ((result, large), compilation) = pair;
            foreach (DiagnosticInfo diagnostic in result.Diagnostics) output.ReportDiagnostic(diagnostic.ToDiagnostic(compilation));
            if (result.FullName is null) return;
            foreach (EmittedNetwork network in large)
            {
                if (network.FullName != result.FullName) continue;
                string size = (network.SizeIsExact ? "" : "more than ") + MessageNumbers.Format(network.Size);
                // At the layer that writes more than half of the source; at the network when none does (many layers).
                bool atLayer = network.LargestLayer >= 0 && network.LargestLayer < result.LayerLocations.Count && result.LayerLocations[network.LargestLayer] is not null;
                string hint = atLayer
                    ? $"{network.LargestLayerName} writes {MessageNumbers.Format(network.LargestLayerSize)} of them: make it smaller (fewer maps or units, a pooling layer before it if it is a wide dense layer or head) or unroll it less (leave Unroll out, or Unroll = Window)"
                    : "no one layer writes half of them: make the network smaller (fewer or narrower layers, a pooling layer before a wide dense layer or head) or unroll less (leave Unroll out, or Unroll = Window on its largest layers)";
                output.ReportDiagnostic(DiagnosticInfo.Create(DiagnosticDescriptors.GeneratedSourceTooLarge,
                    atLayer ? result.LayerLocations[network.LargestLayer] : result.Location, network.ClassName, size,
                    MessageNumbers.Format(Limits.MaxGeneratedSource), hint).ToDiagnostic(compilation));
            }
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
            return new ScheduleResult(null, diagnostics.ToEquatableArray()) { Location = result.Location };
        }
    }

    /// <summary>The weights step is pure and total too; a bug becomes LNG9001, and the network is not generated.</summary>
    private static WeightsResult WeighSafely(ScheduleResult result, EquatableArray<ParsedCheckpoint> checkpoints)
    {
        try
        {
            return WeightsCheck.Run(result, checkpoints);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            var diagnostics = result.Diagnostics.ToList();
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InternalError, result.WeightsLocation ?? result.Location,
                result.Plan?.Network.ClassName ?? "?", exception.GetType().Name, exception.Message));
            return new WeightsResult(null, null, diagnostics.ToEquatableArray())
            {
                Location = result.Location,
                NetworkLocation = result.NetworkLocation,
                LayerLocations = result.LayerLocations,
            };
        }
    }

    /// <summary>A spec's diagnostics so far, and, when it was scheduled, its network's name, where it is declared and where
    /// each layer is (for LNG0303).</summary>
    private sealed record SpecReport(EquatableArray<DiagnosticInfo> Diagnostics, string? FullName, LocationInfo? Location, EquatableArray<LocationInfo?> LayerLocations);

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
