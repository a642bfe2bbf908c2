using System.Collections.Generic;

namespace LeNetGen.Samples.Cli.Bench;

/// <summary>What `bench` was asked to do.</summary>
/// <param name="Networks">The networks to measure, in order.</param>
/// <param name="Batches">The training batch sizes, each one epoch.</param>
/// <param name="DataPath">--data, or null to search as `train` does.</param>
/// <param name="TrainLimit">Train on the first N images only (null: all 60,000).</param>
/// <param name="Threads">Threads for training and batch inference (0: one per processor).</param>
/// <param name="JsonPath">Where to write the figures as JSON, or null.</param>
/// <param name="Quick">Short loops for a smoke test; not for figures.</param>
/// <param name="Seed">Seed of the initialization and of the sample order.</param>
internal sealed record BenchSettings(
    IReadOnlyList<NetworkChoice> Networks, IReadOnlyList<int> Batches, string? DataPath, int? TrainLimit, int Threads,
    string? JsonPath, bool Quick, ulong Seed)
{
    /// <summary>Untimed training batches before each timed epoch (the peer runs 20).</summary>
    public int WarmupBatches => Quick ? 5 : 20;

    /// <summary>Untimed batch-1 calls before the timed ones (the peer: 300).</summary>
    public int LatencyWarmupCalls => Quick ? 50 : 300;

    /// <summary>Timed batch-1 calls, of which the median is the latency (the peer: 2,000).</summary>
    public int LatencyCalls => Quick ? 200 : 2000;

    /// <summary>Untimed batch-1000 runs before the timed ones (the peer: 5).</summary>
    public int ThroughputWarmupRuns => Quick ? 2 : 5;

    /// <summary>Timed batch-1000 runs, of which the median counts (the peer: 30).</summary>
    public int ThroughputRuns => Quick ? 5 : 30;

    /// <summary>Seconds of each run of the FMA loop that measures the peak.</summary>
    public double PeakRunSeconds => Quick ? 0.05 : 0.25;
}
