using System;
using Xunit;

namespace LeNetGen.Runtime.Tests.Training;

/// <summary>
/// Settings that cannot train (a rate of 0 or less, mu of 0 or less, momentum of 1 or more, a negative weight decay) are
/// refused where they are made, not left to collapse a run to chance without a NaN.
/// </summary>
public sealed class SettingsTests
{
    [Theory]
    [InlineData(0.0)]
    [InlineData(-0.2)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void MuMustBePositive(double mu)
    {
        var refusal = Assert.Throws<ArgumentOutOfRangeException>(() => new SdlmOptimizer<float>(1) { Schedule = LearningRateSchedule.Paper, Mu = mu });
        Assert.StartsWith("mu must be positive and finite.", refusal.Message);
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(-0.1)]
    public void MomentumMustBeFrom0ToBelow1(double momentum)
    {
        var refusal = Assert.Throws<ArgumentOutOfRangeException>(() => new SgdOptimizer<float>(1) { Schedule = LearningRateSchedule.Constant(0.1), Momentum = momentum });
        Assert.StartsWith("The momentum must be from 0 to below 1.", refusal.Message);
    }

    [Fact]
    public void WeightDecayMustNotBeNegative()
    {
        var refusal = Assert.Throws<ArgumentOutOfRangeException>(() => new SgdOptimizer<float>(1) { Schedule = LearningRateSchedule.Constant(0.1), WeightDecay = -1 });
        Assert.StartsWith("The weight decay must be 0 or more, and finite.", refusal.Message);
    }

    [Fact]
    public void RatesMustBePositive()
    {
        const string Message = "must be positive and finite: a rate of 0 or less trains nothing or climbs the loss.";
        Assert.StartsWith("The rate " + Message, Assert.Throws<ArgumentOutOfRangeException>(() => LearningRateSchedule.Constant(-1)).Message);
        Assert.StartsWith("The rate " + Message, Assert.Throws<ArgumentOutOfRangeException>(() => LearningRateSchedule.Cosine(0)).Message);
        Assert.StartsWith("The rate " + Message, Assert.Throws<ArgumentOutOfRangeException>(() => LearningRateSchedule.Step(-0.1, 3, 0.3)).Message);
        Assert.StartsWith("The rate from pass 3 " + Message,
            Assert.Throws<ArgumentOutOfRangeException>(() => LearningRateSchedule.PerPass((1, 0.1), (3, -0.1))).Message);
        Assert.Equal("constant 0.5", LearningRateSchedule.Constant(0.5).ToString());
    }

    [Fact]
    public void OptimizersHaveDefaultsThatTrain()
    {
        var sgd = new SgdOptimizer<float>(1);
        Assert.Equal("SGD, momentum 0.9, weight decay 0, constant 0.01", sgd.ToString());
        var sdlm = new SdlmOptimizer<float>(1);
        Assert.Same(LearningRateSchedule.Paper, sdlm.Schedule);
        Assert.Equal((0.2, 500, 4, 0.02), (sdlm.Mu, sdlm.CurvatureSamples, sdlm.CurvatureEvery, sdlm.CurvatureDecay));
        Assert.Throws<ArgumentNullException>(() => new SgdOptimizer<float>(1) { Schedule = null! });
    }

    [Fact]
    public void ATrainerPlansAtLeastOnePass() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new Trainer<TestNetworks.ModernLeNet5, float>(
            new float[TestNetworks.ModernLeNet5.ParameterCount], new SgdOptimizer<float>(1), Loss.For(OutputHead.Softmax), 1, 1) { PlannedEpochs = 0 });
}
