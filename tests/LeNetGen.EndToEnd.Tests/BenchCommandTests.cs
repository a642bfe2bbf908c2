using System;
using System.IO;
using System.Text.Json;
using Xunit;

namespace LeNetGen.EndToEnd.Tests;

/// <summary>
/// `bench` on a tiny slice (2,000 training images, the peer's network, batch 64, --quick loops) writes every figure to
/// its JSON with a positive value and a unit. Nothing here asserts a speed: the machine is shared and figures move.
/// </summary>
[Collection(nameof(BuildTests))]
public sealed class BenchCommandTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(15); // a guard against a hang, not a timing: builds on a loaded 2-core machine take minutes
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "lenetgen-bench-" + Guid.NewGuid().ToString("N"));

    public BenchCommandTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void BenchOnATinySliceWritesEveryFigurePositive()
    {
        var (built, buildOutput) = DotnetCli.Run("build samples/LeNetGen.Samples -c Release -nologo", Timeout);
        Assert.True(built == 0, buildOutput);

        string json = Path.Combine(_folder, "bench.json");
        var (exitCode, output) = DotnetCli.Run(
            $"samples/LeNetGen.Samples/bin/Release/net10.0/lenetgen-samples.dll bench --network peer --batch 64 --train-limit 2000 --quick --json {json}",
            Timeout);
        Assert.True(exitCode == 0, output);
        Assert.Contains("peer_train_images_per_s_b64:", output);

        using JsonDocument document = JsonDocument.Parse(File.ReadAllText(json));
        JsonElement metrics = document.RootElement.GetProperty("metrics");
        foreach (string name in new[]
        {
            "fp32_peak_gflops_1core", "fp32_peak_gflops_all_cores", "threads",
            "peer_train_images_per_s_b64", "peer_train_epoch_s_b64", "peer_train_gflops_b64", "peer_train_peak_percent_b64",
            "peer_infer_latency_us_b1", "peer_infer_gflops_b1", "peer_infer_peak_percent_b1",
            "peer_infer_images_per_s_b1000", "peer_infer_gflops_b1000", "peer_infer_peak_percent_b1000",
            "peak_rss_mib", "process_wall_s",
        })
        {
            Assert.True(metrics.TryGetProperty(name, out JsonElement metric), $"{name} is missing from {json}:\n{output}");
            Assert.True(metric.GetProperty("value").GetDouble() > 0, $"{name} = {metric}");
            Assert.False(string.IsNullOrEmpty(metric.GetProperty("unit").GetString()), $"{name} has no unit");
        }
        Assert.False(metrics.TryGetProperty("peer_train_images_per_s_b256", out _), "only --batch 64 was asked for");

        JsonElement info = document.RootElement.GetProperty("info");
        Assert.Equal(61706, info.GetProperty("peer_param_count").GetInt32());
        Assert.Equal(2000, info.GetProperty("peer_train_images").GetInt32());
        Assert.True(info.GetProperty("quick").GetBoolean());
        Assert.Contains("3 x forward", info.GetProperty("flop_convention").GetString());
    }
}
