using System;
using LeNetGen.TestNetworks;
using Xunit;

namespace LeNetGen.Runtime.Tests.Training;

/// <summary>
/// Where a dataset meets a network (<see cref="BatchConverter{T}.For{TNetwork}"/>, the trainer, the evaluation), the
/// images' shape must be the network's input shape, or the call is refused with a message naming both; MNIST's 28x28
/// digits are padded into a 32x32 network, as documented.
/// </summary>
public sealed class InputShapeTests
{
    private const string Rule = " (the channels must be the network's; images smaller than its input are padded to it, centered, " +
        "as MNIST's 28x28 digits are to 32x32: make the converter with BatchConverter<float>.For<";

    private static readonly Dataset Colour = ColouredShapes.Make("train-images", 20, seed: 1);

    private static Dataset Gray(string name, int side) => new(name, side, side, 10, new byte[20 * side * side], new byte[20]);

    private static Trainer<TNetwork, float> Sgd<TNetwork>() where TNetwork : INetwork<TNetwork, float>
    {
        var parameters = new float[TNetwork.ParameterCount];
        TNetwork.InitializeParameters(parameters, 1);
        return new(parameters, new SgdOptimizer<float>(TNetwork.ParameterCount) { Schedule = LearningRateSchedule.Constant(0.01) },
            new Loss(LossKind.SoftmaxCrossEntropy), 4, 1);
    }

    [Fact]
    public void BindingColourImagesToAGrayscaleNetworkIsRefusedWithBothShapes()
    {
        var refusal = Assert.Throws<ArgumentException>(() => BatchConverter<float>.For<ModernLeNet5>(Colour, ImageNormalization.UnitInterval));
        Assert.Equal("network ModernLeNet5 expects 1x32x32 input; dataset train-images has 3x32x32 images" + Rule + "ModernLeNet5>) (Parameter 'dataset')",
            refusal.Message);
    }

    [Fact]
    public void TheTrainerAndTheEvaluationRefuseImagesOfAnotherShape()
    {
        // Made by hand (32x32 by default): the converter knows nothing of the network, so the trainer checks.
        var colour = new BatchConverter<float>(Colour, ImageNormalization.UnitInterval);
        const string expected = "network ModernLeNet5 expects 1x32x32 input; dataset train-images has 3x32x32 images" + Rule + "ModernLeNet5>)";
        Trainer<ModernLeNet5, float> trainer = Sgd<ModernLeNet5>();
        Assert.StartsWith(expected, Assert.Throws<ArgumentException>(() => trainer.TrainEpoch(colour)).Message);
        Assert.StartsWith(expected, Assert.Throws<ArgumentException>(() => trainer.EstimateCurvature(colour, [0, 1], new float[ModernLeNet5.ParameterCount])).Message);
        Assert.Equal(0, trainer.Step);
        Assert.StartsWith(expected, Assert.Throws<ArgumentException>(() =>
            Evaluation.Of<ModernLeNet5, float>(new float[ModernLeNet5.ParameterCount], colour, new Loss(LossKind.SoftmaxCrossEntropy))).Message);

        // The other way round: MNIST-like digits, padded to 1x32x32, for the 3-channel network.
        var digits = new BatchConverter<float>(Gray("digits", 28), ImageNormalization.Paper);
        Assert.StartsWith("network CifarLeNet expects 3x32x32 input; dataset digits has 1x28x28 images, converted to 1x32x32" + Rule + "CifarLeNet>)",
            Assert.Throws<ArgumentException>(() => Sgd<CifarLeNet>().TrainEpoch(digits)).Message);
    }

    [Fact]
    public void ImagesLargerThanTheInputAreRefusedNotCropped()
    {
        var refusal = Assert.Throws<ArgumentException>(() => BatchConverter<float>.For<ModernLeNet5>(Gray("big", 40), ImageNormalization.Paper));
        Assert.StartsWith("network ModernLeNet5 expects 1x32x32 input; dataset big has 1x40x40 images" + Rule, refusal.Message);
    }

    [Fact]
    public void DigitsPaddedToAnotherSizeThanTheNetworksAreRefused()
    {
        var padded = new BatchConverter<float>(Gray("digits", 28), ImageNormalization.Paper, 30, 30);
        Assert.StartsWith("network ModernLeNet5 expects 1x32x32 input; dataset digits has 1x28x28 images, converted to 1x30x30" + Rule,
            Assert.Throws<ArgumentException>(() => Sgd<ModernLeNet5>().TrainEpoch(padded)).Message);
    }

    [Fact]
    public void MnistSizedDigitsTrainA32x32NetworkByThePaddingRule()
    {
        Dataset digits = Data.RealData.Mnist.Train.First(32);
        BatchConverter<float> bound = BatchConverter<float>.For<ModernLeNet5>(digits, ImageNormalization.MnistMeanStd);
        Assert.Equal(("1x32x32", 2, 2), (bound.InputShape, bound.PadTop, bound.PadLeft));
        Assert.Equal(32, Sgd<ModernLeNet5>().TrainEpoch(bound).Samples);
        Assert.Equal(32, Sgd<ModernLeNet5>().TrainEpoch(new BatchConverter<float>(digits, ImageNormalization.MnistMeanStd)).Samples);
    }

    [Fact]
    public void ThePapersDistortionsRefuseColourImages()
    {
        var refusal = Assert.Throws<ArgumentException>(() =>
            new DistortedTrainingSet<float>(Colour, ImageNormalization.UnitInterval, DistortionRanges.Default, 1));
        Assert.StartsWith("The paper's distortions are for one-channel byte images (digits); train-images has 3x32x32 byte images.", refusal.Message);
    }
}
