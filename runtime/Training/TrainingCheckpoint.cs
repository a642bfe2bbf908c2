using System;
using System.Collections.Generic;
using System.Numerics;

namespace LeNetGen;

/// <summary>
/// Saves a training run whole (parameters, the optimizer's state, the pass, step and position within the pass, the
/// order stream's state) as a <see cref="Checkpoint{T}"/>, and puts a trainer back where a checkpoint left it, so a
/// run killed midway resumes and ends with the same parameters as a run that was never stopped.
/// </summary>
public static class TrainingCheckpoint
{
    private const string Epoch = "epoch", Step = "step", BatchInEpoch = "batch_in_epoch", RandomState = "random_state", BatchSize = "batch_size",
        SamplesPerPass = "samples_per_pass", LossName = "loss_kind", MapConstant = "map_j", Setting = "optimizer.";

    /// <summary>Captures <paramref name="trainer"/>'s run as a checkpoint of <typeparamref name="TNetwork"/>.</summary>
    /// <typeparam name="TNetwork">The generated network.</typeparam>
    /// <typeparam name="T">Its element type.</typeparam>
    /// <param name="trainer">The trainer.</param>
    /// <param name="parameters">The parameters it trains.</param>
    /// <param name="note">Free text kept with the checkpoint, e.g. the command that made it.</param>
    public static Checkpoint<T> Capture<TNetwork, T>(Trainer<TNetwork, T> trainer, ReadOnlySpan<T> parameters, string? note = null)
        where TNetwork : INetwork<TNetwork, T>
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var state = new CheckpointState<T>();
        state.SetCounter(Epoch, trainer.Epoch);
        state.SetCounter(Step, trainer.Step);
        state.SetCounter(BatchInEpoch, trainer.BatchInEpoch);
        state.SetCounter(BatchSize, trainer.BatchSize);
        state.SetCounter(SamplesPerPass, trainer.SamplesPerPass);
        state.SetCounter(LossName, (long)trainer.Loss.Kind);
        state.SetValue(MapConstant, trainer.Loss.MapConstant);
        foreach (KeyValuePair<string, double> setting in trainer.Optimizer.Settings) state.SetValue(Setting + setting.Key, setting.Value);
        // Midway through a pass the order is drawn again from the pass's starting state; between passes, from now on.
        state.SetCounter(RandomState, unchecked((long)(trainer.BatchInEpoch > 0 ? trainer.EpochStartState : trainer.Random.State)));
        foreach (KeyValuePair<string, T[]> block in trainer.Optimizer.State) state.SetBlock(block.Key, block.Value);
        return Checkpoint<T>.Create<TNetwork>(parameters, state, note);
    }

    /// <summary>
    /// Copies a checkpoint's parameters into <paramref name="parameters"/> and puts <paramref name="trainer"/> and its
    /// optimizer where the checkpoint left them. Throws <see cref="CheckpointException"/> when the checkpoint lacks
    /// the optimizer's state (e.g. it was written by another optimizer) or used another batch size.
    /// </summary>
    /// <typeparam name="TNetwork">The generated network.</typeparam>
    /// <typeparam name="T">Its element type.</typeparam>
    /// <param name="checkpoint">A checkpoint of <typeparamref name="TNetwork"/>, already checked by <see cref="Checkpoint{T}.Load{TNetwork}"/>.</param>
    /// <param name="trainer">The trainer to restore.</param>
    /// <param name="parameters">Receives the parameters.</param>
    public static void Restore<TNetwork, T>(Checkpoint<T> checkpoint, Trainer<TNetwork, T> trainer, Span<T> parameters)
        where TNetwork : INetwork<TNetwork, T>
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckpointState<T> state = checkpoint.State;
        RequireCounters(state.GetCounter(Epoch), state.GetCounter(Step), state.GetCounter(BatchInEpoch), state.GetCounter(SamplesPerPass),
            state.GetCounter(BatchSize));
        // A resumed run ends with the weights of a run that was never stopped only if it goes on the same way.
        Require("batch size", state.GetCounter(BatchSize), trainer.BatchSize);
        Require("loss", (LossKind)state.GetCounter(LossName), trainer.Loss.Kind);
        Require("MAP constant j", state.GetValue(MapConstant), trainer.Loss.MapConstant);
        foreach (KeyValuePair<string, double> setting in trainer.Optimizer.Settings)
            Require("optimizer setting " + setting.Key, state.GetValue(Setting + setting.Key), setting.Value);
        foreach (KeyValuePair<string, T[]> block in trainer.Optimizer.State) state.CopyBlockTo(block.Key, block.Value);
        checkpoint.Parameters.CopyTo(parameters);
        trainer.Restore((int)state.GetCounter(Epoch), state.GetCounter(Step), (int)state.GetCounter(BatchInEpoch),
            unchecked((ulong)state.GetCounter(RandomState)), (int)state.GetCounter(SamplesPerPass));
    }

    /// <summary>
    /// Refuses counters that no run of the trainer can have written (checksums only show the file is as written, not
    /// that what wrote it was the trainer): a pass count outside 0 to 2^31 - 1, a set size outside 0 to 2^31 - 1, a
    /// position in the pass at or past the pass's last batch, fewer updates than the passes and batches done.
    /// </summary>
    private static void RequireCounters(long epoch, long step, long batchInEpoch, long samplesPerPass, long batchSize)
    {
        string? problem = null;
        if (epoch < 0 || epoch > int.MaxValue)
            problem = $"{Epoch} = {epoch}, but the passes completed are from 0 to {int.MaxValue}";
        else if (samplesPerPass < 0 || samplesPerPass > int.MaxValue)
            problem = $"{SamplesPerPass} = {samplesPerPass}, but a training set holds from 0 to {int.MaxValue} images";
        else if (batchSize < 1)
            problem = $"{BatchSize} = {batchSize}, but a batch holds at least 1 image";
        else if (samplesPerPass == 0 && (epoch != 0 || batchInEpoch != 0 || step != 0))
            problem = $"{SamplesPerPass} = 0 (nothing trained yet), but {Epoch} = {epoch}, {BatchInEpoch} = {batchInEpoch}, {Step} = {step}";
        else if (batchInEpoch < 0 || (samplesPerPass > 0 && batchInEpoch >= (samplesPerPass + batchSize - 1) / batchSize))
            problem = $"{BatchInEpoch} = {batchInEpoch}, but a pass over {samplesPerPass} images in batches of {batchSize} has " +
                $"{(samplesPerPass + batchSize - 1) / batchSize} batches, so from 0 to {Math.Max(0, (samplesPerPass + batchSize - 1) / batchSize - 1)} are done midway";
        else if (step < epoch + batchInEpoch)
            problem = $"{Step} = {step}, but {epoch} passes and {batchInEpoch} batches take at least {epoch + batchInEpoch} updates";
        if (problem is not null)
            throw new CheckpointException(CheckpointProblem.InvalidCounters,
                $"This checkpoint's training counters describe no run that can be resumed: {problem}. It was altered or not written by the trainer.");
    }

    private static void Require<TValue>(string what, TValue saved, TValue current) where TValue : notnull
    {
        if (!EqualityComparer<TValue>.Default.Equals(saved, current))
            throw new CheckpointException(CheckpointProblem.MissingState,
                $"This checkpoint's run used {what} {saved}, this one {current}: resume it with the settings it was written with.");
    }
}
