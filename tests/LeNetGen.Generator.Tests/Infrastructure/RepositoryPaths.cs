using System.IO;
using System.Runtime.CompilerServices;

namespace LeNetGen.Generator.Tests.Infrastructure;

/// <summary>Paths into the repository, found from this source file's own location at compile time.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Samples => Path.Combine(Root, "samples", "LeNetGen.Samples");

    public static string ReadSample(string relativePath) => File.ReadAllText(Path.Combine(Samples, relativePath));

    private static string FindRoot([CallerFilePath] string thisFile = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(thisFile)!, "..", "..", ".."));
}
