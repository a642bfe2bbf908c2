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

    public static EmittedNetwork Of(ScalarPlan scheduled, BakedWeights? weights = null)
    {
        NetworkPlan plan = scheduled.Network;
        long size = 0;
        try
        {
            string source = ScalarNetworkEmitter.Emit(scheduled);
            size = source.Length;
            string tiles = TileNetworkEmitter.Emit(plan);
            size += tiles.Length;
            string sample = SampleNetworkEmitter.Emit(scheduled);
            size += sample.Length;
            string? baked = weights is null ? null : BakedWeightsEmitter.Emit(plan, weights);
            size += baked?.Length ?? 0;
            if (size > Limits.MaxGeneratedSource) return TooLargeAt(plan, size);
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
            return TooLargeAt(plan, size + tooLarge.Length) with { SizeIsExact = false };
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return new EmittedNetwork(plan.FullName, plan.ClassName, EquatableArray<GeneratedFile>.Empty, size, false,
                exception.GetType().Name + "\n" + exception.Message);
        }
    }

    private static EmittedNetwork TooLargeAt(NetworkPlan plan, long size) =>
        new(plan.FullName, plan.ClassName, EquatableArray<GeneratedFile>.Empty, size, true, null);
}
