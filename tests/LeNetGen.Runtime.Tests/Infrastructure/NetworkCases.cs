using System.Collections.Generic;
using System.Linq;
using LeNetGen.Runtime.Tests.Networks;
using Xunit;

namespace LeNetGen.Runtime.Tests.Infrastructure;

/// <summary>Every test network, by name, for theories.</summary>
internal static class NetworkCases
{
    public static readonly IReadOnlyList<NetworkCase> All =
    [
        new NetworkCase<RgbConvNet, float>(Init.LeCunUniform),
        new NetworkCase<TableNet, float>(Init.LeCunUniform),
        new NetworkCase<OverlapNet, double>(Init.LeCunUniform),
        new NetworkCase<TrainableRbfNet, float>(Init.LeCunUniform),
        new NetworkCase<DoubleSoftmaxNet, double>(Init.LeCunUniform),
        new NetworkCase<StrideRemainderNet, float>(Init.LeCunUniform),
        new NetworkCase<FloorPoolNet, double>(Init.LeCunUniform),
        new NetworkCase<EdgeNet, double>(Init.LeCunUniform),
        new NetworkCase<JsonNet, float>(Init.LeCunUniform),
        new NetworkCase<ClassicLeNet5, float>(Init.LeCunUniform),
        new NetworkCase<ModernLeNet5, float>(Init.HeUniform),
        new NetworkCase<DoubleTableNet, double>(Init.LeCunUniform),
        new NetworkCase<DoubleClassicLeNet5, double>(Init.LeCunUniform),
        new NetworkCase<DoubleModernLeNet5, double>(Init.HeUniform),
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
