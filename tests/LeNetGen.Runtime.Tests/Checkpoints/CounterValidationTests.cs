using LeNetGen.TestNetworks;
using Xunit;

namespace LeNetGen.Runtime.Tests.Checkpoints;

/// <summary>
/// Resume trusts no counter of a checkpoint because its checksums are valid: each is checked against what a run of the
/// trainer can have written, and a counter that fits none is refused with a message naming it.
/// </summary>
public sealed class CounterValidationTests
{
    private const string Refused = "This checkpoint's training counters describe no run that can be resumed: ";
    private const string Altered = ". It was altered or not written by the trainer.";

    private static Trainer<ModernLeNet5, float> NewTrainer(float[] parameters) =>
        new(parameters, new SgdOptimizer<float>(ModernLeNet5.ParameterCount) { Schedule = LearningRateSchedule.Constant(0.01) },
            new Loss(LossKind.SoftmaxCrossEntropy), batchSize: 16, seed: 1, threads: 1);

    /// <summary>A checkpoint as the trainer writes it midway through its second pass over 40 images (3 batches a pass).</summary>
    private static Checkpoint<float> Midway(string counter, long value)
    {
        var parameters = new float[ModernLeNet5.ParameterCount];
        Checkpoint<float> checkpoint = TrainingCheckpoint.Capture(NewTrainer(parameters), parameters);
        checkpoint.State.SetCounter("samples_per_pass", 40);
        checkpoint.State.SetCounter("epoch", 1);
        checkpoint.State.SetCounter("step", 4);
        checkpoint.State.SetCounter("batch_in_epoch", 1);
        checkpoint.State.SetCounter(counter, value);
        return checkpoint;
    }

    private static string RestoreRefusal(Checkpoint<float> checkpoint)
    {
        var parameters = new float[ModernLeNet5.ParameterCount];
        var refusal = Assert.Throws<CheckpointException>(() => TrainingCheckpoint.Restore(checkpoint, NewTrainer(parameters), parameters));
        Assert.Equal(CheckpointProblem.InvalidCounters, refusal.Problem);
        return refusal.Message;
    }

    [Fact]
    public void CountersThatFitTheRunAreRestored()
    {
        var parameters = new float[ModernLeNet5.ParameterCount];
        var trainer = NewTrainer(parameters);
        TrainingCheckpoint.Restore(Midway("batch_in_epoch", 2), trainer, parameters);
        Assert.Equal((1, 4L, 2, 40), (trainer.Epoch, trainer.Step, trainer.BatchInEpoch, trainer.SamplesPerPass));
    }

    [Theory]
    [InlineData("epoch", 2147483648L, "epoch = 2147483648, but the passes completed are from 0 to 2147483647")]
    [InlineData("epoch", -1L, "epoch = -1, but the passes completed are from 0 to 2147483647")]
    [InlineData("step", -100L, "step = -100, but 1 passes and 1 batches take at least 2 updates")]
    [InlineData("batch_in_epoch", 999999L, "batch_in_epoch = 999999, but a pass over 40 images in batches of 16 has 3 batches, so from 0 to 2 are done midway")]
    [InlineData("batch_in_epoch", 3L, "batch_in_epoch = 3, but a pass over 40 images in batches of 16 has 3 batches, so from 0 to 2 are done midway")]
    [InlineData("batch_in_epoch", -5L, "batch_in_epoch = -5, but a pass over 40 images in batches of 16 has 3 batches, so from 0 to 2 are done midway")]
    [InlineData("samples_per_pass", -40L, "samples_per_pass = -40, but a training set holds from 0 to 2147483647 images")]
    [InlineData("samples_per_pass", 0L, "samples_per_pass = 0 (nothing trained yet), but epoch = 1, batch_in_epoch = 1, step = 4")]
    public void ACounterNoRunCanHaveWrittenIsRefusedNamingIt(string counter, long value, string problem) =>
        Assert.Equal(Refused + problem + Altered, RestoreRefusal(Midway(counter, value)));
}
