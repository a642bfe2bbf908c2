namespace LeNetGen.Samples.Cli.Bench;

/// <summary>What every section of one network's benchmark shares.</summary>
/// <param name="Key">The network's name in metric names: classic, modern, peer.</param>
/// <param name="Choice">The network.</param>
/// <param name="Data">MNIST, loaded once for the whole run.</param>
/// <param name="Settings">The command line.</param>
/// <param name="Report">Where figures go.</param>
/// <param name="Peak">The machine's measured FP32 peak.</param>
/// <param name="Threads">Threads for training and batch inference, resolved (never 0).</param>
internal sealed record BenchContext(
    string Key, NetworkChoice Choice, DatasetSplits Data, BenchSettings Settings, BenchReport Report, FmaPeak Peak, int Threads)
{
    /// <summary>
    /// Records <c>{Key}_{figure}_gflops_{batch}</c>, the GFLOP/s of <paramref name="flopPerImage"/> at
    /// <paramref name="imagesPerSecond"/>, and <c>{Key}_{figure}_peak_percent_{batch}</c>, its share of the measured peak
    /// of <paramref name="threads"/> threads.
    /// </summary>
    public void AddFlopRate(string figure, string batch, double imagesPerSecond, double flopPerImage, int threads)
    {
        double gflops = imagesPerSecond * flopPerImage / 1e9;
        Report.Add($"{Key}_{figure}_gflops_{batch}", gflops, "GFLOP/s");
        Report.Add($"{Key}_{figure}_peak_percent_{batch}", 100 * gflops / Peak.For(threads), threads == 1 ? "% of 1-core peak" : "% of peak");
    }
}
