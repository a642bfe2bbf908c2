using System;
using System.IO;
using System.Runtime.CompilerServices;
using System.Text;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;

namespace LeNetGen.Generator.Tests.Infrastructure;

/// <summary>
/// Snapshot tests with Verify's on-disk convention, so moving to Verify.SourceGenerators later is a package swap:
/// the accepted text is <c>{Class}.{Method}#{Name}.verified.{ext}</c> beside the test's source file (without the
/// <c>#{Name}</c> part for a single text, e.g. diagnostics). A mismatch, or a missing snapshot, writes
/// <c>.received.{ext}</c> next to it and fails with a line diff; to accept, rename received to verified (or run the
/// tests with LENETGEN_ACCEPT_SNAPSHOTS=1). Texts are compared with '\n' line ends; the tool version is scrubbed.
/// </summary>
internal static class Snapshot
{
    public static void Verify(string actual, string? name = null, string extension = "txt",
        [CallerFilePath] string sourceFile = "", [CallerMemberName] string method = "")
    {
        string directory = Path.GetDirectoryName(sourceFile)!;
        string testClass = Path.GetFileNameWithoutExtension(sourceFile);
        string stem = $"{testClass}.{method}" + (name is null ? "" : "#" + name);
        string verifiedPath = Path.Combine(directory, $"{stem}.verified.{extension}");
        string receivedPath = Path.Combine(directory, $"{stem}.received.{extension}");

        string normalized = Scrub(actual);
        string? expected = File.Exists(verifiedPath) ? File.ReadAllText(verifiedPath).Replace("\r\n", "\n") : null;
        if (expected == normalized)
        {
            if (File.Exists(receivedPath)) File.Delete(receivedPath);
            return;
        }

        if (Environment.GetEnvironmentVariable("LENETGEN_ACCEPT_SNAPSHOTS") == "1")
        {
            File.WriteAllText(verifiedPath, normalized);
            return;
        }

        File.WriteAllText(receivedPath, normalized);
        string message = expected is null
            ? $"No snapshot yet: wrote {receivedPath}. Review it and rename it to {Path.GetFileName(verifiedPath)} to accept."
            : $"Snapshot {Path.GetFileName(verifiedPath)} differs; wrote {Path.GetFileName(receivedPath)}.\n" + Diff(expected, normalized);
        throw new Xunit.Sdk.XunitException(message);
    }

    /// <summary>Line ends to '\n'; the generator's version to a placeholder, so a release changes no snapshot.</summary>
    private static string Scrub(string text) =>
        text.Replace("\r\n", "\n").Replace($"\"{KnownNames.ToolVersion}\"", "\"{version}\"")
            .Replace($"{KnownNames.Tool} {KnownNames.ToolVersion}", KnownNames.Tool + " {version}");

    private static string Diff(string expected, string actual)
    {
        DiffPaneModel diff = InlineDiffBuilder.Diff(expected, actual);
        var text = new StringBuilder();
        int shown = 0;
        for (int i = 0; i < diff.Lines.Count && shown < 60; i++)
        {
            DiffPiece line = diff.Lines[i];
            if (line.Type == ChangeType.Unchanged) continue;
            text.Append(line.Type == ChangeType.Inserted ? "+ " : line.Type == ChangeType.Deleted ? "- " : "  ")
                .Append("line ").Append(line.Position?.ToString() ?? "?").Append(": ").Append(line.Text).Append('\n');
            shown++;
        }
        return text.ToString();
    }
}
