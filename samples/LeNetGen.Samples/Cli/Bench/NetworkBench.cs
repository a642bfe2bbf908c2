using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;

namespace LeNetGen.Samples.Cli.Bench;

/// <summary>Runs every section of the benchmark for one network, with its generated type: no virtual calls inside.</summary>
internal sealed class NetworkBench(DatasetSplits data, BenchSettings settings, BenchReport report, FmaPeak peak, int threads)
    : INetworkAction<int>
{
    /// <summary>The sections, in the order they run and print.</summary>
    public static IReadOnlyList<IBenchSection> Sections { get; } = [new TrainingSection(), new LatencySection(), new ThroughputSection(), new LayerSection()];

    public int Run<[DynamicallyAccessedMembers(Pictures.LayerMaps.Constants)] TNetwork>(NetworkChoice choice) where TNetwork : INetwork<TNetwork, float>
    {
        string key = choice.ToString().ToLowerInvariant();
        var context = new BenchContext(key, choice, data, settings, report, peak, threads);
        BenchReport.Section($"{key}: {Networks.Title(choice)}");
        long connections = FlopCount.Connections<TNetwork>();
        BenchReport.Comment($"{TNetwork.ParameterCount:N0} parameters, {connections:N0} connections: {FlopCount.Forward<TNetwork>() / 1e6:F3} MFLOP forward, {FlopCount.Training<TNetwork>() / 1e6:F3} MFLOP training per image");
        report.Info($"{key}_param_count", TNetwork.ParameterCount);
        report.Info($"{key}_connections", connections);
        foreach (IBenchSection section in Sections)
        {
            BenchReport.Section($"{key}: {section.Title}");
            section.Run<TNetwork>(context);
        }
        return 0;
    }
}
