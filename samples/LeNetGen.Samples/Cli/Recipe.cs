using System;

namespace LeNetGen.Samples.Cli;

/// <summary>How a sample network is trained unless the command line says otherwise.</summary>
internal sealed record Recipe(
    string Optimizer, double LearningRate, double Momentum, double WeightDecay, int BatchSize, int Epochs,
    string Schedule, string Normalization, LossKind Loss)
{
    /// <summary>
    /// The defaults: the classic network with the paper's recipe (SDLM, its per-pass schedule, MAP loss, one sample per
    /// step, the paper's normalization); the others with SGD and momentum, minibatches of 64, a cosine schedule.
    /// </summary>
    public static Recipe For(NetworkChoice network) => network switch
    {
        NetworkChoice.Classic => new("sdlm", 0.0005, 0, 0, 1, 2, "paper", "paper", LossKind.Map),
        NetworkChoice.Modern => new("sgd", 0.01, 0.9, 0, 64, 2, "cosine", "meanstd", LossKind.SoftmaxCrossEntropy),
        _ => new("sgd", 0.01, 0.9, 0, 64, 2, "cosine", "meanstd", LossKind.SoftmaxCrossEntropy),
    };

    public ImageNormalization ImageNormalization => Normalization switch
    {
        "paper" => ImageNormalization.Paper,
        "meanstd" => ImageNormalization.MnistMeanStd,
        "unit" => ImageNormalization.UnitInterval,
        _ => throw new ArgumentException($"Unknown normalization '{Normalization}'; use paper, meanstd or unit."),
    };

    public LearningRateSchedule LearningRateSchedule => Schedule switch
    {
        "paper" => LearningRateSchedule.Paper,
        "constant" => LearningRateSchedule.Constant(LearningRate),
        "cosine" => LearningRateSchedule.Cosine(LearningRate),
        "step" => LearningRateSchedule.Step(LearningRate, 3, 0.3),
        _ => throw new ArgumentException($"Unknown schedule '{Schedule}'; use paper, constant, cosine or step."),
    };

    public Optimizer<float> CreateOptimizer(int parameterCount) => Optimizer switch
    {
        "sdlm" => new SdlmOptimizer<float>(parameterCount) { Schedule = LearningRateSchedule },
        "sgd" => new SgdOptimizer<float>(parameterCount) { Schedule = LearningRateSchedule, Momentum = Momentum, WeightDecay = WeightDecay },
        _ => throw new ArgumentException($"Unknown optimizer '{Optimizer}'; use sgd or sdlm."),
    };
}
