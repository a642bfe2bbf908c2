using Xunit;
using Xunit.Abstractions;

namespace LeNetGen.Runtime.Tests.Training;

/// <summary>
/// Learning on real data, which a wrong backward pass cannot fake: one pass over 10,000 MNIST training images must
/// classify at least 95% of the 10,000 test images. (MNIST comes from LENETGEN_MNIST or ../shared; missing data fails.)
/// </summary>
public sealed class RealDataTrainingTests(ITestOutputHelper output)
{
    [Fact]
    public void OnePassOverTenThousandMnistImagesReaches95PercentOnTheTestSet()
    {
        BatchConverter<float> train = TrainingData.First<float>(10_000, ImageNormalization.MnistMeanStd);
        var parameters = new float[TanhLeNet5.ParameterCount];
        TanhLeNet5.InitializeParameters(parameters, 1);
        var trainer = new Trainer<TanhLeNet5, float>(parameters,
            new SgdOptimizer<float>(TanhLeNet5.ParameterCount) { Schedule = LearningRateSchedule.Constant(0.02), Momentum = 0.9 },
            new Loss(LossKind.SoftmaxCrossEntropy), 16, 1);
        EpochResult pass = trainer.TrainEpoch(train);

        Evaluation test = Evaluation.Of<TanhLeNet5, float>(parameters, TrainingData.Test<float>(ImageNormalization.MnistMeanStd),
            new Loss(LossKind.SoftmaxCrossEntropy));
        output.WriteLine($"training loss {pass.Loss:F4}, {pass.ImagesPerSecond:F0} images/s; test accuracy {test.Accuracy:P2}, loss {test.Loss:F4}");
        Assert.True(test.Accuracy >= 0.95, $"test accuracy {test.Accuracy:P2} after one pass over 10,000 images; expected at least 95%");
        Assert.Equal(10_000, test.Count);
    }
}
