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
internal sealed record ScheduleResult(ScalarPlan? Plan, EquatableArray<DiagnosticInfo> Diagnostics)
{
    /// <summary>Where the network is declared (its name).</summary>
    public LocationInfo? Location { get; init; }

    /// <summary>Where the spec names its checkpoint: where the weights' diagnostics go.</summary>
    public LocationInfo? WeightsLocation { get; init; }

    /// <summary>Where LNG0303 goes when no one layer makes the generated source too large (see <see cref="CheckResult.NetworkLocation"/>).</summary>
    public LocationInfo? NetworkLocation { get; init; }

    /// <summary>For each layer of the plan: the layer, where LNG0303 goes when that layer writes most of the source.</summary>
    public EquatableArray<LocationInfo?> LayerLocations { get; init; } = EquatableArray<LocationInfo?>.Empty;
}

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
        if (checkedSpec.Plan is not NetworkPlan plan) return new ScheduleResult(null, checkedSpec.Diagnostics) { Location = checkedSpec.Location, WeightsLocation = checkedSpec.WeightsLocation };
        var diagnostics = new List<DiagnosticInfo>(checkedSpec.Diagnostics);
        var layers = new List<LayerSchedule>(plan.Layers.Count);
        bool failed = false;
        for (int i = 0; i < plan.Layers.Count; i++)
        {
            LocationInfo? location = i < checkedSpec.UnrollLocations.Count ? checkedSpec.UnrollLocations[i] : checkedSpec.Location;
            layers.Add(Schedule(plan.Layers[i], location ?? checkedSpec.Location, diagnostics, ref failed));
        }
        return new ScheduleResult(failed ? null : new ScalarPlan(plan, layers.ToEquatableArray()), diagnostics.ToEquatableArray())
        {
            Location = checkedSpec.Location,
            WeightsLocation = checkedSpec.WeightsLocation,
            NetworkLocation = checkedSpec.NetworkLocation,
            LayerLocations = checkedSpec.LayerLocations,
        };
    }

    private static readonly Unroll[] Depths = { Unroll.Full, Unroll.Maps, Unroll.Kernel, Unroll.Window };

    private static LayerSchedule Schedule(LayerPlan layer, LocationInfo? location, List<DiagnosticInfo> diagnostics, ref bool failed)
    {
        int kernelArea = layer.Kind == LayerKind.Conv ? layer.KernelHeight * layer.KernelWidth : 0;
        long tableTaps = layer.Kind == LayerKind.Conv && layer.HasTable ? layer.WeightLength : 0;
        int window = layer.Kind == LayerKind.Pool ? layer.Window : 0;
        int copies = layer.Kind == LayerKind.Pool ? System.Linq.Enumerable.Count(PoolWindows.Of(layer)) : 1;
        Shape input = layer.In, output = layer.Out;

        Unroll chosen = layer.Unroll == Unroll.Auto
            ? UnrollPlanner.ChooseAuto(layer.Kind, input, output, kernelArea, tableTaps, window, copies)
            : layer.Unroll;
        // A connection table is always written out map by map: it costs nothing at run time that way.
        if (tableTaps > 0 && chosen < Unroll.Maps) chosen = Unroll.Maps;
        long taps = UnrollPlanner.WrittenOutTaps(chosen, layer.Kind, input, output, kernelArea, tableTaps, window, copies);
        long allPasses = UnrollPlanner.OverAllPasses(layer.Kind, taps);
        if (allPasses > Limits.MaxWrittenOutTapsPerLayer)
        {
            // A requested depth that writes out too much is an error, not silently changed: the message names the
            // deepest one that fits. Auto only gets here when even its shallowest depth is too much.
            string what = tableTaps > 0 && layer.Unroll < Unroll.Maps ? "its connection table, written out map by map,"
                : layer.Unroll == Unroll.Auto ? "even one window, written out whole (Unroll = Window),"
                : $"Unroll = {chosen}";
            string? fits = null;
            foreach (Unroll depth in Depths)
            {
                if (depth >= chosen || (tableTaps > 0 && depth < Unroll.Maps)) continue;
                long lighter = UnrollPlanner.OverAllPasses(layer.Kind, UnrollPlanner.WrittenOutTaps(depth, layer.Kind, input, output, kernelArea, tableTaps, window, copies));
                if (lighter > Limits.MaxWrittenOutTapsPerLayer) continue;
                fits = $"Unroll = {depth} writes out {N(lighter)} and fits, or leave Unroll out (Auto)";
                break;
            }
            long factor = UnrollPlanner.OverAllPasses(layer.Kind, 1);
            fits ??= tableTaps > 0
                ? $"a connection table is always written out map by map, so with this {layer.KernelHeight}x{layer.KernelWidth} kernel at most {N(Limits.MaxWrittenOutTapsPerLayer / factor / kernelArea)} connections (the table's X's) fit; use fewer, or no table"
                : layer.Kind == LayerKind.Pool
                    ? $"a window of at most {N(Limits.MaxWrittenOutTapsPerLayer / factor)} cells fits"
                    : $"a kernel of at most {N(Limits.MaxWrittenOutTapsPerLayer / factor)} cells fits";
            diagnostics.Add(DiagnosticInfo.Create(D.WrittenOutTooMuch, location, layer.Position, layer.Description, what, N(allPasses),
                N(Limits.MaxWrittenOutTapsPerLayer), fits));
            failed = true;
            return new LayerSchedule(chosen, new[] { 0 }.ToEquatableArray());
        }
        var estimate = UnrollPlanner.Estimate(chosen, layer.Kind, input, output, kernelArea, tableTaps, window, copies);
        if (UnrollPlanner.BeyondJitLimits(estimate))
        {
            Unroll fits = UnrollPlanner.ChooseAuto(layer.Kind, input, output, kernelArea, tableTaps, window, copies);
            string advice = tableTaps > 0
                ? "a connection table is always written out map by map, so a smaller table (fewer maps) is the way to stay under them"
                : fits == chosen
                    ? "even one window is that large, so only a smaller kernel or input stays under them"
                    : $"use Unroll = {fits}, or Auto";
            diagnostics.Add(DiagnosticInfo.Create(D.UnrollTooLarge, location, layer.Position, layer.Description, chosen,
                N(estimate.Instructions), N(estimate.LocalReferences), Naming.Method(layer), advice));
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

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
