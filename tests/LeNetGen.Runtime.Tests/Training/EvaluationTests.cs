using System;
using LeNetGen.TestNetworks;
using Xunit;

namespace LeNetGen.Runtime.Tests.Training;

/// <summary>An evaluation's figures do not depend on the number of threads: the loss is summed in a fixed order.</summary>
public sealed class EvaluationTests
{
    [Fact]
    public void TheMeanLossIsTheSameToTheLastBitOnAnyNumberOfThreads()
    {
        // A little trained, so the per-image losses differ in every bit and a sum's grouping shows in the last digits.
        var parameters = new float[ModernLeNet5.ParameterCount];
        ModernLeNet5.InitializeParameters(parameters, 3);
        var loss = new Loss(LossKind.SoftmaxCrossEntropy);
        var optimizer = new SgdOptimizer<float>(ModernLeNet5.ParameterCount) { Schedule = LearningRateSchedule.Constant(0.01), Momentum = 0.9 };
        new Trainer<ModernLeNet5, float>(parameters, optimizer, loss, 16, 1, 1).TrainEpoch(TrainingData.First<float>(320, ImageNormalization.MnistMeanStd));

        BatchConverter<float> data = TrainingData.First<float>(3_000, ImageNormalization.MnistMeanStd);
        Evaluation one = Evaluation.Of<ModernLeNet5, float>(parameters, data, loss, threads: 1);
        foreach (int threads in new[] { 2, 3, 4, 7 })
        {
            Evaluation other = Evaluation.Of<ModernLeNet5, float>(parameters, data, loss, threads);
            Assert.Equal((threads, one.Loss.ToString("R")), (threads, other.Loss.ToString("R")));
            Assert.Equal(one.Correct, other.Correct);
        }
        Assert.Equal(3_000, one.Count);
    }

    [Fact]
    public void AnEvaluationPrintsItsFiguresOnOneLine()
    {
        var parameters = new float[ModernLeNet5.ParameterCount];
        ModernLeNet5.InitializeParameters(parameters, 3);
        var loss = new Loss(LossKind.SoftmaxCrossEntropy);
        Evaluation evaluation = Evaluation.Of<ModernLeNet5, float>(parameters, TrainingData.First<float>(1_000, ImageNormalization.MnistMeanStd), loss);

        string expected = string.Format(System.Globalization.CultureInfo.InvariantCulture,
            "accuracy {0:F2}% ({1:N0} of 1,000), error {2:F2}%, mean loss {3:F4}",
            100.0 * evaluation.Correct / 1_000, evaluation.Correct, 100.0 * (1_000 - evaluation.Correct) / 1_000, evaluation.Loss);
        Assert.Equal(expected, evaluation.ToString());
    }
}
