using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Xunit;

namespace LeNetGen.Generator.Tests.Infrastructure;

/// <summary>
/// Real checkpoint files for the generator's weights tests, written by the runtime's own <see cref="Checkpoint{T}"/>
/// into a temporary folder that is deleted on dispose, and the fingerprint and parameter count of a spec, read from the
/// code the generator writes for it.
/// </summary>
internal sealed class CheckpointFiles : IDisposable
{
    public CheckpointFiles() => Folder = Directory.CreateTempSubdirectory("lenetgen-weights-").FullName;

    public string Folder { get; }

    public string PathOf(string relative)
    {
        string path = Path.Combine(Folder, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return path;
    }

    /// <summary>Saves a float checkpoint with <paramref name="parameters"/> to <paramref name="relative"/> and returns its path.</summary>
    public string Save(string relative, ulong fingerprint, float[] parameters)
    {
        string path = PathOf(relative);
        new Checkpoint<float>(fingerprint, parameters).Save(path);
        return path;
    }

    /// <summary>Saves a double checkpoint.</summary>
    public string Save(string relative, ulong fingerprint, double[] parameters)
    {
        string path = PathOf(relative);
        new Checkpoint<double>(fingerprint, parameters).Save(path);
        return path;
    }

    public string Write(string relative, byte[] bytes)
    {
        string path = PathOf(relative);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    /// <summary>The network's SpecFingerprint and ParameterCount, as the generator writes them for <paramref name="source"/>.</summary>
    public static (ulong Fingerprint, int ParameterCount) Of(string source)
    {
        GeneratorHarness.Result result = GeneratorHarness.Run(source);
        Assert.DoesNotContain(result.Diagnostics, d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error);
        string code = result.Sources.Select(s => s.SourceText.ToString()).First(t => t.Contains("SpecFingerprint = 0x", StringComparison.Ordinal));
        ulong fingerprint = ulong.Parse(Regex.Match(code, @"SpecFingerprint = 0x([0-9A-F]{16})UL").Groups[1].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        int count = int.Parse(Regex.Match(code, @"public const int ParameterCount = (\d+);").Groups[1].Value, CultureInfo.InvariantCulture);
        return (fingerprint, count);
    }

    /// <summary>Parameters 0.5, -0.25, 0.125, ... (distinct and exact), <paramref name="count"/> of them.</summary>
    public static float[] Parameters(int count) =>
        Enumerable.Range(0, count).Select(i => (i % 2 == 0 ? 1 : -1) * (float)(i + 1) / 64f).ToArray();

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
