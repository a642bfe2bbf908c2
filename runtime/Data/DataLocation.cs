using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace LeNetGen;

/// <summary>What <see cref="DataLocator"/> found: the folder holding the four files, or every place it tried and why each failed.</summary>
public sealed class DataLocation
{
    internal DataLocation(MnistVariant variant, string? folder, IReadOnlyList<string> tried)
    {
        Variant = variant;
        Folder = folder;
        Tried = tried;
    }

    /// <summary>The set looked for.</summary>
    public MnistVariant Variant { get; }

    /// <summary>The folder holding all four files; null when none was found.</summary>
    public string? Folder { get; }

    /// <summary>Whether a folder was found.</summary>
    public bool Found => Folder is not null;

    /// <summary>Each place looked at, in order, with what was found there, e.g. "LENETGEN_MNIST: not set".</summary>
    public IReadOnlyList<string> Tried { get; }

    /// <summary>The folder, or a <see cref="FileNotFoundException"/> whose message lists each place tried and how to get the data.</summary>
    /// <returns>The folder holding all four files.</returns>
    public string RequireFolder() => Folder ?? throw new FileNotFoundException(Describe());

    /// <summary>Where the data was found, or where it was looked for and how to get it.</summary>
    public string Describe() => Describe(Variant.HowToGet);

    /// <summary>
    /// Where the data was found, or where it was looked for and, in <paramref name="howToGet"/>'s words, how to get it: a
    /// host's own advice (a command line's download command, say) in place of <see cref="MnistVariant.HowToGet"/>.
    /// </summary>
    /// <param name="howToGet">How to get the data, a clause ending without a period.</param>
    public string Describe(string howToGet)
    {
        ArgumentNullException.ThrowIfNull(howToGet);
        if (Folder is not null) return $"{Variant.Name} in {Folder}";
        var text = new StringBuilder();
        text.Append(Variant.Name).Append(" was not found (").AppendJoin(", ", MnistFiles.Names).Append("). Looked in:");
        foreach (string place in Tried) text.Append("\n  - ").Append(place);
        text.Append("\nTo get it: ").Append(howToGet).Append('.');
        return text.ToString();
    }

    /// <inheritdoc/>
    public override string ToString() => Describe();

    /// <summary>
    /// The path of <paramref name="fileName"/> (one of <see cref="MnistFiles.Names"/>) in <paramref name="folder"/>: the
    /// gzip name if present, else the same name without <c>.gz</c>; null when neither exists.
    /// </summary>
    internal static string? FindFile(string folder, string fileName)
    {
        string path = Path.Combine(folder, fileName);
        if (File.Exists(path)) return path;
        string raw = Path.Combine(folder, fileName[..^".gz".Length]);
        return File.Exists(raw) ? raw : null;
    }

    /// <summary>Null when <paramref name="folder"/> holds all four files; otherwise why it does not.</summary>
    internal static string? Check(string folder)
    {
        if (!Directory.Exists(folder)) return "no such folder";
        List<string>? missing = null;
        foreach (string name in MnistFiles.Names)
            if (FindFile(folder, name) is null) (missing ??= []).Add(name);
        return missing is null ? null : "missing " + string.Join(", ", missing);
    }

    internal static DataLocation NotFound(MnistVariant variant, IReadOnlyList<string> tried) => new(variant, null, tried);

    internal static DataLocation At(MnistVariant variant, string folder, IReadOnlyList<string> tried) =>
        new(variant, Path.GetFullPath(folder), tried);
}
