using System;

namespace LeNetGen.Samples.Cli.Bench;

/// <summary>
/// The one place where a benchmark runs many samples forward on one thread: `bench`'s batch-1000 throughput and the
/// BenchmarkDotNet project both call it (the file is linked into tests/LeNetGen.Benchmarks).
/// </summary>
/// <remarks>
/// Today this is a loop of one-sample <c>TNetwork.Forward</c> calls. When the vectorized backend adds the tile members
/// to <see cref="INetwork{TSelf, T}"/>, only this class changes: <see cref="WorkspaceSize{TNetwork}"/> returns
/// <c>TNetwork.TileWorkspaceSize</c> and <see cref="Forward{TNetwork}"/> walks the samples in tiles of
/// <c>TNetwork.TileSize</c>, calling <c>TNetwork.ForwardTile(parameters, inputs.Slice(first * InputSize, count *
/// InputSize), workspace, outputs.Slice(first * OutputSize, count * OutputSize))</c> with a last, partial tile.
/// </remarks>
internal static class InferenceKernel
{
    /// <summary>The workspace one thread needs for <see cref="Forward{TNetwork}"/>: one sample's today, one tile's later.</summary>
    public static int WorkspaceSize<TNetwork>() where TNetwork : INetwork<TNetwork, float> => TNetwork.WorkspaceSize;

    /// <summary>Runs every sample of <paramref name="inputs"/> forward into <paramref name="outputs"/>, on the calling thread.</summary>
    /// <param name="parameters">The parameters, of length ParameterCount.</param>
    /// <param name="inputs">count x InputSize values, sample after sample.</param>
    /// <param name="workspace">Of length <see cref="WorkspaceSize{TNetwork}"/>, private to the calling thread.</param>
    /// <param name="outputs">count x OutputSize values, sample after sample.</param>
    public static void Forward<TNetwork>(ReadOnlySpan<float> parameters, ReadOnlySpan<float> inputs, Span<float> workspace, Span<float> outputs)
        where TNetwork : INetwork<TNetwork, float>
    {
        // To become: for (first = 0; first < count; first += TNetwork.TileSize) TNetwork.ForwardTile(...).
        int inputSize = TNetwork.InputSize, outputSize = TNetwork.OutputSize;
        int count = inputs.Length / inputSize;
        for (int i = 0; i < count; i++)
            TNetwork.Forward(parameters, inputs.Slice(i * inputSize, inputSize), workspace, outputs.Slice(i * outputSize, outputSize));
    }
}
