using System;

namespace LeNetGen.Samples.Cli.Bench;

/// <summary>
/// One epoch of training per batch size, with the runtime's <see cref="Trainer{TNetwork, T}"/> as `train` uses it: a
/// fresh network from the spec's seed, SGD with momentum 0.9 at a constant learning rate of 0.01, the network's own
/// loss and normalization (classic: the MAP criterion of its RBF head, the paper's normalization; the others: softmax
/// cross-entropy, mean/std). As the peer does, untimed warm-up batches first (on the same network), then the epoch is
/// timed, its last partial batch included. Images are converted from bytes per minibatch inside the timed epoch.
/// </summary>
internal sealed class TrainingSection : IBenchSection
{
    public string Title => "training, one epoch per batch size";

    public void Run<TNetwork>(BenchContext context) where TNetwork : INetwork<TNetwork, float>
    {
        BenchSettings settings = context.Settings;
        Recipe recipe = Recipe.For(context.Choice);
        Dataset trainSet = settings.TrainLimit is int limit && limit < context.Data.Train.Count ? context.Data.Train.First(limit) : context.Data.Train;
        var train = new BatchConverter<float>(trainSet, recipe.ImageNormalization);
        // The threads asked of the trainer; it may cap them (its public API does not say how, so nothing here assumes it).
        int trainerThreads = context.Threads;
        context.Report.Info($"{context.Key}_train_loss", recipe.Loss.ToString());
        context.Report.Info($"{context.Key}_train_images", trainSet.Count);
        context.Report.Info($"{context.Key}_train_threads", trainerThreads);

        foreach (int batch in settings.Batches)
        {
            var parameters = new float[TNetwork.ParameterCount];
            TNetwork.InitializeParameters(parameters, settings.Seed);
            var optimizer = new SgdOptimizer<float>(TNetwork.ParameterCount) { Schedule = LearningRateSchedule.Constant(0.01), Momentum = 0.9 };
            var trainer = new Trainer<TNetwork, float>(parameters, optimizer, recipe.CreateLoss(), batch, settings.Seed, context.Threads) { PlannedEpochs = 2 };

            var warmup = new BatchConverter<float>(trainSet.First(Math.Min(trainSet.Count, settings.WarmupBatches * batch)), recipe.ImageNormalization);
            trainer.TrainEpoch(warmup);
            EpochResult epoch = trainer.TrainEpoch(train);

            BenchReport.Comment($"batch {batch}: {epoch.Samples:N0} images in {epoch.Elapsed.TotalSeconds:F3} s on up to {trainerThreads} thread(s), mean loss {epoch.Loss:F3}, training accuracy {epoch.Accuracy:P1}");
            context.Report.Add($"{context.Key}_train_images_per_s_b{batch}", epoch.ImagesPerSecond, "images/s");
            context.Report.Add($"{context.Key}_train_epoch_s_b{batch}", epoch.Elapsed.TotalSeconds * 60_000.0 / Math.Max(1, epoch.Samples), "s per 60,000 images");
            context.AddFlopRate("train", $"b{batch}", epoch.ImagesPerSecond, FlopCount.Training<TNetwork>(), trainerThreads);
        }
    }
}
