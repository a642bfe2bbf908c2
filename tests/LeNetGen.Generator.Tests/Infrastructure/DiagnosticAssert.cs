using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Xunit;

namespace LeNetGen.Generator.Tests.Infrastructure;

/// <summary>Asserts that a spec produces exactly the marked diagnostics: same IDs, same files, lines, columns and spans.</summary>
internal static class DiagnosticAssert
{
    public const string CodeFile = "Network.cs";

    /// <summary>
    /// Runs the generator on <paramref name="sourceMarkup"/> (and optional JSON files, also marked) and asserts that
    /// its diagnostics are exactly the marked ones, and that it never threw.
    /// </summary>
    public static GeneratorHarness.Result Exactly(string sourceMarkup, params (string Path, string Markup)[] jsonMarkup) =>
        Exactly(sourceMarkup, System.Array.Empty<string>(), jsonMarkup);

    /// <summary>As above, with <paramref name="binaryFiles"/> (real files on disk, e.g. checkpoints) among the additional files.</summary>
    public static GeneratorHarness.Result Exactly(string sourceMarkup, IReadOnlyList<string> binaryFiles, params (string Path, string Markup)[] jsonMarkup)
    {
        var (source, expectedInSource) = Markup.Parse(sourceMarkup);
        var expected = expectedInSource.Select(e => (File: CodeFile, e)).ToList();
        var texts = new Dictionary<string, string> { [CodeFile] = source };
        var jsonFiles = new List<(string, string)>();
        foreach (var (path, markup) in jsonMarkup)
        {
            var (text, expectedInJson) = Markup.Parse(markup);
            jsonFiles.Add((path, text));
            texts[path] = text;
            expected.AddRange(expectedInJson.Select(e => (File: path, e)));
        }

        GeneratorHarness.Result result = GeneratorHarness.Run(new[] { source }, binaryFiles, jsonFiles.ToArray());
        Assert.Null(result.GeneratorException);

        var actual = result.Diagnostics.Select(d => Describe(d, texts)).OrderBy(s => s, System.StringComparer.Ordinal).ToList();
        var wanted = expected.Select(x => $"{x.e.Id} {x.File}({x.e.Line},{x.e.Column}) '{x.e.Span}'")
            .OrderBy(s => s, System.StringComparer.Ordinal).ToList();
        Assert.True(wanted.SequenceEqual(actual),
            "Expected diagnostics:\n  " + string.Join("\n  ", wanted) + "\nActual diagnostics:\n  " + string.Join("\n  ",
                result.Diagnostics.Select(d => Describe(d, texts) + ": " + d.GetMessage(System.Globalization.CultureInfo.InvariantCulture))));
        return result;
    }

    /// <summary>"LNG0101 Network.cs(4,20) '7'": ID, file, 1-based line and column, and the spanned text.</summary>
    public static string Describe(Diagnostic diagnostic, IReadOnlyDictionary<string, string> texts)
    {
        FileLinePositionSpan span = diagnostic.Location.GetLineSpan();
        string text = texts.TryGetValue(span.Path, out string? file) && diagnostic.Location.SourceSpan.End <= file.Length
            ? file.Substring(diagnostic.Location.SourceSpan.Start, diagnostic.Location.SourceSpan.Length)
            : "?";
        return $"{diagnostic.Id} {span.Path}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1}) '{text}'";
    }

    /// <summary>The message of the only diagnostic with <paramref name="id"/>.</summary>
    public static string Message(GeneratorHarness.Result result, string id) =>
        Assert.Single(result.Diagnostics, d => d.Id == id).GetMessage(System.Globalization.CultureInfo.InvariantCulture);
}
