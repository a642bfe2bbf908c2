using Xunit;
using Xunit.Abstractions;

namespace LeNetGen.Runtime.Tests.Training;

/// <summary>
/// The d2l.ai sigmoid LeNet (issue 9) trains with every default: the default initialization (Glorot's rule for its
/// sigmoid layers) and the optimizer's defaults (SGD, rate 0.01, momentum 0.9), on real MNIST at its own 28x28, six
/// passes of minibatches of 16 over the first 10,000 training images, then the first 2,000 test images. Measured: the
/// training loss stays near ln 10 for about two passes (2.330, 2.273: sigmoid's plateau), then falls (1.339, 0.688,
/// 0.451, 0.353) to 87.90% on the test images. Under LeCun's ±2.4/fan-in, the former default, the same network and
/// training stay at chance (11.70%; loss 2.323 to 2.303), so the first test fails without the new default.
/// </summary>
public sealed class SigmoidLeNetTrainingTests(ITestOutputHelper output)
{
    private const int Images = 10_000, Passes = 6, BatchSize = 16, TestImages = 2_000;

    private Evaluation Train<TNetwork>() where TNetwork : INetwork<TNetwork, float>
    {
        var train = new BatchConverter<float>(Data.RealData.Mnist.Train.First(Images), ImageNormalization.MnistMeanStd, 28, 28);
        var parameters = new float[TNetwork.ParameterCount];
        TNetwork.InitializeParameters(parameters, 1);
        var trainer = new Trainer<TNetwork, float>(parameters,
            new SgdOptimizer<float>(TNetwork.ParameterCount),
            new Loss(LossKind.SoftmaxCrossEntropy), BatchSize, 1);
        for (int pass = 0; pass < Passes; pass++)
            output.WriteLine($"{typeof(TNetwork).Name}: pass {pass + 1}, training loss {trainer.TrainEpoch(train).Loss:F4}");
        Evaluation test = Evaluation.Of<TNetwork, float>(parameters,
            new BatchConverter<float>(Data.RealData.Mnist.Test.First(TestImages), ImageNormalization.MnistMeanStd, 28, 28),
            new Loss(LossKind.SoftmaxCrossEntropy));
        output.WriteLine($"{typeof(TNetwork).Name}: test accuracy {test.Accuracy:P2}, loss {test.Loss:F4}");
        Assert.Equal(TestImages, test.Count);
        return test;
    }

    [Fact]
    public void TheSigmoidLeNetLearnsWithTheDefaultInitialization()
    {
        Evaluation test = Train<SigmoidLeNet>();
        // Chance is about 10% (one class for every digit: 11.35% on the whole test set).
        Assert.True(test.Accuracy >= 0.75, $"test accuracy {test.Accuracy:P2}; expected at least 75%");
    }

    [Fact]
    public void UnderLeCunsRuleTheSameTrainingStaysNearChance()
    {
        Evaluation test = Train<SigmoidLeNetLeCun>();
        Assert.True(test.Accuracy < 0.25, $"test accuracy {test.Accuracy:P2}; LeCun's rule was expected to leave this network untrained");
    }
}
