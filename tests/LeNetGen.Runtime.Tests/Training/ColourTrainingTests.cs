using LeNetGen.Runtime.Tests.Networks;
using Xunit;
using Xunit.Abstractions;

namespace LeNetGen.Runtime.Tests.Training;

/// <summary>
/// A 3-channel network trains through the runtime: PyTorch's CIFAR-10 LeNet, declared with LeNetGen's attributes, learns
/// the synthetic colour task (<see cref="ColouredShapes"/>) through <see cref="Trainer{TNetwork, T}"/> and classifies
/// images it never saw.
/// </summary>
public sealed class ColourTrainingTests(ITestOutputHelper output)
{
    [Fact]
    public void TheCifarLeNetLearnsWhichColourChannelCarriesWhichShape()
    {
        Dataset train = ColouredShapes.Make("coloured shapes train", 4_000, seed: 1), test = ColouredShapes.Make("coloured shapes test", 1_000, seed: 2);
        ImageNormalization normalization = ImageNormalization.MeanStdOf(train);
        BatchConverter<float> trainData = BatchConverter<float>.For<CifarLeNet>(train, normalization);
        BatchConverter<float> testData = BatchConverter<float>.For<CifarLeNet>(test, normalization);
        var loss = new Loss(LossKind.SoftmaxCrossEntropy);

        var parameters = new float[CifarLeNet.ParameterCount];
        CifarLeNet.InitializeParameters(parameters, CifarLeNet.DefaultSeed);
        Evaluation before = Evaluation.Of<CifarLeNet, float>(parameters, testData, loss);
        var trainer = new Trainer<CifarLeNet, float>(parameters,
            new SgdOptimizer<float>(CifarLeNet.ParameterCount) { Schedule = LearningRateSchedule.Constant(0.01), Momentum = 0.9 },
            loss, batchSize: 16, seed: 3) { PlannedEpochs = 3 };
        for (int pass = 0; pass < 3; pass++)
        {
            EpochResult result = trainer.TrainEpoch(trainData);
            output.WriteLine($"pass {result.Epoch}: training loss {result.Loss:F4}, accuracy {result.Accuracy:P2}");
        }

        Evaluation after = Evaluation.Of<CifarLeNet, float>(parameters, testData, loss);
        output.WriteLine($"held-out before training: {before}; after: {after}");
        Assert.True(before.Accuracy < 0.3, $"untrained accuracy {before.Accuracy:P2}: the task should not be solved by chance");
        Assert.True(after.Accuracy >= 0.95, $"held-out accuracy {after.Accuracy:P2} after 3 passes over 4,000 images; expected at least 95%");
        // Every class is learnt, colour and shape alike: no class is left to chance.
        for (int c = 0; c < ColouredShapes.Classes; c++)
            Assert.True(after.ClassError(c) < 0.15, $"class {c}: error {after.ClassError(c):P2}");
    }
}
