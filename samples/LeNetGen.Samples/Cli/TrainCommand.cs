using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.IO;
using System.Text.Json;
using System.Threading;
using Spectre.Console;

namespace LeNetGen.Samples.Cli;

/// <summary>What `train` was asked to do.</summary>
internal sealed record TrainSettings(
    NetworkChoice Network, string Dataset, string? DataPath, Recipe Recipe, ulong Seed, int Threads, int? TrainLimit,
    string OutRoot, string? JsonPath, string? Resume, int CheckpointEvery, string Command, bool KeepGoing, bool Distort = false);

/// <summary>Trains a sample network, evaluates it after every pass, and writes its run folder.</summary>
internal sealed class TrainCommand(TrainSettings settings) : INetworkAction<int>
{
    public int Run<[DynamicallyAccessedMembers(Pictures.LayerMaps.Constants)] TNetwork>(NetworkChoice choice) where TNetwork : INetwork<TNetwork, float>
    {
        Recipe recipe = settings.Recipe;
        DatasetSplits data = DataSets.Load(settings.Dataset, settings.DataPath);
        Dataset trainSet = settings.TrainLimit is int limit && limit < data.Train.Count ? data.Train.First(limit) : data.Train;
        var train = new BatchConverter<float>(trainSet, recipe.ImageNormalization);
        var test = new BatchConverter<float>(data.Test, recipe.ImageNormalization);

        var parameters = new float[TNetwork.ParameterCount];
        TNetwork.InitializeParameters(parameters, settings.Seed);
        Optimizer<float> optimizer = recipe.CreateOptimizer(TNetwork.ParameterCount);
        var loss = recipe.CreateLoss();
        var trainer = new Trainer<TNetwork, float>(parameters, optimizer, loss, recipe.BatchSize, settings.Seed, settings.Threads)
        {
            PlannedEpochs = recipe.Epochs,
        };
        InputPreparation input = InputPreparation.Of(train);
        ulong distortionSeed = settings.Seed;
        if (settings.Resume is string resume)
        {
            Checkpoint<float> saved = Checkpoint<float>.Load<TNetwork>(resume);
            var recordedDistortion = DistortedTrainingSet<float>.RecordedIn(saved);
            if (recordedDistortion is null && settings.Distort)
                throw new ArgumentException($"{resume} was trained without distortions: resume it without --distort.");
            if (recordedDistortion is { } was)
            {
                if (!settings.Distort) throw new ArgumentException($"{resume} was trained with distortions: resume it with --distort.");
                if (was.Ranges != DistortionRanges.Default)
                    throw new ArgumentException($"{resume} was trained with distortion ranges {was.Ranges}, not this program's {DistortionRanges.Default}.");
                distortionSeed = was.Seed; // the run's own distortions, whatever --seed says now
            }
            if (InputPreparation.RecordedIn(saved) is InputPreparation recorded && recorded != input)
                throw new ArgumentException(
                    $"{resume} was trained on images prepared as {Recipe.Describe(recorded)}, this run prepares them as {Recipe.Describe(input)}: " +
                    "resume it with the --normalization it was written with.");
            TrainingCheckpoint.Restore(saved, trainer, parameters);
            if (trainer.Epoch >= recipe.Epochs)
                throw new ArgumentException(
                    $"{resume} has already completed {trainer.Epoch} passes, and {recipe.Epochs} were asked for: there is nothing to train. " +
                    $"Ask for more with --epochs (e.g. --epochs {trainer.Epoch + 1}).");
            AnsiConsole.MarkupLine($"resumed from [bold]{Markup.Escape(resume)}[/]: pass {trainer.Epoch}, step {trainer.Step}, batch {trainer.BatchInEpoch} of the next pass");
        }

        DistortedTrainingSet<float>? distorted = settings.Distort
            ? new DistortedTrainingSet<float>(trainSet, recipe.ImageNormalization, DistortionRanges.Default, distortionSeed)
            : null;

        RunFolder run = RunFolder.Create(settings.OutRoot, choice, settings.Command);
        AnsiConsole.MarkupLine($"[bold]{Markup.Escape(Networks.Title(choice))}[/] on {Markup.Escape(data.Train.Name)} ({trainSet.Count:N0} training, {data.Test.Count:N0} test images from {Markup.Escape(data.Folder)})");
        AnsiConsole.MarkupLine($"{Markup.Escape(optimizer.ToString())}; loss {recipe.Loss}; batch {recipe.BatchSize}; {recipe.Epochs} passes; run folder {Markup.Escape(run.Path)}");
        if (distorted is not null)
            AnsiConsole.MarkupLine($"distortions: each pass, every training image through its own random affine map ({Markup.Escape(distorted.Ranges.ToString())}, seed {distorted.Seed})");

        var rows = new List<EpochRow>();
        bool written = false;
        void SaveCheckpoint()
        {
            Checkpoint<float> checkpoint = TrainingCheckpoint.Capture(trainer, parameters, settings.Command);
            input.RecordIn(checkpoint.State);
            distorted?.RecordIn(checkpoint.State);
            checkpoint.Save(run.Checkpoint);
            written = true;
        }
        long stepsSinceSave = 0;

        // Ctrl+C: the step under way finishes, the checkpoint is saved, and the run says where (a second Ctrl+C ends it at once).
        using var interrupt = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            if (interrupt.IsCancellationRequested) return;
            e.Cancel = true;
            interrupt.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        try
        {
            while (trainer.Epoch < recipe.Epochs)
            {
                // Distortions: every training image moved by its own map for this pass (the same again on resume).
                distorted?.Prepare(trainer.Epoch, settings.Threads);
                EpochResult result = TrainWithProgress(trainer, distorted?.Converter ?? train, () =>
                {
                    if (settings.CheckpointEvery > 0 && ++stepsSinceSave >= settings.CheckpointEvery)
                    {
                        SaveCheckpoint();
                        stepsSinceSave = 0;
                    }
                }, interrupt.Token);
                SaveCheckpoint();
                Evaluation evaluation = Evaluation.Of<TNetwork, float>(parameters, test, loss, settings.Threads);
                rows.Add(new EpochRow(result.Epoch, result.Loss, 1 - result.Accuracy, evaluation.Loss, evaluation.ErrorRate,
                    result.Elapsed.TotalSeconds, result.ImagesPerSecond));
                AnsiConsole.MarkupLine($"pass {result.Epoch}: training loss {result.Loss:F4}, training error {1 - result.Accuracy:P2}; " +
                    $"[bold]test error {evaluation.ErrorRate:P2}[/] (accuracy {evaluation.Accuracy:P2}); {result.Elapsed.TotalSeconds:F1} s, {result.ImagesPerSecond:N0} images/s");
                if (Collapse.Check(rows, evaluation.Classes) is string collapse)
                {
                    Terminal.Warning($"{collapse} The checkpoint {run.Checkpoint} holds this collapsed network.");
                    if (!settings.KeepGoing)
                    {
                        Terminal.Error("Stopped: training collapsed. Lower --lr (or raise --mu for SDLM), or pass --keep-going to go on anyway.");
                        return 3;
                    }
                }
            }
        }
        catch (TrainingDivergedException diverged)
        {
            Terminal.Error(diverged.Message);
            Terminal.Error(File.Exists(run.Checkpoint)
                ? $"The last good checkpoint is {run.Checkpoint}."
                : settings.Resume is string from
                    ? $"No checkpoint was written in this run: the last good one is {from}, which it resumed from."
                    : "No checkpoint was written: the run diverged in its first pass.");
            return 3;
        }
        catch (OperationCanceledException) when (interrupt.IsCancellationRequested)
        {
            SaveCheckpoint();
            Terminal.Error($"Stopped by Ctrl+C in pass {trainer.Epoch + 1} after {trainer.BatchInEpoch:N0} batches (step {trainer.Step:N0}); " +
                $"checkpoint saved: {run.Checkpoint}. Continue with: lenetgen-samples train --resume {run.Checkpoint} and the same settings.");
            return 130;
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }

        Evaluation final = Evaluation.Of<TNetwork, float>(parameters, test, loss, settings.Threads);
        Results.Write(choice, final, rows);
        var metrics = new Metrics(choice.ToString().ToLowerInvariant(), data.Train.Name, optimizer.ToString(), recipe, settings.Seed,
            rows, final.ErrorRate, final.Accuracy, PerClassError(final), written ? run.Checkpoint : null, settings.Command, settings.Distort);
        string json = JsonSerializer.Serialize(metrics, MetricsJson.Readable.Metrics);
        File.WriteAllText(run.Metrics, json);
        if (settings.JsonPath is string path) File.WriteAllText(path, json);
        AnsiConsole.MarkupLine($"checkpoint [bold]{Markup.Escape(run.Checkpoint)}[/]; metrics {Markup.Escape(run.Metrics)}");
        List<string> pictures = Pictures.RunPictures.AfterTraining<TNetwork>(run.Path, Networks.Title(choice) + (settings.Distort ? ", distorted training digits" : ""),
            rows, final, parameters, test);
        AnsiConsole.MarkupLine($"pictures: {Markup.Escape(string.Join(", ", pictures.ConvertAll(Path.GetFileName)))}");
        return 0;
    }

    private static double[] PerClassError(Evaluation evaluation)
    {
        var errors = new double[evaluation.Classes];
        for (int c = 0; c < errors.Length; c++) errors[c] = evaluation.ClassError(c);
        return errors;
    }

    /// <summary>One pass with a live progress bar on a terminal, or a few plain lines when the output is redirected.</summary>
    private static EpochResult TrainWithProgress<TNetwork>(
        Trainer<TNetwork, float> trainer, BatchConverter<float> train, Action afterStep, CancellationToken cancellationToken)
        where TNetwork : INetwork<TNetwork, float>
    {
        if (!AnsiConsole.Profile.Capabilities.Interactive)
        {
            int lastQuarter = -1;
            var plain = new SynchronousProgress(p =>
            {
                int quarter = 4 * p.Batch / p.Batches;
                if (quarter == lastQuarter || quarter == 4) return;
                lastQuarter = quarter;
                Console.WriteLine($"  pass {p.Epoch}/{p.Epochs}: {p.Batch:N0}/{p.Batches:N0} batches, loss {p.Loss:F4}, accuracy {p.Accuracy:P2}, {p.ImagesPerSecond:N0} images/s, rate {p.Rate:G3}");
            });
            return trainer.TrainEpoch(train, plain, afterStep, cancellationToken);
        }

        EpochResult? result = null;
        AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .Start(context =>
            {
                ProgressTask task = context.AddTask($"pass {trainer.Epoch + 1}/{trainer.PlannedEpochs}", maxValue: 1);
                var progress = new SynchronousProgress(p =>
                {
                    task.Value = (double)p.Batch / p.Batches;
                    task.Description = $"pass {p.Epoch}/{p.Epochs} loss {p.Loss:F3} acc {p.Accuracy:P1} {p.ImagesPerSecond:N0} img/s";
                });
                result = trainer.TrainEpoch(train, progress, afterStep, cancellationToken);
                task.Value = 1;
            });
        return result!;
    }

    /// <summary>Reports on the training thread itself (Progress&lt;T&gt; would post to a thread pool).</summary>
    private sealed class SynchronousProgress(Action<TrainingProgress> report) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => report(value);
    }
}
