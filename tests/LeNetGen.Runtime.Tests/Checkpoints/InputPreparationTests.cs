using Xunit;

namespace LeNetGen.Runtime.Tests.Checkpoints;

/// <summary>A checkpoint records how its images were prepared (normalization and padding) and gives it back.</summary>
public sealed class InputPreparationTests
{
    private static readonly Dataset Tiny = new("d", 28, 28, 10, new byte[28 * 28], [3]);

    [Fact]
    public void APreparationRecordedInACheckpointComesBackFromItsFile()
    {
        using var directory = new TemporaryDirectory();
        var converter = new BatchConverter<float>(Tiny, ImageNormalization.Paper);
        var checkpoint = new Checkpoint<float>(CheckpointSamples.Fingerprint, [1f]);
        InputPreparation.Of(converter).RecordIn(checkpoint.State);
        string path = directory.File("run.ckpt");
        checkpoint.Save(path);

        InputPreparation? recorded = InputPreparation.RecordedIn(Checkpoint<float>.Load(path, CheckpointSamples.Fingerprint, 1));

        Assert.Equal(new InputPreparation(ImageNormalization.Paper.Scale, ImageNormalization.Paper.Offset, 2, 2), recorded);
        Assert.True(recorded!.HasNormalization(ImageNormalization.Paper));
        Assert.False(recorded.HasNormalization(ImageNormalization.MnistMeanStd));
    }

    [Fact]
    public void ACheckpointFromBeforeRecordsNone() =>
        Assert.Null(InputPreparation.RecordedIn(new Checkpoint<float>(CheckpointSamples.Fingerprint, [1f])));

    [Fact]
    public void APaddingNoImageCanHaveIsRefused()
    {
        var checkpoint = new Checkpoint<float>(CheckpointSamples.Fingerprint, [1f]);
        new InputPreparation(1, 0, 2, 2).RecordIn(checkpoint.State);
        checkpoint.State.SetCounter("input.pad_top", -4);
        var refusal = Assert.Throws<CheckpointException>(() => InputPreparation.RecordedIn(checkpoint));
        Assert.Equal(CheckpointProblem.InvalidCounters, refusal.Problem);
        Assert.Equal("This checkpoint records an input preparation no images can have had: scale 1, offset 0, padding -4 rows and 2 columns.", refusal.Message);
    }
}
