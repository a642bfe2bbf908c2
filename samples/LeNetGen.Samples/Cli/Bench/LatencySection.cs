using System;
using System.Diagnostics;

namespace LeNetGen.Samples.Cli.Bench;

/// <summary>
/// Inference latency at batch 1, as the peer measures it: the first test image, warm-up calls, then each call of
/// <c>TNetwork.ForwardSample</c> (the one-sample vector kernels) timed one by one on one thread; the median (p10 and
/// p90 in the JSON's info). The scalar kernels' median (<c>TNetwork.Forward</c>) goes into the info beside it.
/// </summary>
internal sealed class LatencySection : IBenchSection
{
    public string Title => "inference latency, batch 1";

    public void Run<TNetwork>(BenchContext context) where TNetwork : INetwork<TNetwork, float>
    {
        BenchSettings settings = context.Settings;
        var parameters = new float[TNetwork.ParameterCount];
        TNetwork.InitializeParameters(parameters, settings.Seed);
        var test = new BatchConverter<float>(context.Data.Test, Recipe.For(context.Choice).ImageNormalization);
        var input = new float[TNetwork.InputSize];
        test.FillImage(0, input);
        Span<float> workspace = AlignedScratch.Allocate<float>(TNetwork.WorkspaceSize).Span;
        var output = new float[TNetwork.OutputSize];
        var microseconds = new double[settings.LatencyCalls];

        for (int i = 0; i < settings.LatencyWarmupCalls; i++) TNetwork.ForwardSample(parameters, input, workspace, output);
        double tick = 1e6 / Stopwatch.Frequency;
        for (int i = 0; i < microseconds.Length; i++)
        {
            long start = Stopwatch.GetTimestamp();
            TNetwork.ForwardSample(parameters, input, workspace, output);
            microseconds[i] = (Stopwatch.GetTimestamp() - start) * tick;
        }

        double median = Percentiles.Of(microseconds, 0.5);
        var scalar = new double[Math.Max(1, microseconds.Length / 10)];
        for (int i = 0; i < settings.LatencyWarmupCalls; i++) TNetwork.Forward(parameters, input, workspace, output);
        for (int i = 0; i < scalar.Length; i++)
        {
            long start = Stopwatch.GetTimestamp();
            TNetwork.Forward(parameters, input, workspace, output);
            scalar[i] = (Stopwatch.GetTimestamp() - start) * tick;
        }
        context.Report.Info($"{context.Key}_infer_latency_us_b1_scalar", Percentiles.Of(scalar, 0.5));
        context.Report.Info($"{context.Key}_infer_latency_us_b1_p10", Percentiles.Of(microseconds, 0.1));
        context.Report.Info($"{context.Key}_infer_latency_us_b1_p90", Percentiles.Of(microseconds, 0.9));
        BenchReport.Comment($"{settings.LatencyCalls:N0} calls after {settings.LatencyWarmupCalls} warm-up calls; predicted class {TNetwork.PredictedClass(output)} (untrained)");
        context.Report.Add($"{context.Key}_infer_latency_us_b1", median, "us");
        context.AddFlopRate("infer", "b1", 1e6 / median, FlopCount.Forward<TNetwork>(), threads: 1);
    }
}
