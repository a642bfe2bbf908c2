using System;
using Xunit;

namespace LeNetGen.Runtime.Tests.Training;

/// <summary>The criteria's values and gradients against their formulas and against finite differences.</summary>
public sealed class LossTests
{
    [Fact]
    public void MapCriterionMatchesItsFormulaAndFiniteDifferences()
    {
        double[] penalties = { 3.0, 0.5, 7.25, 1.5 };
        var loss = new Loss(LossKind.Map, mapConstant: 1.0);
        var gradient = new double[4];
        double value = loss.Evaluate<double>(penalties, 1, gradient);

        double z = Math.Exp(-1.0);
        foreach (double y in penalties) z += Math.Exp(-y);
        Assert.Equal(penalties[1] + Math.Log(z), value, 12);
        for (int i = 0; i < 4; i++)
        {
            double[] plus = (double[])penalties.Clone(), minus = (double[])penalties.Clone();
            plus[i] += 1e-6;
            minus[i] -= 1e-6;
            double numeric = (loss.Evaluate<double>(plus, 1, new double[4]) - loss.Evaluate<double>(minus, 1, new double[4])) / 2e-6;
            Assert.Equal(numeric, gradient[i], 6);
        }
    }

    [Fact]
    public void MapCriterionStaysFiniteForHugePenalties()
    {
        var gradient = new float[3];
        double value = new Loss(LossKind.Map).Evaluate<float>(new float[] { 5000f, 9000f, 7000f }, 0, gradient);
        Assert.Equal(5000 + -1, value, 6); // log(e^-1 + ...) = -1 when every e^-y underflows
        Assert.All(gradient, g => Assert.True(float.IsFinite(g)));
    }

    [Fact]
    public void SoftmaxCrossEntropyGradientIsProbabilitiesMinusTheOneHotLabel()
    {
        float[] probabilities = { 0.1f, 0.7f, 0.2f };
        var gradient = new float[3];
        double value = new Loss(LossKind.SoftmaxCrossEntropy).Evaluate<float>(probabilities, 2, gradient);
        Assert.Equal(-Math.Log(0.2), value, 6);
        Assert.Equal(new[] { 0.1f, 0.7f, 0.2f - 1f }, gradient);
    }

    [Fact]
    public void CurvatureStartsFromTheCorrectClassForRbfAndFromPTimesOneMinusPForSoftmax()
    {
        var curvature = new double[3];
        var weights = new double[3];
        new Loss(LossKind.Map).Curvature<double>(new[] { 1.0, 2.0, 3.0 }, 2, curvature, weights);
        Assert.Equal(new[] { 0.0, 0.0, 0.0 }, curvature);
        Assert.Equal(new[] { 0.0, 0.0, 1.0 }, weights);

        new Loss(LossKind.SoftmaxCrossEntropy).Curvature<double>(new[] { 0.5, 0.25, 0.25 }, 0, curvature, weights);
        Assert.Equal(new[] { 0.25, 0.1875, 0.1875 }, curvature);
        Assert.Equal(new[] { 0.0, 0.0, 0.0 }, weights);
    }

    [Fact]
    public void ACriterionThatDoesNotFitTheHeadIsRefused()
    {
        var wrong = Assert.Throws<ArgumentException>(() => new Loss(LossKind.Map).RequireFits(OutputHead.Softmax));
        Assert.Contains("use SoftmaxCrossEntropy", wrong.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => new Loss(LossKind.Map).Evaluate<float>(new float[3], 3, new float[3]));
    }
}
