using System;
using System.Collections.Generic;
using LeNetGen.Generator.Check;
using LeNetGen.Generator.Emit.Scalar;
using LeNetGen.Generator.Emit.Vector;
using LeNetGen.Generator.Emit.Vector.Sample;
using LeNetGen.Generator.Model;

namespace LeNetGen.Generator.Emit;

/// <summary>One generated file: its hint name and text.</summary>
internal readonly record struct GeneratedFile(string HintName, string Text);

/// <summary>
/// A scheduled network's generated files (scalar, tile and one-sample kernels, and the baked weights when the spec
/// names a checkpoint), or why there are none: the files together would pass <see cref="Limits.MaxGeneratedSource"/> characters (<see cref="Size"/> then says how many were
/// reached, at least), or an emitter failed (<see cref="Failure"/>, LNG9001). Location-free and value-equal, like the
/// plan it comes from, so a spec that merely moves emits nothing again.
/// </summary>
internal sealed record EmittedNetwork(string FullName, string ClassName, EquatableArray<GeneratedFile> Files, long Size, bool TooLarge, string? Failure)
{
    /// <summary>True when <see cref="Size"/> is the whole size; false when writing stopped at the limit.</summary>
    public bool SizeIsExact { get; init; } = true;

    /// <summary>
    /// For a network whose source is too large: the plan index of the layer that wrote more than half of it (where
    /// LNG0303 goes), or -1 when no layer did, so the size is the whole network's (many layers), and LNG0303 goes to the
    /// network's declaration.
    /// </summary>
    public int LargestLayer { get; init; } = -1;

    /// <summary>The characters <see cref="LargestLayer"/> wrote (its methods in the three files).</summary>
    public long LargestLayerSize { get; init; }

    /// <summary>How LNG0303 names <see cref="LargestLayer"/>: "layer 2 (conv 40@5x5)".</summary>
    public string LargestLayerName { get; init; } = "";

    /// <param name="scheduled">The scheduled network.</param>
    /// <param name="weights">The checkpoint to bake in, or null.</param>
    /// <param name="options">What the build asks of the emitters (the vector widths); null for the defaults.</param>
    public static EmittedNetwork Of(ScalarPlan scheduled, BakedWeights? weights = null, EmitOptions? options = null)
    {
        NetworkPlan plan = scheduled.Network;
        IReadOnlyList<VectorWidth> widths = VectorWidth.Of(options ?? EmitOptions.Default);
        long size = 0;
        var perLayer = new long[plan.Layers.Count];
        try
        {
            string source = ScalarNetworkEmitter.Emit(scheduled, perLayer);
            size = source.Length;
            string tiles = TileNetworkEmitter.Emit(plan, widths, perLayer);
            size += tiles.Length;
            string sample = SampleNetworkEmitter.Emit(scheduled, widths, perLayer);
            size += sample.Length;
            string? baked = weights is null ? null : BakedWeightsEmitter.Emit(plan, weights);
            size += baked?.Length ?? 0;
            if (size > Limits.MaxGeneratedSource) return TooLargeAt(plan, size, perLayer);
            var files = new List<GeneratedFile>
            {
                new(plan.HintName, source),
                new(TileNetworkEmitter.HintName(plan), tiles),
                new(SampleNetworkEmitter.HintName(plan), sample),
            };
            if (baked is not null) files.Add(new GeneratedFile(BakedWeightsEmitter.HintName(plan), baked));
            return new EmittedNetwork(plan.FullName, plan.ClassName, files.ToEquatableArray(), size, false, null);
        }
        catch (GeneratedSourceTooLargeException tooLarge)
        {
            return TooLargeAt(plan, size + tooLarge.Length, perLayer) with { SizeIsExact = false };
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return new EmittedNetwork(plan.FullName, plan.ClassName, EquatableArray<GeneratedFile>.Empty, size, false,
                exception.GetType().Name + "\n" + exception.Message);
        }
    }

    private static EmittedNetwork TooLargeAt(NetworkPlan plan, long size, long[] perLayer)
    {
        var network = new EmittedNetwork(plan.FullName, plan.ClassName, EquatableArray<GeneratedFile>.Empty, size, true, null);
        int largest = 0;
        for (int i = 1; i < perLayer.Length; i++)
            if (perLayer[i] > perLayer[largest]) largest = i;
        if (perLayer.Length == 0 || perLayer[largest] * 2 <= size) return network;
        LayerPlan layer = plan.Layers[largest];
        return network with { LargestLayer = largest, LargestLayerSize = perLayer[largest], LargestLayerName = $"layer {layer.Position} ({layer.Description})" };
    }
}
