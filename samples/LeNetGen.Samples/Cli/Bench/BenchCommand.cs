using System;
using System.Diagnostics;
using System.Linq;
using System.Runtime.InteropServices;

namespace LeNetGen.Samples.Cli.Bench;

/// <summary>
/// `bench`: the machine's FP32 peak, then for each network one training epoch per batch size, batch-1 latency and
/// batch-1000 throughput, each with GFLOP/s and its share of the peak; the process's peak memory last. Figures print as
/// they are measured, in the peer's <c>name: value unit</c> lines, and go to --json in the peer's JSON shape.
/// </summary>
internal static class BenchCommand
{
    public static int Run(BenchSettings settings)
    {
        var report = new BenchReport();
        int threads = settings.Threads <= 0 ? Environment.ProcessorCount : settings.Threads;
        BenchReport.Comment($"LeNetGen bench, .NET {Environment.Version}, {RuntimeInformation.OSDescription}, {Environment.ProcessorCount} logical cpus, {threads} thread(s){(settings.Quick ? ", quick run: not for figures" : "")}");
        BenchReport.Comment($"FLOP convention: {FlopCount.Convention}");

        DatasetSplits data = DataSets.Load("mnist", settings.DataPath);
        BenchReport.Comment($"data: {data.Train.Count:N0} training, {data.Test.Count:N0} test images from {data.Folder}");

        BenchReport.Section("machine: FP32 peak (FMA loop)");
        FmaPeak peak = FmaPeak.Measure(settings.PeakRunSeconds, repeats: 3);
        BenchReport.Comment($"Vector{peak.VectorBits}, 16 accumulators, best of 3 runs; all cores: {peak.Threads} threads at once");
        report.Add("fp32_peak_gflops_1core", peak.SingleCoreGflops, "GFLOP/s");
        report.Add("fp32_peak_gflops_all_cores", peak.AllCoreGflops, "GFLOP/s");
        report.Add("threads", threads, "threads");

        report.Info("utc", DateTime.UtcNow.ToString("O"));
        report.Info("logical_cpus", Environment.ProcessorCount);
        report.Info("dotnet", Environment.Version.ToString());
        report.Info("os", RuntimeInformation.OSDescription);
        report.Info("quick", settings.Quick);
        report.Info("networks", settings.Networks.Select(n => n.ToString().ToLowerInvariant()).ToArray());
        report.Info("batches", settings.Batches.Select(b => b.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray());
        report.Info("data", data.Folder);
        report.Info("flop_convention", FlopCount.Convention);
        report.Info("peak_vector_bits", peak.VectorBits);
        report.Info("seed", (long)settings.Seed);

        var bench = new NetworkBench(data, settings, report, peak, threads);
        foreach (NetworkChoice network in settings.Networks) Networks.Dispatch(network, bench);

        BenchReport.Section("process");
        report.Add("peak_rss_mib", PeakMemory.Mebibytes(), "MiB");
        using (Process self = Process.GetCurrentProcess())
            report.Add("process_wall_s", (DateTime.Now - self.StartTime).TotalSeconds, "s");
        if (settings.JsonPath is string path)
        {
            report.WriteJson(path);
            BenchReport.Comment($"figures written to {path}");
        }
        return 0;
    }
}
