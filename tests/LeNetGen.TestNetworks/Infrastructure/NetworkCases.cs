using System.Collections.Generic;
using System.Linq;
using LeNetGen.TestNetworks;
using Xunit;

namespace LeNetGen.TestNetworks.Infrastructure;

/// <summary>Every test network, by name, for theories.</summary>
internal static class NetworkCases
{
    public static readonly IReadOnlyList<NetworkCase> All =
    [
        new NetworkCase<RgbConvNet, float>(Init.LeCunUniform, RgbConvNet.Reference),
        new NetworkCase<TableNet, float>(Init.LeCunUniform, TableNet.Reference),
        new NetworkCase<OverlapNet, double>(Init.LeCunUniform, OverlapNet.Reference),
        new NetworkCase<TrainableRbfNet, float>(Init.LeCunUniform, TrainableRbfNet.Reference),
        new NetworkCase<DoubleSoftmaxNet, double>(Init.LeCunUniform, DoubleSoftmaxNet.Reference),
        new NetworkCase<StrideRemainderNet, float>(Init.LeCunUniform, StrideRemainderNet.Reference),
        new NetworkCase<FloorPoolNet, double>(Init.LeCunUniform, FloorPoolNet.Reference),
        new NetworkCase<CeilPoolNet, double>(Init.LeCunUniform, CeilPoolNet.Reference),
        new NetworkCase<EdgeNet, double>(Init.LeCunUniform, EdgeNet.Reference),
        new NetworkCase<JsonNet, float>(Init.LeCunUniform, JsonNet.Reference),
        new NetworkCase<ClassicLeNet5, float>(Init.LeCunUniform, ClassicLeNet5.Reference),
        new NetworkCase<ModernLeNet5, float>(Init.HeUniform, ModernLeNet5.Reference),
        new NetworkCase<DoubleTableNet, double>(Init.LeCunUniform, DoubleTableNet.Reference),
        new NetworkCase<DoubleClassicLeNet5, double>(Init.LeCunUniform, DoubleClassicLeNet5.Reference),
        new NetworkCase<DoubleModernLeNet5, double>(Init.HeUniform, DoubleModernLeNet5.Reference),
    ];

    /// <summary>The double networks' names: finite differences need double precision.</summary>
    public static TheoryData<string> DoubleNames => new(All.Where(c => c.IsDouble).Select(c => c.Name));

    /// <summary>Networks small enough to check every parameter by finite differences.</summary>
    public static bool IsSmall(NetworkCase network) => network.ParameterCount < 5_000;

    /// <summary>Each network's name.</summary>
    public static TheoryData<string> Names => new(All.Select(c => c.Name));

    /// <summary>Each network's name with each of the seeds 1, 2 and 3.</summary>
    public static TheoryData<string, ulong> NamesAndSeeds
    {
        get
        {
            var data = new TheoryData<string, ulong>();
            foreach (NetworkCase network in All)
                for (ulong seed = 1; seed <= 3; seed++) data.Add(network.Name, seed);
            return data;
        }
    }

    public static NetworkCase Get(string name) => All.Single(c => c.Name == name);
}
