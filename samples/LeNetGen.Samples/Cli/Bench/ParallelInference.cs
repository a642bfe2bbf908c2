using System;
using System.Threading.Tasks;

namespace LeNetGen.Samples.Cli.Bench;

/// <summary>
/// Runs a batch forward on several threads: the batch is cut into one contiguous chunk per thread, each run by
/// <see cref="InferenceKernel.Forward{TNetwork}"/> with that thread's own workspace. Buffers and the loop body are made
/// once, here; a call allocates nothing of its own (Parallel.For keeps a few small objects of bookkeeping per call, not
/// per sample).
/// </summary>
/// <typeparam name="TNetwork">The generated network.</typeparam>
internal sealed class ParallelInference<TNetwork> where TNetwork : INetwork<TNetwork, float>
{
    /// <summary>Chunks start at multiples of this, the tile size the vectorized backend is expected to use.</summary>
    public const int ChunkAlignment = 16;

    private readonly float[] _parameters;
    private readonly float[] _inputs;
    private readonly float[] _outputs;
    private readonly float[][] _workspaces;
    private readonly int _count;
    private readonly ParallelOptions _options;
    private readonly Action<int> _runChunk;

    /// <summary>Prepares runs of <paramref name="count"/> samples of <paramref name="inputs"/> on <paramref name="threads"/> threads.</summary>
    public ParallelInference(float[] parameters, float[] inputs, int count, int threads)
    {
        LengthGuard.Require(parameters.Length, TNetwork.ParameterCount, "parameters", nameof(parameters));
        LengthGuard.RequireBatch(inputs.Length, TNetwork.InputSize, count, "inputs", nameof(inputs));
        _parameters = parameters;
        _inputs = inputs;
        _count = count;
        _outputs = new float[count * TNetwork.OutputSize];
        Threads = Math.Clamp(threads, 1, Math.Max(1, count));
        _workspaces = new float[Threads][];
        for (int t = 0; t < Threads; t++) _workspaces[t] = new float[InferenceKernel.WorkspaceSize<TNetwork>()];
        _options = new ParallelOptions { MaxDegreeOfParallelism = Threads };
        _runChunk = RunChunk;
    }

    /// <summary>The threads a run uses.</summary>
    public int Threads { get; }

    /// <summary>The outputs of the last run, count x OutputSize.</summary>
    public ReadOnlySpan<float> Outputs => _outputs;

    /// <summary>Runs the whole batch forward once.</summary>
    public void Run()
    {
        if (Threads == 1) RunChunk(0);
        else Parallel.For(0, Threads, _options, _runChunk);
    }

    private void RunChunk(int chunk)
    {
        int first = Boundary(chunk), end = Boundary(chunk + 1);
        if (end <= first) return;
        int inputSize = TNetwork.InputSize, outputSize = TNetwork.OutputSize;
        InferenceKernel.Forward<TNetwork>(_parameters,
            _inputs.AsSpan(first * inputSize, (end - first) * inputSize),
            _workspaces[chunk],
            _outputs.AsSpan(first * outputSize, (end - first) * outputSize));
    }

    // Chunk c covers [Boundary(c), Boundary(c + 1)): equal shares rounded to ChunkAlignment, the last one to the end.
    private int Boundary(int chunk)
    {
        if (chunk >= Threads) return _count;
        int at = (int)((long)_count * chunk / Threads);
        return Math.Min(_count, at / ChunkAlignment * ChunkAlignment);
    }
}
