using System;
using System.IO;

namespace LeNetGen.Samples.Cli;

/// <summary>Finds and loads the datasets the command line names; when one is missing, says how to get it from here.</summary>
internal static class DataSets
{
    public static MnistVariant Variant(string name) => name.ToLowerInvariant() switch
    {
        "mnist" => MnistVariant.Mnist,
        "fashion" or "fashion-mnist" => MnistVariant.FashionMnist,
        _ => throw new ArgumentException($"Unknown dataset '{name}'; use mnist or fashion."),
    };

    public static DatasetSplits Load(string name, string? path)
    {
        MnistVariant variant = Variant(name);
        DataLocation location = DataLocator.Default.Locate(variant, path);
        if (!location.Found) throw new FileNotFoundException(location.Describe(HowToGet(variant)));
        return MnistLoader.LoadFrom(variant, location.Folder!);
    }

    /// <summary>The command line's advice: its own download command, its --data option; not the library's classes.</summary>
    public static string HowToGet(MnistVariant variant) => variant == MnistVariant.Mnist
        ? "run `lenetgen-samples download` (it fetches the four files into data/mnist beside the program, where train, eval and "
          + "predict look, and checks their SHA-256), or pass --data DIR naming a folder that holds them"
        : "put the four files (from https://github.com/zalandoresearch/fashion-mnist) into ../shared/data/fashion-mnist or "
          + "data/fashion-mnist beside the program, or pass --data DIR naming a folder that holds them; on Debian or Ubuntu, "
          + "`apt-get install dataset-fashion-mnist` installs them into /usr/share/datasets/fashion-mnist, where this looks too";
}
