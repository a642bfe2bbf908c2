using System.Collections.Generic;
using System.IO;
using Xunit;

namespace LeNetGen.Runtime.Tests.Data;

/// <summary>
/// The documented search order: an explicit path alone; else the environment variable, data/ beside the program,
/// ../shared/data upward from the current directory, the system package's folder. Nothing found lists every place.
/// </summary>
public sealed class DataLocatorTests
{
    [Fact]
    public void AnExplicitPathIsTheOnlyPlaceLookedAt()
    {
        using var root = new TemporaryFolder();
        string given = Complete(root, "given"), fromEnvironment = Complete(root, "env");
        var locator = new DataLocator(Environment(("LENETGEN_MNIST", fromEnvironment)), root.Path, root.Path);
        Assert.Equal(given, locator.Locate(MnistVariant.Mnist, given).Folder);

        DataLocation missing = locator.Locate(MnistVariant.Mnist, Path.Combine(root.Path, "nothing"));
        Assert.False(missing.Found);
        Assert.Equal([$"{Path.Combine(root.Path, "nothing")} (given): no such folder"], missing.Tried);
    }

    [Fact]
    public void TheEnvironmentVariableComesFirst()
    {
        using var root = new TemporaryFolder();
        string fromEnvironment = Complete(root, "env");
        Complete(root, Path.Combine("bin", "data", "mnist"));
        var locator = new DataLocator(Environment(("LENETGEN_MNIST", fromEnvironment)), Path.Combine(root.Path, "bin"), root.Path);
        Assert.Equal(fromEnvironment, locator.Locate(MnistVariant.Mnist).Folder);
    }

    [Fact]
    public void TheFolderBesideTheProgramComesSecond()
    {
        using var root = new TemporaryFolder();
        string beside = Complete(root, Path.Combine("bin", "data", "fashion-mnist"));
        var locator = new DataLocator(Environment(("LENETGEN_FASHION_MNIST", Path.Combine(root.Path, "wrong"))), Path.Combine(root.Path, "bin"), root.Path);
        DataLocation location = locator.Locate(MnistVariant.FashionMnist);
        Assert.Equal(beside, location.Folder);
        Assert.Equal(beside, locator.ProgramDataFolder(MnistVariant.FashionMnist));
        Assert.Equal([$"LENETGEN_FASHION_MNIST={Path.Combine(root.Path, "wrong")}: no such folder"], location.Tried);
    }

    [Fact]
    public void SharedDataIsFoundWalkingUpFromTheCurrentDirectory()
    {
        // root/shared/data/mnist beside root/repo, searched from root/repo/tests/bin.
        using var root = new TemporaryFolder();
        string shared = Complete(root, Path.Combine("shared", "data", "mnist"));
        string current = Path.Combine(root.Path, "repo", "tests", "bin");
        Directory.CreateDirectory(current);
        var locator = new DataLocator(Environment(), Path.Combine(root.Path, "program"), current);
        Assert.Equal(shared, locator.Locate(MnistVariant.Mnist).Folder);
    }

    [Fact]
    public void AnIncompleteFolderIsPassedOverAndSaysWhatIsMissing()
    {
        using var root = new TemporaryFolder();
        string incomplete = Complete(root, "env");
        File.Delete(Path.Combine(incomplete, MnistFiles.TestLabels));
        File.Delete(Path.Combine(incomplete, MnistFiles.TrainImages));
        var locator = new DataLocator(Environment(("LENETGEN_MNIST", incomplete)), Path.Combine(root.Path, "program"), root.Path);
        DataLocation location = locator.Locate(MnistVariant.Mnist);
        Assert.Contains($"LENETGEN_MNIST={incomplete}: missing {MnistFiles.TrainImages}, {MnistFiles.TestLabels}", location.Tried);
    }

    [Fact]
    public void RawFilesCountAsWellAsGzip()
    {
        using var root = new TemporaryFolder();
        string folder = Path.Combine(root.Path, "raw");
        Directory.CreateDirectory(folder);
        foreach (string name in MnistFiles.Names) File.WriteAllBytes(Path.Combine(folder, name[..^3]), []);
        Assert.True(new DataLocator(Environment(), root.Path, root.Path).Locate(MnistVariant.Mnist, folder).Found);
    }

    [Fact]
    public void NothingFoundListsEveryPlaceAndHowToGetTheData()
    {
        using var root = new TemporaryFolder();
        string program = Path.Combine(root.Path, "program");
        var locator = new DataLocator(Environment(), program, root.Path);
        DataLocation location = locator.Locate(MnistVariant.Mnist);
        Assert.False(location.Found);
        Assert.Equal(3, location.Tried.Count);
        var exception = Assert.Throws<FileNotFoundException>(() => location.RequireFolder());
        string expectedStart =
            $"MNIST was not found ({string.Join(", ", MnistFiles.Names)}). Looked in:\n" +
            "  - LENETGEN_MNIST: not set\n" +
            $"  - {Path.Combine(program, "data", "mnist")} (beside the program): no such folder\n" +
            $"  - {Path.Combine("..", "shared", "data", "mnist")} from {root.Path} and each folder above: none exists\n" +
            "To get it: download it with MnistDownloader";
        Assert.StartsWith(expectedStart, exception.Message);
    }

    [Fact]
    public void FashionMnistAlsoLooksInTheSystemPackagesFolder()
    {
        using var root = new TemporaryFolder();
        DataLocation location = new DataLocator(Environment(), root.Path, root.Path).Locate(MnistVariant.FashionMnist);
        if (location.Found)
            Assert.Equal("/usr/share/datasets/fashion-mnist", location.Folder);
        else
            Assert.StartsWith("/usr/share/datasets/fashion-mnist (system package): ", location.Tried[^1]);
        Assert.Contains("apt-get install dataset-fashion-mnist", MnistVariant.FashionMnist.HowToGet);
    }

    /// <summary>Creates <paramref name="relative"/> under <paramref name="root"/> holding four (empty) files; returns its full path.</summary>
    private static string Complete(TemporaryFolder root, string relative)
    {
        string folder = Path.Combine(root.Path, relative);
        Directory.CreateDirectory(folder);
        foreach (string name in MnistFiles.Names) File.WriteAllBytes(Path.Combine(folder, name), []);
        return folder;
    }

    private static System.Func<string, string?> Environment(params (string Name, string Value)[] variables)
    {
        var map = new Dictionary<string, string>();
        foreach (var (name, value) in variables) map[name] = value;
        return name => map.GetValueOrDefault(name);
    }
}
