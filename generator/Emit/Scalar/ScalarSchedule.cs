using System.Collections.Generic;
using System.Globalization;
using LeNetGen.Generator.Check;
using LeNetGen.Generator.Diagnostics;
using LeNetGen.Generator.Model;
using D = LeNetGen.Generator.Diagnostics.DiagnosticDescriptors;

namespace LeNetGen.Generator.Emit.Scalar;

/// <summary>A checked network and the scalar backend's schedule of it: what <see cref="ScalarNetworkEmitter"/> writes.
/// Value-equal all the way down and free of locations, like the plan.</summary>
internal sealed record ScalarPlan(NetworkPlan Network, EquatableArray<LayerSchedule> Layers);

/// <summary>
/// How the scalar backend writes one layer: the unroll depth it chose, and, for methods written out map by map (Maps
/// and Full), the first output map (unit) of each group of backward methods small enough for the JIT to optimize; a
/// single group is [0].
/// </summary>
internal readonly record struct LayerSchedule(Unroll Depth, EquatableArray<int> BackwardGroups);

/// <summary>The schedule step's verdict: the scheduled plan unless an error was found, and every diagnostic so far.</summary>
internal sealed record ScheduleResult(ScalarPlan? Plan, EquatableArray<DiagnosticInfo> Diagnostics);

/// <summary>
/// The scalar backend's schedule step, after the checker: from the checked plan's shapes and the spec's requested
/// depths, it chooses each layer's unroll depth by the <see cref="UnrollPlanner"/>'s IL cost model, groups the backward
/// methods, warns when a method will be too large for the JIT (LNG0301, at the spec's Unroll) and refuses a network
/// whose written-out code would be too large (LNG0110). It runs as its own pipeline step, so its diagnostics are
/// reported like the checker's.
/// </summary>
internal static class ScalarSchedule
{
    public static ScheduleResult Run(CheckResult checkedSpec)
    {
        if (checkedSpec.Plan is not NetworkPlan plan) return new ScheduleResult(null, checkedSpec.Diagnostics);
        var diagnostics = new List<DiagnosticInfo>(checkedSpec.Diagnostics);
        var layers = new List<LayerSchedule>(plan.Layers.Count);
        long writtenOutTaps = 0;
        for (int i = 0; i < plan.Layers.Count; i++)
        {
            LocationInfo? location = i < checkedSpec.UnrollLocations.Count ? checkedSpec.UnrollLocations[i] : checkedSpec.Location;
            layers.Add(Schedule(plan.Layers[i], location ?? checkedSpec.Location, diagnostics, ref writtenOutTaps));
        }
        if (writtenOutTaps > Limits.MaxWrittenOutTaps)
        {
            diagnostics.Add(DiagnosticInfo.Create(D.SizeTooLarge, checkedSpec.Location, "network '" + plan.ClassName + "'",
                "the number of multiply-adds written out", writtenOutTaps, Limits.MaxWrittenOutTaps));
            return new ScheduleResult(null, diagnostics.ToEquatableArray());
        }
        return new ScheduleResult(new ScalarPlan(plan, layers.ToEquatableArray()), diagnostics.ToEquatableArray());
    }

    private static LayerSchedule Schedule(LayerPlan layer, LocationInfo? location, List<DiagnosticInfo> diagnostics, ref long writtenOutTaps)
    {
        int kernelArea = layer.Kind == LayerKind.Conv ? layer.KernelHeight * layer.KernelWidth : 0;
        long tableTaps = layer.Kind == LayerKind.Conv && layer.HasTable ? layer.WeightLength : 0;
        int window = layer.Kind == LayerKind.Pool ? layer.Window : 0;
        Shape input = layer.In, output = layer.Out;

        Unroll chosen = layer.Unroll == Unroll.Auto
            ? UnrollPlanner.ChooseAuto(layer.Kind, input, output, kernelArea, tableTaps, window)
            : layer.Unroll;
        // A connection table is always written out map by map: it costs nothing at run time that way.
        if (tableTaps > 0 && chosen < Unroll.Maps) chosen = Unroll.Maps;
        long taps = UnrollPlanner.WrittenOutTaps(chosen, layer.Kind, input, output, kernelArea, tableTaps, window);
        writtenOutTaps += taps;
        var estimate = UnrollPlanner.Estimate(chosen, layer.Kind, input, output, kernelArea, tableTaps, window);
        if (UnrollPlanner.BeyondJitLimits(estimate) && taps <= Limits.MaxWrittenOutTaps)
        {
            Unroll fits = UnrollPlanner.ChooseAuto(layer.Kind, input, output, kernelArea, tableTaps, window);
            string advice = tableTaps > 0
                ? "a connection table is always written out map by map, so a smaller table (fewer maps) is the way to stay under them"
                : fits == chosen
                    ? "even one window is that large, so only a smaller kernel or input stays under them"
                    : $"use Unroll = {fits}, or Auto";
            diagnostics.Add(DiagnosticInfo.Create(D.UnrollTooLarge, location, layer.Position, layer.Description, chosen,
                estimate.Instructions.ToString("N0", CultureInfo.InvariantCulture), estimate.LocalReferences.ToString("N0", CultureInfo.InvariantCulture),
                Naming.Method(layer), advice));
        }

        EquatableArray<int> groups = layer.Kind switch
        {
            LayerKind.Conv => UnrollPlanner.BackwardGroups(chosen, output.Maps, m =>
                (layer.HasTable ? layer.Table[m].Count : input.Maps) * (long)kernelArea * (chosen == Unroll.Full ? (long)output.Height * output.Width : 1)),
            LayerKind.Pool => new[] { 0 }.ToEquatableArray(),
            _ => UnrollPlanner.BackwardGroups(chosen, output.Maps, _ => input.Size),
        };
        return new LayerSchedule(chosen, groups);
    }
}
