namespace LeNetGen.Samples.Cli.Bench;

/// <summary>
/// One part of a network's benchmark (training, batch-1 latency, batch-1000 throughput), printed as its own section.
/// A new measurement, such as a per-layer, per-direction time breakdown, is one more implementation added to
/// <see cref="NetworkBench.Sections"/>.
/// </summary>
internal interface IBenchSection
{
    /// <summary>The section's title in the printed output.</summary>
    string Title { get; }

    /// <summary>Measures <typeparamref name="TNetwork"/> and adds the figures to the context's report.</summary>
    void Run<TNetwork>(BenchContext context) where TNetwork : INetwork<TNetwork, float>;
}
