using System;
using System.Diagnostics;

namespace LeNetGen.Samples.Cli.Bench;

/// <summary>
/// Inference throughput at batch 1000, as the peer measures it: the first 1,000 test images, converted once, run
/// forward as one batch through the runtime's <see cref="BatchInference{TNetwork, T}"/> (the vectorized tile kernels) on
/// all the threads; warm-up runs, then timed runs; 1000 / the median time.
/// </summary>
internal sealed class ThroughputSection : IBenchSection
{
    public const int Batch = 1000;

    public string Title => $"inference throughput, batch {Batch}";

    public void Run<TNetwork>(BenchContext context) where TNetwork : INetwork<TNetwork, float>
    {
        BenchSettings settings = context.Settings;
        var parameters = new float[TNetwork.ParameterCount];
        TNetwork.InitializeParameters(parameters, settings.Seed);
        int count = Math.Min(Batch, context.Data.Test.Count);
        var test = new BatchConverter<float>(context.Data.Test, Recipe.For(context.Choice).ImageNormalization);
        var indices = new int[count];
        for (int i = 0; i < count; i++) indices[i] = i;
        var inputs = new float[count * TNetwork.InputSize];
        test.FillImages(indices, inputs);

        var inference = new BatchInference<TNetwork, float>(context.Threads);
        var outputs = new float[count * TNetwork.OutputSize];
        for (int r = 0; r < settings.ThroughputWarmupRuns; r++) inference.Forward(parameters, inputs, outputs);
        var seconds = new double[settings.ThroughputRuns];
        for (int r = 0; r < seconds.Length; r++)
        {
            long start = Stopwatch.GetTimestamp();
            inference.Forward(parameters, inputs, outputs);
            seconds[r] = (double)(Stopwatch.GetTimestamp() - start) / Stopwatch.Frequency;
        }

        double imagesPerSecond = count / Percentiles.Of(seconds, 0.5);
        BenchReport.Comment($"{count:N0} images, {settings.ThroughputRuns} runs after {settings.ThroughputWarmupRuns} warm-up runs, {inference.Threads} thread(s)");
        context.Report.Add($"{context.Key}_infer_images_per_s_b{Batch}", imagesPerSecond, "images/s");
        context.AddFlopRate("infer", $"b{Batch}", imagesPerSecond, FlopCount.Forward<TNetwork>(), inference.Threads);
    }
}
