using System;
using System.Text.Json.Serialization;

namespace LeNetGen.Samples.Cli;

/// <summary>How a sample network is trained unless the command line says otherwise.</summary>
internal sealed record Recipe(
    string Optimizer, double LearningRate, double Momentum, double WeightDecay, int BatchSize, int Epochs,
    string Schedule, string Normalization, LossKind Loss, double Mu = 0.02, double MapConstant = 1.0, int CurvatureEvery = 0,
    double CurvatureDecay = 0.01)
{
    /// <summary>
    /// The defaults: the classic network with the paper's recipe (SDLM, its per-pass schedule, MAP loss with j = 1, one
    /// sample per step, the paper's normalization) except mu = 0.2 and h_kk tracked by a running average during the
    /// pass (see the comment below); the others with SGD and momentum, minibatches of 64, a cosine schedule.
    /// </summary>
    public static Recipe For(NetworkChoice network) => network switch
    {
        // mu 0.2 instead of the paper's 0.02 and the paper's running average of h_kk during the pass (every 4th sample,
        // gamma 0.02): from the spec's +-2.4/fan-in initialization the activations of C5 and F6 start a thousand times
        // below 1, so every h_kk starts tiny and eta/mu = 0.025 per sample saturates F6 within 10 samples.
        NetworkChoice.Classic => new("sdlm", 0.0005, 0, 0, 1, 2, "paper", "paper", LossKind.Map, Mu: 0.2, CurvatureEvery: 4, CurvatureDecay: 0.02),
        NetworkChoice.Modern => new("sgd", 0.01, 0.9, 0, 64, 2, "cosine", "meanstd", LossKind.SoftmaxCrossEntropy),
        // The peer's: SGD, learning rate 0.01 (constant), momentum 0.9, batch 64, mean 0.1307 / std 0.3081, padded to 32x32.
        NetworkChoice.Peer => new("sgd", 0.01, 0.9, 0, 64, 2, "constant", "meanstd", LossKind.SoftmaxCrossEntropy),
        _ => new("sgd", 0.05, 0.9, 0, 64, 2, "cosine", "meanstd", LossKind.SoftmaxCrossEntropy),
    };

    public Loss CreateLoss() => new(Loss, MapConstant);

    /// <summary>The schedule as metrics.json shows it, e.g. "cosine 0.01 -> 0".</summary>
    [JsonPropertyName("learning_rate_schedule")]
    public string LearningRateScheduleDescription => LearningRateSchedule.ToString();

    /// <summary>The normalization's name for <paramref name="preparation"/> (paper, meanstd, unit), else its numbers.</summary>
    public static string Describe(InputPreparation preparation)
    {
        foreach (string name in new[] { "paper", "meanstd", "unit" })
            if (preparation.HasNormalization(NormalizationNamed(name))) return $"--normalization {name}";
        return FormattableString.Invariant($"pixel x {preparation.Scale:G6} + {preparation.Offset:G6}");
    }

    /// <summary>The normalization of --normalization <paramref name="name"/>.</summary>
    public static ImageNormalization NormalizationNamed(string name) => name switch
    {
        "paper" => ImageNormalization.Paper,
        "meanstd" => ImageNormalization.MnistMeanStd,
        "unit" => ImageNormalization.UnitInterval,
        _ => throw new ArgumentException($"Unknown normalization '{name}'; use paper, meanstd or unit."),
    };

    /// <summary>The normalization <paramref name="given"/> names, else the one <paramref name="checkpoint"/> records, else the recipe's.</summary>
    public ImageNormalization NormalizationFor(Checkpoint<float> checkpoint, string checkpointPath, string? given)
    {
        InputPreparation? recorded = InputPreparation.RecordedIn(checkpoint);
        if (recorded is null) return given is null ? ImageNormalization : NormalizationNamed(given);
        if (given is not null && !recorded.HasNormalization(NormalizationNamed(given)))
            throw new ArgumentException(
                $"{checkpointPath} was trained on images prepared with {Describe(recorded)}, not --normalization {given}: a network sees " +
                "other inputs with another normalization and its figures would mean nothing. Leave --normalization out to use the checkpoint's.");
        return NormalizationNamedOrExact(recorded);
    }

    private static ImageNormalization NormalizationNamedOrExact(InputPreparation recorded)
    {
        foreach (string name in new[] { "paper", "meanstd", "unit" })
            if (recorded.HasNormalization(NormalizationNamed(name))) return NormalizationNamed(name);
        throw new ArgumentException(FormattableString.Invariant(
            $"The checkpoint's normalization (pixel x {recorded.Scale:G17} + {recorded.Offset:G17}) is none this command line offers."));
    }

    [JsonIgnore]
    public ImageNormalization ImageNormalization => NormalizationNamed(Normalization);

    [JsonIgnore]
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
        "sdlm" => new SdlmOptimizer<float>(parameterCount)
        {
            Schedule = LearningRateSchedule, Mu = Mu, CurvatureEvery = CurvatureEvery, CurvatureDecay = CurvatureDecay,
        },
        "sgd" => new SgdOptimizer<float>(parameterCount) { Schedule = LearningRateSchedule, Momentum = Momentum, WeightDecay = WeightDecay },
        _ => throw new ArgumentException($"Unknown optimizer '{Optimizer}'; use sgd or sdlm."),
    };
}
