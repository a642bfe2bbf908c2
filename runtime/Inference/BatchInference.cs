using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Threading.Tasks;

namespace LeNetGen;

/// <summary>
/// Runs any number of samples forward through a network's vectorized tile kernels, TileSize samples at a time, the
/// tiles spread over up to <see cref="Threads"/> threads, each with its own tile workspace allocated once here. The
/// outputs do not depend on the number of threads: every sample's arithmetic is the same in any tile.
/// </summary>
/// <typeparam name="TNetwork">The generated network.</typeparam>
/// <typeparam name="T">Its element type.</typeparam>
public sealed class BatchInference<TNetwork, T>
    where TNetwork : INetwork<TNetwork, T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly Memory<T>[] _workspaces;
    private readonly ParallelOptions _options;

    /// <summary>Creates the workspaces for <paramref name="threads"/> threads.</summary>
    /// <param name="threads">Threads to use; 0 for one per processor.</param>
    public BatchInference(int threads = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(threads);
        Threads = Math.Clamp(threads == 0 ? Environment.ProcessorCount : threads, 1, 64);
        _workspaces = new Memory<T>[Threads];
        for (int t = 0; t < Threads; t++) _workspaces[t] = AlignedScratch.Allocate<T>(TNetwork.TileWorkspaceSize);
        _options = new ParallelOptions { MaxDegreeOfParallelism = Threads };
    }

    /// <summary>The most threads one call uses.</summary>
    public int Threads { get; }

    /// <summary>Runs <paramref name="inputs"/> forward into <paramref name="outputs"/>.</summary>
    /// <param name="parameters">The parameters, of length ParameterCount.</param>
    /// <param name="inputs">The samples one after another, InputSize values each.</param>
    /// <param name="outputs">Receives OutputSize outputs per sample.</param>
    public void Forward(ReadOnlyMemory<T> parameters, ReadOnlyMemory<T> inputs, Memory<T> outputs)
    {
        LengthGuard.Require(parameters.Length, TNetwork.ParameterCount, "parameters", nameof(parameters));
        int count = inputs.Length / TNetwork.InputSize;
        LengthGuard.RequireBatch(inputs.Length, TNetwork.InputSize, count, "one input", nameof(inputs));
        LengthGuard.RequireBatch(outputs.Length, TNetwork.OutputSize, count, "outputs of one sample", nameof(outputs));
        int tile = TNetwork.TileSize, tiles = (count + tile - 1) / tile;
        int chunks = Math.Min(Threads, tiles);
        if (chunks <= 1)
        {
            Run(parameters.Span, inputs.Span, outputs.Span, _workspaces[0].Span, 0, tiles, count);
            return;
        }
        Parallel.For(0, chunks, _options, chunk =>
            Run(parameters.Span, inputs.Span, outputs.Span, _workspaces[chunk].Span, (int)((long)tiles * chunk / chunks), (int)((long)tiles * (chunk + 1) / chunks), count));
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Run(ReadOnlySpan<T> parameters, ReadOnlySpan<T> inputs, Span<T> outputs, Span<T> workspace, int firstTile, int endTile, int count)
    {
        int tile = TNetwork.TileSize;
        for (int t = firstTile; t < endTile; t++)
        {
            int first = t * tile, samples = Math.Min(tile, count - first);
            TNetwork.ForwardTile(parameters, inputs.Slice(first * TNetwork.InputSize, samples * TNetwork.InputSize), workspace,
                outputs.Slice(first * TNetwork.OutputSize, samples * TNetwork.OutputSize));
        }
    }
}
