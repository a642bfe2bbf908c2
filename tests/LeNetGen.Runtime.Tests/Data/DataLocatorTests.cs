using System.Collections.Generic;
using System.IO;
using Xunit;

namespace LeNetGen.Runtime.Tests.Data;

/// <summary>
/// The documented search order: an explicit path alone; else the environment variable, data/ beside the program,
/// ../shared/data upward from the current directory, the system package's folder. Nothing found lists every place.
/// Every locator here is given the folders it may look in (the upward search stops at the test's own temporary folder, the
/// system folder is one inside it or none), so no test depends on what the machine holds outside that folder.
/// </summary>
public sealed class DataLocatorTests
{
    [Fact]
    public void AnExplicitPathIsTheOnlyPlaceLookedAt()
    {
        using var root = new TemporaryFolder();
        string given = Complete(root, "given"), fromEnvironment = Complete(root, "env");
        var locator = Hermetic(root, Environment(("LENETGEN_MNIST", fromEnvironment)), root.Path, root.Path);
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
        var locator = Hermetic(root, Environment(("LENETGEN_MNIST", fromEnvironment)), Path.Combine(root.Path, "bin"), root.Path);
        Assert.Equal(fromEnvironment, locator.Locate(MnistVariant.Mnist).Folder);
    }

    [Fact]
    public void TheFolderBesideTheProgramComesSecond()
    {
        using var root = new TemporaryFolder();
        string beside = Complete(root, Path.Combine("bin", "data", "fashion-mnist"));
        var locator = Hermetic(root, Environment(("LENETGEN_FASHION_MNIST", Path.Combine(root.Path, "wrong"))), Path.Combine(root.Path, "bin"), root.Path);
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
        var locator = Hermetic(root, Environment(), Path.Combine(root.Path, "program"), current);
        Assert.Equal(shared, locator.Locate(MnistVariant.Mnist).Folder);
    }

    [Fact]
    public void AnIncompleteFolderIsPassedOverAndSaysWhatIsMissing()
    {
        using var root = new TemporaryFolder();
        string incomplete = Complete(root, "env");
        File.Delete(Path.Combine(incomplete, MnistFiles.TestLabels));
        File.Delete(Path.Combine(incomplete, MnistFiles.TrainImages));
        var locator = Hermetic(root, Environment(("LENETGEN_MNIST", incomplete)), Path.Combine(root.Path, "program"), root.Path);
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
        Assert.True(Hermetic(root, Environment(), root.Path, root.Path).Locate(MnistVariant.Mnist, folder).Found);
    }

    [Fact]
    public void NothingFoundListsEveryPlaceAndHowToGetTheData()
    {
        using var root = new TemporaryFolder();
        string program = Path.Combine(root.Path, "program");
        var locator = Hermetic(root, Environment(), program, root.Path);
        DataLocation location = locator.Locate(MnistVariant.Mnist);
        Assert.False(location.Found);
        Assert.Equal(3, location.Tried.Count);
        var exception = Assert.Throws<FileNotFoundException>(() => location.RequireFolder());
        string expectedStart =
            $"MNIST was not found ({string.Join(", ", MnistFiles.Names)}). Looked in:\n" +
            "  - LENETGEN_MNIST: not set\n" +
            $"  - {Path.Combine(program, "data", "mnist")} (beside the program): no such folder\n" +
            $"  - {Path.Combine("..", "shared", "data", "mnist")} from {root.Path} and each folder above up to {root.Path}: none exists\n" +
            "To get it: download it with MnistDownloader";
        Assert.StartsWith(expectedStart, exception.Message);
    }

    [Fact]
    public void FashionMnistAlsoLooksInTheSystemPackagesFolder()
    {
        using var root = new TemporaryFolder();
        string system = Path.Combine(root.Path, "usr", "share", "datasets", "fashion-mnist");
        var locator = new DataLocator(Environment(), root.Path, root.Path, root.Path, variant => variant == MnistVariant.FashionMnist ? system : null);
        Assert.Equal($"{system} (system package): no such folder", locator.Locate(MnistVariant.FashionMnist).Tried[^1]);
        Complete(root, system);
        Assert.Equal(system, locator.Locate(MnistVariant.FashionMnist).Folder);
        Assert.Equal("/usr/share/datasets/fashion-mnist", MnistVariant.FashionMnist.SystemFolder);
        Assert.Contains("apt-get install dataset-fashion-mnist", MnistVariant.FashionMnist.HowToGet);
    }

    [Fact]
    public void TheUpwardSearchStopsAtTheFolderItIsGiven()
    {
        // outer/shared/data/mnist exists, but the search is told to look no higher than outer/inner.
        using var root = new TemporaryFolder();
        Complete(root, Path.Combine("outer", "shared", "data", "mnist"));
        string top = Path.Combine(root.Path, "outer", "inner"), current = Path.Combine(top, "repo", "bin");
        Directory.CreateDirectory(current);
        DataLocation location = new DataLocator(Environment(), root.Path, current, top, _ => null).Locate(MnistVariant.Mnist);
        Assert.False(location.Found);
        Assert.Equal($"{Path.Combine("..", "shared", "data", "mnist")} from {current} and each folder above up to {top}: none exists", location.Tried[^1]);

        // Without the limit the same search finds it.
        Assert.Equal(Path.Combine(root.Path, "outer", "shared", "data", "mnist"),
            new DataLocator(Environment(), root.Path, current).Locate(MnistVariant.Mnist).Folder);
    }

    [Fact]
    public void TheSearchMustStartInsideItsTopFolder()
    {
        using var root = new TemporaryFolder();
        string top = Path.Combine(root.Path, "top"), elsewhere = Path.Combine(root.Path, "elsewhere");
        var exception = Assert.Throws<System.ArgumentException>(() => new DataLocator(Environment(), root.Path, elsewhere, top, _ => null));
        Assert.StartsWith($"{elsewhere} is not inside {top}, where the upward search stops.", exception.Message);
    }

    /// <summary>Creates <paramref name="relative"/> under <paramref name="root"/> holding four (empty) files; returns its full path.</summary>
    private static string Complete(TemporaryFolder root, string relative)
    {
        string folder = Path.Combine(root.Path, relative);
        Directory.CreateDirectory(folder);
        foreach (string name in MnistFiles.Names) File.WriteAllBytes(Path.Combine(folder, name), []);
        return folder;
    }

    /// <summary>A locator that looks nowhere outside <paramref name="root"/>: the upward search stops there, no system folder.</summary>
    private static DataLocator Hermetic(TemporaryFolder root, System.Func<string, string?> environment, string program, string current) =>
        new(environment, program, current, root.Path, _ => null);

    private static System.Func<string, string?> Environment(params (string Name, string Value)[] variables)
    {
        var map = new Dictionary<string, string>();
        foreach (var (name, value) in variables) map[name] = value;
        return name => map.GetValueOrDefault(name);
    }
}
