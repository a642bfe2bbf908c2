using System.Linq;
using LeNetGen.Generator.Tests.Infrastructure;
using Xunit;

namespace LeNetGen.Generator.Tests.Diagnostics;

/// <summary>
/// Pooling in PyTorch's ceil mode: the shapes it gives (against sizes worked out by hand from PyTorch's formula), the
/// warning it leaves out or keeps (LNG0111 only for real input still unread), and LNG0114 on trainable subsampling,
/// each at its exact location, from attributes and JSON.
/// </summary>
public sealed class CeilModeTests
{
    private const string Usings = "using LeNetGen;\nnamespace Tests;\n";

    /// <summary>The generated S1 shape for max pooling in ceil mode on 1xHxW (H = W = input).</summary>
    [Theory]
    [InlineData(5, 2, 0, 3)]   // windows at 0, 2, 4; the last clipped to 1
    [InlineData(6, 3, 2, 3)]   // floor 2; windows at 0, 2, 4, the last clipped to 2
    [InlineData(30, 3, 2, 15)] // floor 14
    [InlineData(8, 2, 0, 4)]   // windows that tile: as the floor rule
    [InlineData(7, 3, 1, 5)]   // stride 1 always tiles: as the floor rule
    [InlineData(4, 2, 3, 2)]   // floor 1; a second window at 3, clipped to 1
    public void CeilModeGivesPyTorchsShape(int input, int window, int stride, int expected)
    {
        string strideArgument = stride == 0 ? "" : $", Stride = {stride}";
        var result = DiagnosticAssert.Exactly(Usings + $$"""
            [Network(Input = "1x{{input}}x{{input}}")]
            [Pool(PoolKind.Max, {{window}}{{strideArgument}}, CeilMode = true)]
            [SoftmaxOutput(10)]
            public partial class Net { }
            """);
        Assert.Empty(result.CompilationDiagnostics);
        string scalar = result.Sources.Single(s => s.HintName == "Tests.Net.g.cs").SourceText.ToString();
        Assert.Contains($"public const int S1Maps = 1, S1Height = {expected}, S1Width = {expected}, S1Size = {expected * expected};", scalar);
    }

    [Fact]
    public void CeilModeReadsWhatTheFloorRuleLeaves_SoLNG0111IsNotReported()
    {
        // The network written for PyTorch with MaxPool2d(3, 2, ceil_mode=True): 4x30x26 -> 4x15x13, every value read.
        var result = DiagnosticAssert.Exactly(Usings + """
            [Network(Input = "4x30x26")]
            [Pool(PoolKind.Max, 3, Stride = 2, CeilMode = true)]
            [Pool(PoolKind.Average, 2, CeilMode = true)]
            [SoftmaxOutput(10)]
            public partial class Net { }
            """);
        Assert.Empty(result.CompilationDiagnostics);
        string scalar = result.Sources.Single(s => s.HintName == "Tests.Net.g.cs").SourceText.ToString();
        Assert.Contains("max pool 3x3, ceil mode", scalar);
        Assert.Contains("4@30x26 -> 4@15x13, window 3x3, stride 2, ceil mode (last windows clipped to the input)", scalar);
        Assert.Contains("S2Height = 8, S2Width = 7", scalar); // 15x13 by 2x2 windows, the last row and column clipped
    }

    [Fact]
    public void CeilMode_LNG0111_WhenAStrideLongerThanTheWindowLeavesRealInput()
    {
        // Window 2 stride 3 on 9x8: rows: ceil gives 4 windows, but the 4th would start at 9, the end, so 3 (at 0, 3,
        // 6), which read up to row 7: row 8 is unread. Columns: (8 - 2) / 3 = 2 exactly, windows at 0, 3, 6 read all.
        var result = DiagnosticAssert.Exactly(Usings + """
            [Network(Input = "1x9x8")]
            [Pool(PoolKind.Max, 2, Stride = {|LNG0111:3|}, CeilMode = true)]
            [SoftmaxOutput(10)]
            public partial class Net { }
            """);
        Assert.Equal("Layer 1 (max pool 2x2, ceil mode): with window 2x2 and stride 3, the windows stop short of the last 1 row of input 1x9x8; a stride that divides 9x8 minus the window (7x6) reads every value",
            DiagnosticAssert.Message(result, "LNG0111"));
        Assert.Contains("S1Height = 3, S1Width = 3", result.Sources.Single(s => s.HintName == "Tests.Net.g.cs").SourceText.ToString());
    }

    [Fact]
    public void LNG0114_CeilModeOnSubsampling_Attribute()
    {
        var result = DiagnosticAssert.Exactly(Usings + """
            [Network(Input = "1x9x9")]
            [Pool(PoolKind.Subsample, 2, CeilMode = {|LNG0114:true|})]
            [Conv(2, Kernel = {|LNG0101:6|})]
            [SoftmaxOutput(10)]
            public partial class Net { }
            """);
        Assert.Equal("Layer 1 (subsample 2x2, ceil mode): ceil mode clips the last windows to the input, but trainable subsampling multiplies every window's sum by one coefficient per map, so a clipped window's output would sum fewer inputs on the same scale; use average or max pooling in ceil mode, or leave CeilMode out (the floor rule)",
            DiagnosticAssert.Message(result, "LNG0114"));
        // The layer's shape is still known (1x5x5 in ceil mode), so the kernel after it is still checked against it.
        Assert.Contains("does not fit its input 1x5x5 (input 1x9x9 -> S1 1x5x5)", DiagnosticAssert.Message(result, "LNG0101"));
    }

    [Fact]
    public void LNG0114_CeilModeOnSubsampling_Json() => DiagnosticAssert.Exactly("", ("Sub.lenet.json", """
        { "class": "Sub", "input": "1x9x9", "layers": [
            { "kind": "pool", "pooling": "Subsample", "window": 2, "ceilMode": {|LNG0114:true|} },
            { "kind": "softmax", "classes": 10 } ] }
        """));

    [Fact]
    public void CeilMode_Json_GivesTheAttributesShape()
    {
        var result = DiagnosticAssert.Exactly("", ("Ceil.lenet.json", """
            { "class": "Ceil", "input": "1x5x7", "layers": [
                { "kind": "pool", "pooling": "average", "window": 2, "ceilMode": true },
                { "kind": "softmax", "classes": 10 } ] }
            """));
        Assert.Empty(result.CompilationDiagnostics);
        Assert.Contains("S1Height = 3, S1Width = 4", result.Sources.Single(s => s.HintName == "Ceil.g.cs").SourceText.ToString());
    }

    [Fact]
    public void CeilModeFalseIsTheFloorRule()
    {
        var result = DiagnosticAssert.Exactly(Usings + """
            [Network(Input = "1x5x5")]
            [Pool(PoolKind.Max, 2, CeilMode = false, Stride = {|LNG0111:2|})]
            [SoftmaxOutput(10)]
            public partial class Net { }
            """);
        Assert.Contains("S1Height = 2, S1Width = 2", result.Sources.Single(s => s.HintName == "Tests.Net.g.cs").SourceText.ToString());
    }

    /// <summary>LNG0114's examples on generator/docs/diagnostics.md are what the generator says for the page's specs.</summary>
    [Fact]
    public void LNG0114_TheCatalogPageShowsWhatTheGeneratorSays()
    {
        static string Line(string file, GeneratorHarness.Result result)
        {
            var diagnostic = Assert.Single(result.Diagnostics);
            var at = diagnostic.Location.GetLineSpan().StartLinePosition;
            return $"{file}({at.Line + 1},{at.Character + 1}): error {diagnostic.Id}: {diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}";
        }
        // The page's spec from its first line; the using comes in a file of its own, so lines and columns are the page's.
        string attributes = Line("Digits.cs", GeneratorHarness.Run(new[] { """
            [Network(Input = "1x9x9")]
            [Pool(PoolKind.Subsample, 2, CeilMode = true)]
            [SoftmaxOutput(10)]
            public partial class Digits { }
            """, "global using LeNetGen;" }));
        string json = Line("Digits.lenet.json", GeneratorHarness.Run("", ("Digits.lenet.json", """
            {
              "class": "Digits",
              "input": "1x9x9",
              "layers": [
                { "kind": "pool", "pooling": "subsample", "window": 2, "ceilMode": true },
                { "kind": "softmax", "classes": 10 }
              ]
            }
            """)));
        string page = System.IO.File.ReadAllText(System.IO.Path.Combine(RepositoryPaths.Root, "generator", "docs", "diagnostics.md"));
        Assert.Contains(attributes, page);
        Assert.Contains(json, page);
    }
}
