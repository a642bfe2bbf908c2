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

    /// <summary>
    /// Narrow layers in float and double: C1's 3 output columns are fewer than a 128-bit vector of floats holds (the wide
    /// grid, whose rows are copied with vectors no wider than the kernel's), the dense layer's 9 inputs fewer than a
    /// 512-bit vector's 16 (no 512-bit one-sample kernel for it).
    /// </summary>
    private static string Narrow(string element) => $$"""
        using LeNetGen;
        namespace Tests;

        [Network(Input = "2x5x5", Element = ElementType.{{element}})]
        [Conv(3, Kernel = 3, Activation = Act.Tanh)]
        [Dense(4, Activation = Act.Relu)]
        [SoftmaxOutput(3)]
        public partial class Narrow { }
        """;

    private static string Source(string network) => network switch
    {
        "classic" => Classic,
        "narrow float" => Narrow("Float"),
        _ => Narrow("Double"),
    };

    private static GeneratorHarness.Result Run(string? widths, string network = "classic") => widths is null
        ? GeneratorHarness.Run(Source(network))
        : GeneratorHarness.RunWithBuildProperties(Source(network), new Dictionary<string, string> { ["LeNetGenVectorWidths"] = widths });

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
    [InlineData("256,128", new[] { 256, 128 }, "classic")]
    [InlineData("512", new[] { 512 }, "classic")]
    [InlineData("128, 512", new[] { 512, 128 }, "classic")]
    [InlineData(" 256 ", new[] { 256 }, "classic")]
    [InlineData("512,512,256", new[] { 512, 256 }, "classic")]
    [InlineData("128", new[] { 128 }, "narrow float")]
    [InlineData("512 128", new[] { 512, 128 }, "narrow float")]
    [InlineData("256", new[] { 256 }, "narrow double")]
    [InlineData("512,256,128", new[] { 512, 256, 128 }, "narrow double")]
    public void OnlyTheListedWidthsAreWrittenWidestFirstAndTheCodeCompiles(string widths, int[] expected, string network)
    {
        GeneratorHarness.Result result = Run(widths, network);
        Assert.Null(result.GeneratorException);
        Assert.Empty(result.Diagnostics);
        Assert.Empty(result.CompilationDiagnostics);
        string tiles = File(result, ".Tiles.g.cs"), sample = File(result, ".Sample.g.cs");
        Assert.Equal(expected, DeclaredWidths(tiles));
        // The one-sample kernels: the listed widths among those the default writes for some layer (a width no layer of
        // the network fits, none of whose vectors fit in its inputs or rows, gets no one-sample kernel).
        Assert.Equal(expected.Where(b => network == "classic" || SampleWidthsOfNarrow(network).Contains(b)), DeclaredWidths(sample));
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
        string scalar = network == "classic" ? "LeNet5.g.cs" : "Narrow.g.cs";
        Assert.Equal(File(Run(null, network), scalar), File(result, scalar));
    }

    /// <summary>The widths the narrow network's one-sample kernels get when all are asked for (the default).</summary>
    private static int[] SampleWidthsOfNarrow(string network) => DeclaredWidths(File(Run(null, network), ".Sample.g.cs"));

    [Fact]
    public void ThePackagesCopyWithCommasIsReadBeforeThePropertyItself()
    {
        // LeNetGen.targets hands the generator _LeNetGenVectorWidths; a project referencing the generator directly may
        // make LeNetGenVectorWidths visible itself. An empty copy (the property left out) leaves the plain one.
        var both = GeneratorHarness.RunWithBuildProperties(Classic, new Dictionary<string, string> { ["_LeNetGenVectorWidths"] = "256,128", ["LeNetGenVectorWidths"] = "256" });
        Assert.Equal(new[] { 256, 128 }, DeclaredWidths(File(both, ".Tiles.g.cs")));
        var emptyCopy = GeneratorHarness.RunWithBuildProperties(Classic, new Dictionary<string, string> { ["_LeNetGenVectorWidths"] = "", ["LeNetGenVectorWidths"] = "512" });
        Assert.Equal(new[] { 512 }, DeclaredWidths(File(emptyCopy, ".Tiles.g.cs")));
        Assert.Empty(both.Diagnostics);
        Assert.Empty(emptyCopy.Diagnostics);
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
