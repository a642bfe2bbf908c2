using BenchmarkDotNet.Attributes;
using LeNetGen.Samples.Networks;

namespace LeNetGen.Benchmarks;

/// <summary>
/// One training step of the three benchmark networks through the runtime's <see cref="Trainer{TNetwork, T}"/>: a fixed
/// batch of random images and labels, forward, loss, backward and the SGD step (momentum 0.9), on every processor (at
/// most the trainer's lanes). Each invocation is a pass over a training set of exactly one batch, so one step, with the
/// few small objects a pass makes (its sample order and result).
/// </summary>
/// <typeparam name="TNetwork">The generated network.</typeparam>
[MemoryDiagnoser]
[GenericTypeArguments(typeof(LeNet5))]
[GenericTypeArguments(typeof(ModernLeNet5))]
[GenericTypeArguments(typeof(PeerLeNet5))]
public class TrainingStepBenchmarks<TNetwork> where TNetwork : INetwork<TNetwork, float>
{
    private Trainer<TNetwork, float>? _trainer;
    private BatchConverter<float>? _batch;

    /// <summary>Images per step: 1 runs the one-sample vector kernels, as the paper's one-sample steps do; 64 and 256 the tiles.</summary>
    [Params(1, 64, 256)]
    public int BatchSize { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var parameters = new float[TNetwork.ParameterCount];
        TNetwork.InitializeParameters(parameters, seed: 1);
        _batch = new BatchConverter<float>(RandomImages.Dataset(BatchSize, seed: 11), ImageNormalization.MnistMeanStd);
        // The classic network's RBF head takes its MAP criterion; the others softmax cross-entropy. A small rate keeps
        // thousands of steps on one batch far from divergence; speed does not depend on it.
        var loss = new Loss(TNetwork.Head == OutputHead.Rbf ? LossKind.Map : LossKind.SoftmaxCrossEntropy);
        var optimizer = new SgdOptimizer<float>(TNetwork.ParameterCount) { Schedule = LearningRateSchedule.Constant(0.001), Momentum = 0.9 };
        _trainer = new Trainer<TNetwork, float>(parameters, optimizer, loss, BatchSize, seed: 1);
    }

    /// <summary>Forward, backward and optimizer step over the batch.</summary>
    [Benchmark]
    public EpochResult Step() => _trainer!.TrainEpoch(_batch!);
}
