using Xunit;
using Xunit.Abstractions;

namespace LeNetGen.Runtime.Tests.Training;

/// <summary>
/// Networks written for SGD train with the default initialization (He's rule for ReLU layers, Glorot's for the others):
/// one pass of plain SGD with momentum over 10,000 MNIST training images, then the 10,000 test images. Under LeCun's
/// ±2.4/fan-in, the former default, both stayed at chance (11.35%, every digit called a 1) after such a pass.
/// </summary>
public sealed class DefaultInitTrainingTests(ITestOutputHelper output)
{
    [Fact]
    public void TheD2lSigmoidLeNetLearnsWithTheDefaultInitialization() =>
        AssertLearns<SigmoidLeNet>(rate: 0.1, atLeast: 0.80);

    [Fact]
    public void TheReluLeNetLearnsWithTheDefaultInitialization() =>
        AssertLearns<ReluLeNet>(rate: 0.01, atLeast: 0.95);

    private void AssertLearns<TNetwork>(double rate, double atLeast) where TNetwork : INetwork<TNetwork, float>
    {
        int parameterCount = TNetwork.ParameterCount;
        BatchConverter<float> train = TrainingData.First<float>(10_000, ImageNormalization.MnistMeanStd);
        var parameters = new float[parameterCount];
        TNetwork.InitializeParameters(parameters, 1);
        var trainer = new Trainer<TNetwork, float>(parameters,
            new SgdOptimizer<float>(parameterCount) { Schedule = LearningRateSchedule.Constant(rate), Momentum = 0.9 },
            new Loss(LossKind.SoftmaxCrossEntropy), 16, 1);
        EpochResult pass = trainer.TrainEpoch(train);

        Evaluation test = Evaluation.Of<TNetwork, float>(parameters, TrainingData.Test<float>(ImageNormalization.MnistMeanStd),
            new Loss(LossKind.SoftmaxCrossEntropy));
        output.WriteLine($"{typeof(TNetwork).Name}: training loss {pass.Loss:F4}; test accuracy {test.Accuracy:P2}, loss {test.Loss:F4}");
        Assert.True(test.Accuracy >= atLeast, $"{typeof(TNetwork).Name}: test accuracy {test.Accuracy:P2} after one pass over 10,000 images; expected at least {atLeast:P0}");
    }
}
