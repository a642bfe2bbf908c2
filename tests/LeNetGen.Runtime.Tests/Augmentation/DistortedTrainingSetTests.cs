using System;
using System.IO;
using LeNetGen.Runtime.Tests.Checkpoints;
using LeNetGen.Runtime.Tests.Data;
using LeNetGen.TestNetworks;
using Xunit;

namespace LeNetGen.Runtime.Tests.Augmentation;

/// <summary>The paper's distortions: seeded, the same on any number of threads, new each pass, resumable from a checkpoint.</summary>
public sealed class DistortedTrainingSetTests
{
    private static Dataset Digits(int count) => RealData.Mnist.Train.First(count);

    private static byte[] PassPixels(Dataset digits, ulong seed, int pass, int threads)
    {
        var set = new DistortedTrainingSet<float>(digits, ImageNormalization.Paper, DistortionRanges.Default, seed);
        set.Prepare(pass, threads);
        Assert.Equal(pass, set.PreparedPass);
        return set.Converter.Dataset.Pixels.ToArray();
    }

    [Fact]
    public void ThePixelsOfAPassDependOnlyOnTheSeedAndThePass()
    {
        Dataset digits = Digits(300);
        byte[] original = digits.Pixels.ToArray();
        byte[] one = PassPixels(digits, 7, 3, threads: 1), two = PassPixels(digits, 7, 3, threads: 2);
        Assert.Equal(one, two);
        Assert.NotEqual(one, PassPixels(digits, 7, 4, threads: 2));
        Assert.NotEqual(one, PassPixels(digits, 8, 3, threads: 2));
        Assert.Equal(original, digits.Pixels.ToArray()); // the original set is left as it was

        // Nearly every digit is moved, and its labels are the original's.
        var set = new DistortedTrainingSet<float>(digits, ImageNormalization.Paper, DistortionRanges.Default, 7);
        set.Prepare(0);
        int changed = 0;
        for (int i = 0; i < digits.Count; i++)
        {
            if (!digits.Image(i).SequenceEqual(set.Converter.Dataset.Image(i))) changed++;
            Assert.Equal(digits.Label(i), set.Converter.Dataset.Label(i));
        }
        Assert.True(changed > 290, $"only {changed} of 300 digits were distorted");
    }

    [Fact]
    public void EveryDrawnMapStaysWithinTheRanges()
    {
        var set = new DistortedTrainingSet<float>(Digits(50), ImageNormalization.Paper, DistortionRanges.Default, 3);
        double largestShear = 0;
        for (int pass = 0; pass < 20; pass++)
            for (int i = 0; i < 50; i++)
            {
                PlanarAffine map = set.MapOf(pass, i);
                // XX = s q, YY = s / q, XY = k s / q, YX = 0.
                double scale = Math.Sqrt(map.XX * map.YY), squeeze = Math.Sqrt(map.XX / map.YY), shear = map.XY / map.YY;
                Assert.Equal(0, map.YX);
                Assert.InRange(scale, 0.9 - 1e-12, 1.1 + 1e-12);
                Assert.InRange(squeeze, 0.9 - 1e-12, 1.1 + 1e-12);
                Assert.InRange(shear, -0.2 - 1e-12, 0.2 + 1e-12);
                Assert.InRange(map.ShiftX, -2, 2);
                Assert.InRange(map.ShiftY, -2, 2);
                largestShear = Math.Max(largestShear, Math.Abs(shear));
            }
        Assert.True(largestShear > 0.15, $"1,000 draws reached a shear of only {largestShear}: the range is not used");
    }

    [Fact]
    public void ARunKilledMidPassResumesFromItsCheckpointToTheSameWeights()
    {
        Dataset digits = Digits(96);
        Trainer<ModernLeNet5, float> Sgd(float[] parameters) =>
            new(parameters, new SgdOptimizer<float>(ModernLeNet5.ParameterCount) { Schedule = LearningRateSchedule.Constant(0.01), Momentum = 0.9 },
                new Loss(LossKind.SoftmaxCrossEntropy), 16, 11, 2);
        float[] Initial()
        {
            var p = new float[ModernLeNet5.ParameterCount];
            ModernLeNet5.InitializeParameters(p, 3);
            return p;
        }

        // Uninterrupted: two distorted passes.
        float[] whole = Initial();
        Trainer<ModernLeNet5, float> uninterrupted = Sgd(whole);
        var wholeSet = new DistortedTrainingSet<float>(digits, ImageNormalization.MnistMeanStd, DistortionRanges.Default, 5);
        for (int pass = 0; pass < 2; pass++)
        {
            wholeSet.Prepare(uninterrupted.Epoch);
            uninterrupted.TrainEpoch(wholeSet.Converter);
        }

        // Without distortions the same run ends elsewhere: the distortions reach the training.
        float[] plain = Initial();
        Trainer<ModernLeNet5, float> undistorted = Sgd(plain);
        var plainData = new BatchConverter<float>(digits, ImageNormalization.MnistMeanStd);
        undistorted.TrainEpoch(plainData);
        undistorted.TrainEpoch(plainData);
        Assert.NotEqual(Bits(whole), Bits(plain));

        // Killed after the ninth step, midway through pass 2, its checkpoint written to a file after every step.
        using var folder = new TemporaryDirectory();
        string path = folder.File("run.lngckpt");
        float[] killed = Initial();
        Trainer<ModernLeNet5, float> first = Sgd(killed);
        var firstSet = new DistortedTrainingSet<float>(digits, ImageNormalization.MnistMeanStd, DistortionRanges.Default, 5);
        void Save()
        {
            Checkpoint<float> checkpoint = TrainingCheckpoint.Capture(first, killed);
            firstSet.RecordIn(checkpoint.State);
            checkpoint.Save(path);
        }
        firstSet.Prepare(first.Epoch);
        first.TrainEpoch(firstSet.Converter, afterStep: Save);
        firstSet.Prepare(first.Epoch);
        Assert.Throws<OperationCanceledException>(() => first.TrainEpoch(firstSet.Converter, afterStep: () =>
        {
            Save();
            if (first.Step == 9) throw new OperationCanceledException("killed");
        }));

        // A new process: the distortions' seed comes from the checkpoint.
        Checkpoint<float> saved = Checkpoint<float>.Load<ModernLeNet5>(path);
        var recorded = DistortedTrainingSet<float>.RecordedIn(saved);
        Assert.NotNull(recorded);
        Assert.Equal(DistortionRanges.Default, recorded.Value.Ranges);
        Assert.Equal(5UL, recorded.Value.Seed);
        float[] resumed = new float[ModernLeNet5.ParameterCount];
        Trainer<ModernLeNet5, float> second = Sgd(resumed);
        TrainingCheckpoint.Restore(saved, second, resumed);
        var secondSet = new DistortedTrainingSet<float>(digits, ImageNormalization.MnistMeanStd, recorded.Value.Ranges, recorded.Value.Seed);
        secondSet.Prepare(second.Epoch);
        Assert.Equal(1, second.Epoch);
        second.TrainEpoch(secondSet.Converter);

        Assert.Equal(Bits(whole), Bits(resumed));
    }

    [Fact]
    public void ACheckpointWithoutDistortionsRecordsNoneAndBrokenRangesAreRefused()
    {
        var parameters = new float[ModernLeNet5.ParameterCount];
        Checkpoint<float> none = Checkpoint<float>.Create<ModernLeNet5>(parameters);
        Assert.Null(DistortedTrainingSet<float>.RecordedIn(none));

        Checkpoint<float> broken = Checkpoint<float>.Create<ModernLeNet5>(parameters);
        new DistortedTrainingSet<float>(Digits(4), ImageNormalization.Paper, DistortionRanges.Default, 1).RecordIn(broken.State);
        broken.State.SetValue("distort.max_scale", 1.5);
        var e = Assert.Throws<CheckpointException>(() => DistortedTrainingSet<float>.RecordedIn(broken));
        Assert.Contains("MaxScale", e.Message);

        var bad = Assert.Throws<ArgumentException>(() => new DistortionRanges(-1, 0.1, 0.1, 0.2).Validate());
        Assert.Contains("MaxShift is -1", bad.Message);
    }

    private static int[] Bits(float[] values) => Array.ConvertAll(values, BitConverter.SingleToInt32Bits);
}
