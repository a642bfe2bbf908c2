using System;

namespace LeNetGen.Samples.Cli;

/// <summary>Finds and loads the datasets the command line names.</summary>
internal static class DataSets
{
    public static MnistVariant Variant(string name) => name.ToLowerInvariant() switch
    {
        "mnist" => MnistVariant.Mnist,
        "fashion" or "fashion-mnist" => MnistVariant.FashionMnist,
        _ => throw new ArgumentException($"Unknown dataset '{name}'; use mnist or fashion."),
    };

    public static DatasetSplits Load(string name, string? path) => MnistLoader.Load(Variant(name), path);
}
