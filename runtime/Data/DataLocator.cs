using System;
using System.Collections.Generic;
using System.IO;

namespace LeNetGen;

/// <summary>
/// Finds the folder holding an MNIST-format set's four files (<see cref="MnistFiles"/>, gzip or raw). An explicit path is
/// the only place looked at when given; otherwise, in order:
/// <list type="number">
/// <item>the folder named by the environment variable (<c>LENETGEN_MNIST</c>, <c>LENETGEN_FASHION_MNIST</c>);</item>
/// <item><c>data/mnist</c> (<c>data/fashion-mnist</c>) beside the program (<see cref="AppContext.BaseDirectory"/>), where
/// <see cref="MnistDownloader"/> puts the files by default;</item>
/// <item><c>../shared/data/mnist</c> from the current directory, then from each folder above it, the first that exists
/// (the development layout: the repository beside <c>shared/</c>);</item>
/// <item>the folder a system package installs into, when there is one (Fashion-MNIST:
/// <c>/usr/share/datasets/fashion-mnist</c>).</item>
/// </list>
/// When nothing is found the <see cref="DataLocation"/> lists each place tried and how to get the data.
/// </summary>
public sealed class DataLocator
{
    private readonly Func<string, string?> environment;
    private readonly string programDirectory;
    private readonly string currentDirectory;
    private readonly string? searchTop;
    private readonly Func<MnistVariant, string?> systemFolder;

    /// <summary>
    /// A locator over given surroundings whose upward search goes to the file system's root and which looks in each
    /// set's <see cref="MnistVariant.SystemFolder"/>.
    /// </summary>
    /// <param name="environment">Reads an environment variable; null when unset.</param>
    /// <param name="programDirectory">The program's folder, holding <c>data/</c>.</param>
    /// <param name="currentDirectory">Where the upward search for <c>../shared/data</c> starts.</param>
    public DataLocator(Func<string, string?> environment, string programDirectory, string currentDirectory)
        : this(environment, programDirectory, currentDirectory, searchTop: null, systemFolder: variant => variant.SystemFolder)
    {
    }

    /// <summary>
    /// A locator over given surroundings only, for tests and for hosts that want other roots: nothing outside the
    /// folders given here (and the environment read through <paramref name="environment"/>) is looked at.
    /// </summary>
    /// <param name="environment">Reads an environment variable; null when unset.</param>
    /// <param name="programDirectory">The program's folder, holding <c>data/</c>.</param>
    /// <param name="currentDirectory">Where the upward search for <c>../shared/data</c> starts.</param>
    /// <param name="searchTop">
    /// The highest folder the upward search looks in: <c>shared/data</c> is tried in it and in the folders between it and
    /// <paramref name="currentDirectory"/>, never above; null to go up to the file system's root.
    /// </param>
    /// <param name="systemFolder">The folder a system package installs a set into, looked at last; null for none.</param>
    public DataLocator(
        Func<string, string?> environment, string programDirectory, string currentDirectory, string? searchTop,
        Func<MnistVariant, string?> systemFolder)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(programDirectory);
        ArgumentNullException.ThrowIfNull(currentDirectory);
        ArgumentNullException.ThrowIfNull(systemFolder);
        this.environment = environment;
        this.programDirectory = Path.GetFullPath(programDirectory);
        this.currentDirectory = Path.GetFullPath(currentDirectory);
        this.searchTop = searchTop is null ? null : Path.TrimEndingDirectorySeparator(Path.GetFullPath(searchTop));
        this.systemFolder = systemFolder;
        if (this.searchTop is not null && !IsWithin(this.currentDirectory, this.searchTop))
            throw new ArgumentException($"{this.currentDirectory} is not inside {this.searchTop}, where the upward search stops.", nameof(searchTop));
    }

    /// <summary>A locator over this process: its environment, <see cref="AppContext.BaseDirectory"/> and current directory now.</summary>
    public static DataLocator Default =>
        new(Environment.GetEnvironmentVariable, AppContext.BaseDirectory, Environment.CurrentDirectory);

    /// <summary>The folder beside the program where a download goes by default and where the search looks second.</summary>
    /// <param name="variant">The set.</param>
    public string ProgramDataFolder(MnistVariant variant)
    {
        ArgumentNullException.ThrowIfNull(variant);
        return Path.Combine(programDirectory, "data", variant.FolderName);
    }

    /// <summary>Looks for <paramref name="variant"/>'s files: in <paramref name="path"/> only when given, else in the documented order.</summary>
    /// <param name="variant">The set.</param>
    /// <param name="path">A folder to use instead of searching; null to search.</param>
    public DataLocation Locate(MnistVariant variant, string? path = null)
    {
        ArgumentNullException.ThrowIfNull(variant);
        var tried = new List<string>();
        if (path is not null)
        {
            string? problem = DataLocation.Check(path);
            if (problem is null) return DataLocation.At(variant, path, tried);
            tried.Add($"{Path.GetFullPath(path)} (given): {problem}");
            return DataLocation.NotFound(variant, tried);
        }

        string? fromEnvironment = environment(variant.EnvironmentVariable);
        if (string.IsNullOrEmpty(fromEnvironment))
        {
            tried.Add($"{variant.EnvironmentVariable}: not set");
        }
        else
        {
            string? problem = DataLocation.Check(fromEnvironment);
            if (problem is null) return DataLocation.At(variant, fromEnvironment, tried);
            tried.Add($"{variant.EnvironmentVariable}={fromEnvironment}: {problem}");
        }

        string besideProgram = ProgramDataFolder(variant);
        {
            string? problem = DataLocation.Check(besideProgram);
            if (problem is null) return DataLocation.At(variant, besideProgram, tried);
            tried.Add($"{besideProgram} (beside the program): {problem}");
        }

        // ../shared/data/<name> from here and from each folder above: the first that exists is the one meant.
        string relative = Path.Combine("..", "shared", "data", variant.FolderName);
        string? shared = null;
        for (DirectoryInfo? d = new(currentDirectory); d?.Parent is not null; d = d.Parent)
        {
            if (searchTop is not null && !IsWithin(d.Parent.FullName, searchTop)) break;
            string candidate = Path.Combine(d.Parent.FullName, "shared", "data", variant.FolderName);
            if (Directory.Exists(candidate))
            {
                shared = candidate;
                break;
            }
        }
        if (shared is null)
        {
            tried.Add(searchTop is null
                ? $"{relative} from {currentDirectory} and each folder above: none exists"
                : $"{relative} from {currentDirectory} and each folder above up to {searchTop}: none exists");
        }
        else
        {
            string? problem = DataLocation.Check(shared);
            if (problem is null) return DataLocation.At(variant, shared, tried);
            tried.Add($"{shared} ({relative} from {currentDirectory}): {problem}");
        }

        if (systemFolder(variant) is string system)
        {
            string? problem = DataLocation.Check(system);
            if (problem is null) return DataLocation.At(variant, system, tried);
            tried.Add($"{system} (system package): {problem}");
        }
        return DataLocation.NotFound(variant, tried);
    }

    /// <summary>Whether <paramref name="folder"/> is <paramref name="top"/> or inside it (both full paths).</summary>
    private static bool IsWithin(string folder, string top)
    {
        folder = Path.TrimEndingDirectorySeparator(folder);
        StringComparison comparison = OperatingSystem.IsWindows() || OperatingSystem.IsMacOS()
            ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        return folder.Equals(top, comparison)
            || (folder.StartsWith(top, comparison) && (folder[top.Length] == Path.DirectorySeparatorChar || top.EndsWith(Path.DirectorySeparatorChar)));
    }
}
