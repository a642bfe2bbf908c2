using System;
using LeNetGen.TestNetworks;
using Xunit;

namespace LeNetGen.Runtime.Tests.Training;

/// <summary>Stochastic diagonal Levenberg-Marquardt: its step, its running curvature average, and resuming with it.</summary>
public sealed class SdlmTests
{
    [Fact]
    public void EachParameterStepsByEtaOverMuPlusItsCurvatureTimesItsGradient()
    {
        var sdlm = new SdlmOptimizer<double>(3) { Schedule = LearningRateSchedule.Constant(0.5), Mu = 0.5 };
        new double[] { 0, 1.5, 9.5 }.CopyTo(sdlm.Curvature);
        double[] parameters = { 1, 1, 1 };
        sdlm.Step(parameters, new double[] { 2, 2, -4 }, rate: 0.5);
        Assert.Equal(new[] { 1 - 0.5 / 0.5 * 2, 1 - 0.5 / 2.0 * 2, 1 + 0.5 / 10.0 * 4 }, parameters);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void StepAndClearStepsAsStepDoesAndLeavesTheGradientsZero(bool sdlm)
    {
        // 1,003 parameters: whole 512-bit and 256-bit vectors, and a tail, of float.
        const int count = 1003;
        var random = new Random(5);
        float[] parameters = new float[count], gradients = new float[count], curvature = new float[count];
        for (int k = 0; k < count; k++)
        {
            parameters[k] = (float)random.NextDouble() - 0.5f;
            gradients[k] = (float)random.NextDouble() - 0.5f;
            curvature[k] = (float)random.NextDouble();
        }
        Optimizer<float> Make()
        {
            if (!sdlm) return new SgdOptimizer<float>(count) { Schedule = LearningRateSchedule.Constant(0.1), Momentum = 0.9 };
            var optimizer = new SdlmOptimizer<float>(count) { Schedule = LearningRateSchedule.Constant(0.1) };
            curvature.CopyTo(optimizer.Curvature);
            return optimizer;
        }
        float[] stepped = (float[])parameters.Clone(), cleared = (float[])parameters.Clone(), consumed = (float[])gradients.Clone();
        Optimizer<float> one = Make(), other = Make();
        for (int step = 0; step < 3; step++)
        {
            Assert.True(one.Step(stepped, gradients, 0.1));
            gradients.CopyTo(consumed);
            Assert.True(other.StepAndClear(cleared, consumed, 0.1));
            Assert.All(consumed, g => Assert.Equal(0f, g));
        }
        Assert.Equal(stepped, cleared);
    }

    [Fact]
    public void AStepThatMakesAParameterInfiniteIsReportedWithOrWithoutClearing()
    {
        var sdlm = new SdlmOptimizer<float>(40) { Schedule = LearningRateSchedule.Constant(1), Mu = 1e-30 };
        float[] parameters = new float[40], gradients = new float[40];
        gradients[17] = float.MaxValue;
        Assert.False(sdlm.Step((float[])parameters.Clone(), gradients, rate: 1e30));
        Assert.False(sdlm.StepAndClear(parameters, gradients, rate: 1e30));
        Assert.All(gradients, g => Assert.Equal(0f, g));
    }

    [Fact]
    public void TheRunningAverageMovesEachCurvatureByGammaTowardsTheSamples()
    {
        var sdlm = new SdlmOptimizer<double>(2) { Schedule = LearningRateSchedule.Constant(1), CurvatureEvery = 1, CurvatureDecay = 0.25 };
        new double[] { 4, 0 }.CopyTo(sdlm.Curvature);
        sdlm.UpdateCurvature(new double[] { 0, 8 });
        Assert.Equal(new[] { 3.0, 2.0 }, sdlm.Curvature.ToArray());
    }

    [Fact]
    public void RunsWithRunningCurvatureResumeToTheSameWeights()
    {
        BatchConverter<float> data = TrainingData.First<float>(20, ImageNormalization.Paper);
        SdlmOptimizer<float> Optimizer() => new(ClassicLeNet5.ParameterCount)
        {
            Schedule = LearningRateSchedule.Paper, Mu = 0.2, CurvatureSamples = 6, CurvatureEvery = 3, CurvatureDecay = 0.05,
        };
        var loss = new Loss(LossKind.Map);
        var whole = new float[ClassicLeNet5.ParameterCount];
        ClassicLeNet5.InitializeParameters(whole, 2);
        var killed = (float[])whole.Clone();

        var uninterrupted = new Trainer<ClassicLeNet5, float>(whole, Optimizer(), loss, 1, 9, 1);
        uninterrupted.TrainEpoch(data);
        uninterrupted.TrainEpoch(data);

        var first = new Trainer<ClassicLeNet5, float>(killed, Optimizer(), loss, 1, 9, 1);
        Checkpoint<float>? saved = null;
        first.TrainEpoch(data);
        Assert.Throws<OperationCanceledException>(() => first.TrainEpoch(data, afterStep: () =>
        {
            saved = TrainingCheckpoint.Capture(first, killed);
            if (first.Step == 27) throw new OperationCanceledException("killed");
        }));

        var resumed = new float[ClassicLeNet5.ParameterCount];
        var second = new Trainer<ClassicLeNet5, float>(resumed, Optimizer(), loss, 1, 1, 1);
        TrainingCheckpoint.Restore(saved!, second, resumed);
        second.TrainEpoch(data);
        Assert.Equal(Array.ConvertAll(whole, BitConverter.SingleToInt32Bits), Array.ConvertAll(resumed, BitConverter.SingleToInt32Bits));
        Assert.NotEqual(Array.ConvertAll(whole, BitConverter.SingleToInt32Bits), Array.ConvertAll(new ClassicLeNet5(2).Parameters, BitConverter.SingleToInt32Bits));
    }
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void AStepTakenInPartsEqualsTheWholeStepBitForBit(bool sdlm)
    {
        const int count = 1000;
        var random = new Random(5);
        float[] parameters = new float[count], gradients = new float[count], curvature = new float[count];
        for (int k = 0; k < count; k++)
        {
            parameters[k] = (float)(random.NextDouble() - 0.5);
            gradients[k] = (float)(random.NextDouble() - 0.5);
            curvature[k] = (float)random.NextDouble();
        }
        Optimizer<float> Make()
        {
            if (!sdlm) return new SgdOptimizer<float>(count) { Schedule = LearningRateSchedule.Constant(0.1), Momentum = 0.9, WeightDecay = 0.01 };
            var optimizer = new SdlmOptimizer<float>(count) { Schedule = LearningRateSchedule.Constant(0.1) };
            curvature.CopyTo(optimizer.Curvature);
            return optimizer;
        }
        float[] whole = (float[])parameters.Clone(), parts = (float[])parameters.Clone();
        Optimizer<float> one = Make(), other = Make();
        Assert.True(other.StepsInParts);
        for (int step = 0; step < 3; step++)
        {
            Assert.True(one.Step(whole, gradients, 0.1));
            other.PrepareStep();
            // Uneven parts, the last one a tail shorter than a vector.
            foreach ((int start, int length) in new[] { (0, 64), (64, 333), (397, 600), (997, 3) })
                Assert.True(other.StepPart(parts, gradients, 0.1, start, length));
        }
        Assert.Equal(Array.ConvertAll(whole, BitConverter.SingleToInt32Bits), Array.ConvertAll(parts, BitConverter.SingleToInt32Bits));
        Assert.NotEqual(Array.ConvertAll(whole, BitConverter.SingleToInt32Bits), Array.ConvertAll(parameters, BitConverter.SingleToInt32Bits));
    }
}
