using System;
using BenchmarkDotNet.Attributes;
using LeNetGen.Samples.Networks;

namespace LeNetGen.Benchmarks;

/// <summary>
/// Inference of the three benchmark networks: one image forward on one thread (the latency `bench` reports as the
/// median of single calls; the one-sample vector kernels, and the scalar ones beside them), and the first-1,000-images batch of `bench` run on every processor through the runtime's
/// <see cref="BatchInference{TNetwork, T}"/>. Inputs are random values of MNIST's normalized range; speed does not depend on them.
/// </summary>
/// <typeparam name="TNetwork">The generated network.</typeparam>
[MemoryDiagnoser]
[GenericTypeArguments(typeof(LeNet5))]
[GenericTypeArguments(typeof(ModernLeNet5))]
[GenericTypeArguments(typeof(PeerLeNet5))]
public class InferenceBenchmarks<TNetwork> where TNetwork : INetwork<TNetwork, float>
{
    private const int Batch = 1000;

    private float[] _parameters = [];
    private float[] _input = [];
    private float[] _workspace = [];
    private float[] _output = [];
    private float[] _inputs = [];
    private float[] _outputs = [];
    private BatchInference<TNetwork, float>? _batch;

    [GlobalSetup]
    public void Setup()
    {
        _parameters = new float[TNetwork.ParameterCount];
        TNetwork.InitializeParameters(_parameters, seed: 1);
        float[] inputs = RandomImages.Values(Batch * TNetwork.InputSize, seed: 7);
        _input = inputs[..TNetwork.InputSize];
        _workspace = new float[TNetwork.WorkspaceSize];
        _output = new float[TNetwork.OutputSize];
        _inputs = inputs;
        _outputs = new float[Batch * TNetwork.OutputSize];
        _batch = new BatchInference<TNetwork, float>(Environment.ProcessorCount);
    }

    /// <summary>One image forward on one thread, through the one-sample vector kernels (what `bench` and `predict` run).</summary>
    [Benchmark]
    public void ForwardBatch1() => TNetwork.ForwardSample(_parameters, _input, _workspace, _output);

    /// <summary>One image forward on one thread, through the scalar kernels (the fallback and the tests' oracle).</summary>
    [Benchmark]
    public void ForwardBatch1Scalar() => TNetwork.Forward(_parameters, _input, _workspace, _output);

    /// <summary>1,000 images forward, on all processors; the time is the whole batch's.</summary>
    [Benchmark]
    public void InferBatch1000() => _batch!.Forward(_parameters, _inputs, _outputs);
}
