using System;
using System.IO;

namespace LeNetGen.Runtime.Tests.Data;

/// <summary>
/// The real data sets, each loaded once for the whole test run. MNIST: the folder in LENETGEN_MNIST (CI sets it), else
/// ../shared/data/mnist beside the repository root. Fashion-MNIST the same way: LENETGEN_FASHION_MNIST, else
/// ../shared/data/fashion-mnist. So a fresh clone beside ../shared needs nothing installed. Missing data fails the tests
/// that need it, with a message saying where it was looked for and how to get it: nothing is skipped, in CI or out of it.
/// </summary>
internal static class RealData
{
    private static readonly Lazy<DatasetSplits> mnist = new(() => Load(MnistVariant.Mnist, MnistFolder()));
    private static readonly Lazy<DatasetSplits> fashionMnist = new(() => Load(MnistVariant.FashionMnist, FashionMnistFolder()));

    public static DatasetSplits Mnist => mnist.Value;

    public static DatasetSplits FashionMnist => fashionMnist.Value;

    /// <summary>The folder holding LeNetGen.sln, found walking up from the test assembly.</summary>
    public static string RepositoryRoot()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "LeNetGen.sln"))) return d.FullName;
        throw new InvalidOperationException($"No LeNetGen.sln above {AppContext.BaseDirectory}.");
    }

    public static string MnistFolder() => Folder(MnistVariant.Mnist);

    public static string FashionMnistFolder() => Folder(MnistVariant.FashionMnist);

    /// <summary>The folder named by the set's environment variable, else ../shared/data/&lt;set&gt; beside the repository root.</summary>
    public static string Folder(MnistVariant variant) =>
        System.Environment.GetEnvironmentVariable(variant.EnvironmentVariable) is { Length: > 0 } folder
            ? folder
            : Path.GetFullPath(Path.Combine(RepositoryRoot(), "..", "shared", "data", variant.FolderName));

    private static DatasetSplits Load(MnistVariant variant, string folder)
    {
        DataLocation location = new DataLocator(_ => null, AppContext.BaseDirectory, AppContext.BaseDirectory).Locate(variant, folder);
        if (!location.Found)
            throw new InvalidOperationException(
                $"The real-data tests need {variant.Name} and it is missing" +
                (System.Environment.GetEnvironmentVariable("CI") == "true" ? " in CI (CI=true: this fails, it is never skipped)" : "") +
                $".\n{location.Describe()}");
        return MnistLoader.LoadFrom(variant, location.Folder!);
    }
}
