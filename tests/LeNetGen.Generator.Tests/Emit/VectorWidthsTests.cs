using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using LeNetGen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace LeNetGen.Generator.Tests.Emit;

/// <summary>
/// The MSBuild property LeNetGenVectorWidths: the tile and one-sample kernels are written for the widths it lists and
/// no other, the dispatch tries them widest first, the code compiles cleanly, and a word that is not a width is LNG0304
/// (once, the defaults standing in).
/// </summary>
public sealed class VectorWidthsTests
{
    private static readonly string Classic = RepositoryPaths.ReadSample("Networks/LeNet5.cs");

    private static GeneratorHarness.Result Run(string? widths) => widths is null
        ? GeneratorHarness.Run(Classic)
        : GeneratorHarness.RunWithBuildProperties(Classic, new Dictionary<string, string> { ["LeNetGenVectorWidths"] = widths });

    private static string File(GeneratorHarness.Result result, string suffix) =>
        result.Sources.Single(s => s.HintName.EndsWith(suffix, System.StringComparison.Ordinal)).SourceText.ToString();

    /// <summary>The widths whose kernels a file declares: the suffixes of its "private static void C1ForwardTile512(" and the like.</summary>
    private static int[] DeclaredWidths(string source) =>
        Regex.Matches(source, @"private static void \w+?(Tile|Sample)?(512|256|128)\(").Select(m => int.Parse(m.Groups[2].Value))
            .Distinct().OrderByDescending(b => b).ToArray();

    [Fact]
    public void WithoutThePropertyEveryWidthIsWritten()
    {
        GeneratorHarness.Result result = Run(null);
        Assert.Equal(new[] { 512, 256, 128 }, DeclaredWidths(File(result, ".Tiles.g.cs")));
        Assert.Equal(new[] { 512, 256, 128 }, DeclaredWidths(File(result, ".Sample.g.cs")));
    }

    [Theory]
    [InlineData("256,128", new[] { 256, 128 })]
    [InlineData("512", new[] { 512 })]
    [InlineData("128, 512", new[] { 512, 128 })]
    [InlineData(" 256 ", new[] { 256 })]
    [InlineData("512,512,256", new[] { 512, 256 })]
    public void OnlyTheListedWidthsAreWrittenWidestFirstAndTheCodeCompiles(string widths, int[] expected)
    {
        GeneratorHarness.Result result = Run(widths);
        Assert.Null(result.GeneratorException);
        Assert.Empty(result.Diagnostics);
        Assert.Empty(result.CompilationDiagnostics);
        string tiles = File(result, ".Tiles.g.cs"), sample = File(result, ".Sample.g.cs");
        Assert.Equal(expected, DeclaredWidths(tiles));
        Assert.Equal(expected, DeclaredWidths(sample));
        foreach (int absent in new[] { 512, 256, 128 }.Except(expected))
        {
            Assert.DoesNotContain($"Vector{absent}.IsHardwareAccelerated", tiles);
            Assert.DoesNotContain($"Vector{absent}.IsHardwareAccelerated", sample);
        }
        // The tile entry: the widest listed width is tried first; the narrowest is the else (no check) when there are
        // several, and a single width is called without one.
        string dispatch = string.Join("\n", tiles.Split('\n').Select(l => l.Trim()).Where(l => Regex.IsMatch(l, $@"^(else |if \(.*\) )?ForwardTile{expected[^1]}\(ref t, ref p\);$")));
        if (expected.Length == 1)
            Assert.Equal($"ForwardTile{expected[0]}(ref t, ref p);", dispatch);
        else
        {
            Assert.Contains($"if (global::System.Runtime.Intrinsics.Vector{expected[0]}.IsHardwareAccelerated) ForwardTile{expected[0]}(ref t, ref p);", tiles);
            Assert.Equal($"else ForwardTile{expected[^1]}(ref t, ref p);", dispatch);
        }
        // The scalar kernels do not depend on the widths.
        Assert.Equal(File(Run(null), "LeNet5.g.cs"), File(result, "LeNet5.g.cs"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData(" , ")]
    public void AnEmptyValueIsTheDefault(string widths)
    {
        GeneratorHarness.Result result = Run(widths), defaults = Run(null);
        Assert.Empty(result.Diagnostics);
        Assert.Equal(defaults.Sources.Select(s => s.SourceText.ToString()), result.Sources.Select(s => s.SourceText.ToString()));
    }

    [Theory]
    [InlineData("512,384", "384")]
    [InlineData("avx512", "avx512")]
    [InlineData("256;128", "256;128")]
    [InlineData("-128", "-128")]
    public void LNG0304_AWordThatIsNotAWidthIsReportedOnceAndTheDefaultsStand(string widths, string word)
    {
        GeneratorHarness.Result result = Run(widths);
        Assert.Null(result.GeneratorException);
        Diagnostic diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("LNG0304", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal(Location.None, diagnostic.Location);
        Assert.Equal($"The MSBuild property LeNetGenVectorWidths is \"{widths.Trim()}\", and '{word}' is not a vector width LeNetGen writes kernels for; " +
            "list 512, 256 or 128 separated by commas (e.g. 256,128), or leave the property out for all three", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(Run(null).Sources.Select(s => s.SourceText.ToString()), result.Sources.Select(s => s.SourceText.ToString()));
    }
}
