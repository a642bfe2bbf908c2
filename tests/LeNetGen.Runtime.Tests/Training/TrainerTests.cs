using System;
using System.IO;
using LeNetGen.TestNetworks;
using Xunit;

namespace LeNetGen.Runtime.Tests.Training;

/// <summary>The trainer is deterministic, resumes exactly, and stops before a diverging step.</summary>
public sealed class TrainerTests
{
    private static Trainer<ModernLeNet5, float> Sgd(float[] parameters, ulong seed, int threads, int batch = 16) =>
        new(parameters, new SgdOptimizer<float>(ModernLeNet5.ParameterCount) { Schedule = LearningRateSchedule.Constant(0.01), Momentum = 0.9 },
            new Loss(LossKind.SoftmaxCrossEntropy), batch, seed, threads);

    private static float[] Initial(ulong seed)
    {
        var parameters = new float[ModernLeNet5.ParameterCount];
        ModernLeNet5.InitializeParameters(parameters, seed);
        return parameters;
    }

    [Theory]
    [InlineData(16)] // one tile a minibatch
    [InlineData(64)] // four tiles: on two processors two gradient slots, tiles 0 and 2 in one, 1 and 3 in the other
    public void TheSameSeedGivesTheSameWeightsBitForBitOnAnyNumberOfThreads(int batch)
    {
        BatchConverter<float> data = TrainingData.First<float>(200, ImageNormalization.MnistMeanStd);
        float[] one = Initial(5), two = Initial(5), three = Initial(5), other = Initial(5);
        Sgd(one, 7, threads: 1, batch).TrainEpoch(data);
        Sgd(two, 7, threads: 2, batch).TrainEpoch(data);
        Sgd(three, 7, threads: 3, batch).TrainEpoch(data);
        Sgd(other, 8, threads: 2, batch).TrainEpoch(data);

        Assert.Equal(Bits(one), Bits(two));
        Assert.Equal(Bits(one), Bits(three));
        Assert.NotEqual(Bits(one), Bits(other)); // another order of samples
        Assert.NotEqual(Bits(one), Bits(Initial(5)));
    }

    [Fact]
    public void ARunKilledMidEpochResumesFromItsCheckpointToTheSameWeights()
    {
        BatchConverter<float> data = TrainingData.First<float>(96, ImageNormalization.MnistMeanStd);
        string folder = Path.Combine(Path.GetTempPath(), "lenetgen-resume-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            // Uninterrupted: two passes of six minibatches.
            float[] whole = Initial(3);
            Trainer<ModernLeNet5, float> uninterrupted = Sgd(whole, 11, threads: 2);
            uninterrupted.TrainEpoch(data);
            uninterrupted.TrainEpoch(data);

            // Killed after the ninth step (midway through pass 2), with a checkpoint written after every step.
            string path = Path.Combine(folder, "run.lngckpt");
            float[] killed = Initial(3);
            Trainer<ModernLeNet5, float> first = Sgd(killed, 11, threads: 2);
            void Save() => TrainingCheckpoint.Capture(first, killed).Save(path);
            first.TrainEpoch(data, afterStep: Save);
            Assert.Throws<OperationCanceledException>(() => first.TrainEpoch(data, afterStep: () =>
            {
                Save();
                if (first.Step == 9) throw new OperationCanceledException("killed");
            }));

            // A new process: fresh parameters and trainer, restored from the file.
            float[] resumed = Initial(99);
            Trainer<ModernLeNet5, float> second = Sgd(resumed, 12345, threads: 1);
            TrainingCheckpoint.Restore(Checkpoint<float>.Load<ModernLeNet5>(path), second, resumed);
            Assert.Equal((1, 9L, 3), (second.Epoch, second.Step, second.BatchInEpoch));
            second.TrainEpoch(data);

            Assert.Equal(2, second.Epoch);
            Assert.Equal(Bits(whole), Bits(resumed));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void SdlmRunsResumeToTheSameWeightsToo()
    {
        BatchConverter<float> data = TrainingData.First<float>(24, ImageNormalization.Paper);
        SdlmOptimizer<float> Optimizer() => new(ClassicLeNet5.ParameterCount) { Schedule = LearningRateSchedule.Paper, CurvatureSamples = 8 };
        var loss = new Loss(LossKind.Map);
        float[] whole = new float[ClassicLeNet5.ParameterCount];
        ClassicLeNet5.InitializeParameters(whole, 1);
        float[] killed = (float[])whole.Clone();

        var uninterrupted = new Trainer<ClassicLeNet5, float>(whole, Optimizer(), loss, 1, 4, 1);
        uninterrupted.TrainEpoch(data);
        uninterrupted.TrainEpoch(data);

        var first = new Trainer<ClassicLeNet5, float>(killed, Optimizer(), loss, 1, 4, 1);
        first.TrainEpoch(data);
        Checkpoint<float>? saved = null;
        Assert.Throws<OperationCanceledException>(() => first.TrainEpoch(data, afterStep: () =>
        {
            saved = TrainingCheckpoint.Capture(first, killed);
            if (first.Step == 30) throw new OperationCanceledException("killed");
        }));

        float[] resumed = new float[ClassicLeNet5.ParameterCount];
        var second = new Trainer<ClassicLeNet5, float>(resumed, Optimizer(), loss, 1, 999, 1);
        TrainingCheckpoint.Restore(saved!, second, resumed);
        second.TrainEpoch(data);
        Assert.Equal(Bits(whole), Bits(resumed));
    }

    [Fact]
    public void ADivergingRunStopsBeforeItsBadStepIsSavedWithItsEpochAndStep()
    {
        BatchConverter<float> data = TrainingData.First<float>(64, ImageNormalization.MnistMeanStd);
        float[] parameters = Initial(2);
        var trainer = new Trainer<ModernLeNet5, float>(parameters,
            new SgdOptimizer<float>(ModernLeNet5.ParameterCount) { Schedule = LearningRateSchedule.Constant(1e12) },
            new Loss(LossKind.SoftmaxCrossEntropy), 8, 1, 1);
        int saves = 0;
        float[]? lastSaved = null;
        var diverged = Assert.Throws<TrainingDivergedException>(() => trainer.TrainEpoch(data, afterStep: () =>
        {
            saves++;
            lastSaved = (float[])parameters.Clone();
        }));

        Assert.Equal(1, diverged.Epoch);
        Assert.Equal(trainer.Step + 1, diverged.Step);
        Assert.Equal(saves, trainer.Step); // every step that completed was offered for saving, the bad one was not
        Assert.Contains($"at epoch 1, step {diverged.Step}", diverged.Message);
        // Whatever was offered for saving is finite: the last good checkpoint stays good.
        if (lastSaved is not null) Assert.All(lastSaved, p => Assert.True(float.IsFinite(p)));
    }

    [Fact]
    public void AStepThatMakesAParameterInfiniteIsCaughtEvenWhenItsLossWasFinite()
    {
        var sgd = new SgdOptimizer<float>(3) { Schedule = LearningRateSchedule.Constant(1) };
        float[] parameters = { 1, 2, 3 };
        Assert.True(sgd.Step(parameters, new float[] { 1, 1, 1 }, rate: 1));
        Assert.False(sgd.Step(parameters, new float[] { 0, float.MaxValue, 0 }, rate: float.MaxValue));
        var sdlm = new SdlmOptimizer<float>(2) { Schedule = LearningRateSchedule.Constant(1) };
        Assert.False(sdlm.Step(new float[] { 1, 1 }, new float[] { float.NaN, 0 }, rate: 1));
    }

    [Fact]
    public void AResumeWithOtherSettingsOrOtherDataIsRefusedWithWhatDiffers()
    {
        BatchConverter<float> data = TrainingData.First<float>(64, ImageNormalization.MnistMeanStd);
        float[] parameters = Initial(4);
        Trainer<ModernLeNet5, float> first = Sgd(parameters, 1, threads: 1);
        Checkpoint<float>? midway = null;
        first.TrainEpoch(data, afterStep: () => { if (first.Step == 2) midway = TrainingCheckpoint.Capture(first, parameters); });

        var otherMomentum = new Trainer<ModernLeNet5, float>(Initial(4),
            new SgdOptimizer<float>(ModernLeNet5.ParameterCount) { Schedule = LearningRateSchedule.Constant(0.01), Momentum = 0.5 },
            new Loss(LossKind.SoftmaxCrossEntropy), 16, 1, 1);
        var refused = Assert.Throws<CheckpointException>(() => TrainingCheckpoint.Restore(midway!, otherMomentum, new float[ModernLeNet5.ParameterCount]));
        Assert.Contains("optimizer setting momentum 0.9, this one 0.5", refused.Message);

        Trainer<ModernLeNet5, float> resumed = Sgd(Initial(4), 1, threads: 1);
        TrainingCheckpoint.Restore(midway!, resumed, new float[ModernLeNet5.ParameterCount]);
        var otherData = Assert.Throws<ArgumentException>(() => resumed.TrainEpoch(TrainingData.First<float>(48, ImageNormalization.MnistMeanStd)));
        Assert.Contains("midway through a pass over 64 training images", otherData.Message);
    }

    [Fact]
    public void ThePlannedPassesBelongToTheTrainerAndPaceTheSchedule()
    {
        BatchConverter<float> data = TrainingData.First<float>(64, ImageNormalization.MnistMeanStd);
        LearningRateSchedule cosine = LearningRateSchedule.Cosine(0.01);
        var trainer = new Trainer<ModernLeNet5, float>(Initial(1), new SgdOptimizer<float>(ModernLeNet5.ParameterCount) { Schedule = cosine },
            new Loss(LossKind.SoftmaxCrossEntropy), 1, 1, 1) { PlannedEpochs = 4 };
        var reports = new System.Collections.Generic.List<TrainingProgress>();
        trainer.TrainEpoch(data, new Reports(reports));

        TrainingProgress last = reports[^1];
        Assert.Equal((1, 4, 64), (last.Epoch, last.Epochs, last.Batch));
        // The 64th step of 4 x 64 planned ones: a quarter of the way down the cosine, not at its end.
        Assert.Equal(cosine.Rate(0, 63.0 / 256), last.Rate);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void MinibatchesOfManyTilesGiveTheSameWeightsBitForBitOnOneTwoOrThreeThreads(bool sdlm)
    {
        // 50 samples a minibatch: several tiles at any vector width, the last one partly empty; the sums and the step go
        // part by part over the threads.
        BatchConverter<float> data = TrainingData.First<float>(200, ImageNormalization.MnistMeanStd);
        float[] Train(int threads)
        {
            float[] parameters = Initial(3);
            Optimizer<float> optimizer = sdlm
                ? new SdlmOptimizer<float>(ModernLeNet5.ParameterCount) { Schedule = LearningRateSchedule.Constant(0.001), CurvatureSamples = 40, CurvatureEvery = 2 }
                : new SgdOptimizer<float>(ModernLeNet5.ParameterCount) { Schedule = LearningRateSchedule.Constant(0.01), Momentum = 0.9 };
            new Trainer<ModernLeNet5, float>(parameters, optimizer, new Loss(LossKind.SoftmaxCrossEntropy), 50, 9, threads).TrainEpoch(data);
            return parameters;
        }

        float[] one = Train(1);
        Assert.Equal(Bits(one), Bits(Train(2)));
        Assert.Equal(Bits(one), Bits(Train(3)));
        Assert.NotEqual(Bits(one), Bits(Initial(3)));
    }

    [Fact]
    public void AMinibatchStepMovesEachWeightByTheRateTimesTheMeanOfItsSamplesGradients()
    {
        // One step over 50 samples, against the mean of the scalar backward pass's per-sample gradients.
        const int count = 50;
        const float rate = 0.05f;
        BatchConverter<float> data = TrainingData.First<float>(count, ImageNormalization.MnistMeanStd);
        float[] initial = Initial(4), trained = (float[])initial.Clone();
        var loss = new Loss(LossKind.SoftmaxCrossEntropy);
        new Trainer<ModernLeNet5, float>(trained, new SgdOptimizer<float>(ModernLeNet5.ParameterCount) { Schedule = LearningRateSchedule.Constant(rate) },
            loss, count, 1, threads: 2).TrainEpoch(data);

        var sum = new double[ModernLeNet5.ParameterCount];
        float[] input = new float[ModernLeNet5.InputSize], workspace = new float[ModernLeNet5.WorkspaceSize], output = new float[ModernLeNet5.OutputSize];
        float[] head = new float[ModernLeNet5.OutputSize], gradients = new float[ModernLeNet5.ParameterCount];
        for (int i = 0; i < count; i++)
        {
            data.FillImage(i, input);
            ModernLeNet5.Forward(initial, input, workspace, output);
            loss.Evaluate<float>(output, data.Dataset.Label(i), head);
            Array.Clear(gradients);
            ModernLeNet5.Backward(initial, input, workspace, head, gradients, default);
            for (int k = 0; k < sum.Length; k++) sum[k] += gradients[k];
        }
        double largest = 0;
        for (int k = 0; k < sum.Length; k++) largest = Math.Max(largest, Math.Abs(rate * sum[k] / count));
        Assert.True(largest > 1e-4, $"the step is too small to test: {largest}");
        for (int k = 0; k < sum.Length; k++)
        {
            double expected = initial[k] - rate * sum[k] / count;
            Assert.True(Math.Abs(trained[k] - expected) <= 1e-4 * largest + 1e-6 * Math.Abs(expected),
                $"parameter {k}: {trained[k]} after the step, {expected} from the per-sample gradients");
        }
    }

    private sealed class Reports(System.Collections.Generic.List<TrainingProgress> into) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => into.Add(value);
    }

    private static int[] Bits(float[] values) => Array.ConvertAll(values, BitConverter.SingleToInt32Bits);
}
