using System.Globalization;
using System.Linq;
using LeNetGen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace LeNetGen.Generator.Tests.Diagnostics;

/// <summary>LNG01xx: shapes and sizes, one test per ID and front end, each asserting the exact location.</summary>
public sealed class ShapeDiagnosticsTests
{
    private const string Usings = "using LeNetGen;\nnamespace Tests;\n";

    [Fact]
    public void LNG0101_KernelLargerThanInput_Attribute()
    {
        var result = DiagnosticAssert.Exactly(Usings + """
            [Network(Input = "1x28x28")]
            [Conv(6, Kernel = 5)]
            [Pool(PoolKind.Subsample, 2)]
            [Conv(16, Kernel = 5)]
            [Pool(PoolKind.Subsample, 2)]
            [Conv(120, Kernel = {|LNG0101:5|})]
            [SoftmaxOutput(10)]
            public partial class Net { }
            """);
        Assert.Equal(
            "Layer 5 (conv 120@5x5): kernel 5x5 does not fit its input 16x4x4 (input 1x28x28 -> C1 6x24x24 -> S2 6x12x12 -> C3 16x8x8 -> S4 16x4x4); a kernel of at most 4x4 fits",
            DiagnosticAssert.Message(result, "LNG0101"));
    }

    [Fact]
    public void LNG0101_KernelLargerThanInput_Json() => DiagnosticAssert.Exactly("", ("Big.lenet.json", """
        { "class": "Big", "input": "1x4x4", "layers": [
            { "kind": "conv", "maps": 2, "kernel": {|LNG0101:[5, 3]|} },
            { "kind": "softmax", "classes": 10 } ] }
        """));

    [Fact]
    public void LNG0101_KernelFitsOnlyWithPadding()
    {
        // A 5x5 kernel fits a 3x3 input padded by 1 to 5x5; padded by 0 it does not.
        var fits = GeneratorHarness.Run(Usings + """
            [Network(Input = "1x3x3")]
            [Conv(2, Kernel = 5, Padding = 1)]
            [SoftmaxOutput(10)]
            public partial class Net { }
            """);
        Assert.Empty(fits.Diagnostics);
    }

    [Fact]
    public void LNG0102_PoolWindowLargerThanInput_Attribute()
    {
        var result = DiagnosticAssert.Exactly(Usings + """
            [Network(Input = "1x8x8")]
            [Conv(2, Kernel = 5)]
            [Pool(PoolKind.Max, {|LNG0102:5|})]
            [SoftmaxOutput(10)]
            public partial class Net { }
            """);
        Assert.Equal("Layer 2 (max pool 5x5): window 5x5 does not fit input 2x4x4 (input 1x8x8 -> C1 2x4x4); a window of at most 4 fits",
            DiagnosticAssert.Message(result, "LNG0102"));
    }

    [Fact]
    public void LNG0102_PoolWindowLargerThanInput_Json() => DiagnosticAssert.Exactly("", ("Tile.lenet.json", """
        { "class": "Tile", "input": "1x2x9", "layers": [
            { "kind": "pool", "pooling": "max", "window": {|LNG0102:3|} },
            { "kind": "softmax", "classes": 10 } ] }
        """));

    [Fact]
    public void PoolingFollowsPyTorchsFloorRule_WithLNG0111AtTheStride()
    {
        // PyTorch: MaxPool2d(3, stride=2) on 4x30x26 gives 4x14x12, leaving the last row and column unread.
        var result = DiagnosticAssert.Exactly(Usings + """
            [Network(Input = "4x30x26")]
            [Pool(PoolKind.Max, 3, Stride = {|LNG0111:2|})]
            [SoftmaxOutput(10)]
            public partial class Net { }
            """);
        Assert.Equal("Layer 1 (max pool 3x3): with window 3x3 and stride 2, the windows stop short of the last 1 row and 1 column of input 4x30x26; a stride that divides 30x26 minus the window (27x23) reads every value",
            DiagnosticAssert.Message(result, "LNG0111"));
        Assert.Equal(3, result.Sources.Count);
        Assert.Empty(result.CompilationDiagnostics);
        Assert.Contains(result.Sources, source => source.SourceText.ToString().Contains("4@30x26 -> 4@14x12"));
    }

    [Fact]
    public void PoolingFloorRule_WithoutStride_WarnsAtTheWindow_Json() => DiagnosticAssert.Exactly("", ("Floor.lenet.json", """
        { "class": "Floor", "input": "1x9x9", "layers": [
            { "kind": "pool", "pooling": "average", "window": {|LNG0111:2|} },
            { "kind": "softmax", "classes": 10 } ] }
        """));

    [Fact]
    public void PoolingFloorRule_AppliesToTrainableSubsampling()
    {
        var result = DiagnosticAssert.Exactly(Usings + """
            [Network(Input = "1x31x31")]
            [Conv(6, Kernel = 3)]
            [Pool(PoolKind.Subsample, {|LNG0111:2|})]
            [SoftmaxOutput(10)]
            public partial class Net { }
            """);
        Assert.Contains("the last 1 row and 1 column of input 6x29x29", DiagnosticAssert.Message(result, "LNG0111"));
        Assert.Empty(result.CompilationDiagnostics);
    }

    [Fact]
    public void LNG0103_ConnectionTableRows_Attribute()
    {
        var result = DiagnosticAssert.Exactly(Usings + """
            [Network(Input = "3x8x8")]
            [Conv(2, Kernel = 3, Connections = {|LNG0103:"XX/X."|})]
            [SoftmaxOutput(10)]
            public partial class Net { }
            """);
        Assert.Contains("has 2 rows but the layer receives 3 input maps", DiagnosticAssert.Message(result, "LNG0103"));
    }

    [Fact]
    public void LNG0103_ConnectionTableRows_Json() => DiagnosticAssert.Exactly("", ("Rows.lenet.json", """
        { "class": "Rows", "input": "3x8x8", "layers": [
            { "kind": "conv", "maps": 2, "kernel": 3, "connections": {|LNG0103:["XX", "X."]|} },
            { "kind": "softmax", "classes": 10 } ] }
        """));

    [Fact]
    public void LNG0104_ConnectionTableColumns_Attribute() => DiagnosticAssert.Exactly(Usings + """
        [Network(Input = "2x8x8")]
        [Conv(3, Kernel = 3, Connections = "XXX/{|LNG0104:XX|}")]
        [SoftmaxOutput(10)]
        public partial class Net { }
        """);

    [Fact]
    public void LNG0104_ConnectionTableColumns_Json() => DiagnosticAssert.Exactly("", ("Cols.lenet.json", """
        { "class": "Cols", "input": "2x8x8", "layers": [
            { "kind": "conv", "maps": 3, "kernel": 3, "connections": ["XXX", {|LNG0104:"XX.X"|}] },
            { "kind": "softmax", "classes": 10 } ] }
        """));

    [Fact]
    public void LNG0105_ConnectionTableCharacter_Attribute()
    {
        var result = DiagnosticAssert.Exactly(Usings + """
            [Network(Input = "2x8x8")]
            [Conv(3, Kernel = 3, Connections = "XX./.X{|LNG0105:O|}")]
            [SoftmaxOutput(10)]
            public partial class Net { }
            """);
        Assert.Contains("row 1, column 2 of the connection table is 'O'", DiagnosticAssert.Message(result, "LNG0105"));
    }

    [Fact]
    public void LNG0105_ConnectionTableCharacter_RawStringTable() => DiagnosticAssert.Exactly(Usings + "[Network(Input = \"2x8x8\")]\n" +
        "[Conv(3, Kernel = 3, Connections = \"\"\"\n" +
        "    XX.\n" +
        "    .X{|LNG0105:#|}\n" +
        "    \"\"\")]\n" +
        "[SoftmaxOutput(10)]\npublic partial class Net { }\n");

    [Fact]
    public void LNG0105_ConnectionTableCharacter_Json() => DiagnosticAssert.Exactly("", ("Char.lenet.json", """
        { "class": "Char", "input": "2x8x8", "layers": [
            { "kind": "conv", "maps": 3, "kernel": 3, "connections": ["XX.", "X{|LNG0105:-|}X"] },
            { "kind": "softmax", "classes": 10 } ] }
        """));

    [Fact]
    public void LNG0106_OutputMapWithoutInput_Attribute()
    {
        var result = DiagnosticAssert.Exactly(Usings + """
            [Network(Input = "2x8x8")]
            [Conv(3, Kernel = 3, Connections = {|LNG0106:"X.X/X.X"|})]
            [SoftmaxOutput(10)]
            public partial class Net { }
            """);
        Assert.Contains("output map 1 has no 'X'", DiagnosticAssert.Message(result, "LNG0106"));
    }

    [Fact]
    public void LNG0106_OutputMapWithoutInput_Json() => DiagnosticAssert.Exactly("", ("Orphan.lenet.json", """
        { "class": "Orphan", "input": "2x8x8", "layers": [
            { "kind": "conv", "maps": 3, "kernel": 3, "connections": {|LNG0106:["XX.", "X.."]|} },
            { "kind": "softmax", "classes": 10 } ] }
        """));

    [Fact]
    public void LNG0107_RbfWidthMismatch_Attribute()
    {
        var result = DiagnosticAssert.Exactly(Usings + """
            [Network(Input = "1x8x8")]
            [Dense(80, Activation = Act.Tanh)]
            [RbfOutput(10, Prototypes = {|LNG0107:RbfPrototypes.LeNet5Digits|})]
            public partial class Net { }
            """);
        Assert.Contains("receives 80 values", DiagnosticAssert.Message(result, "LNG0107"));
    }

    [Fact]
    public void LNG0107_RbfWidthMismatch_DefaultPrototypes() => DiagnosticAssert.Exactly(Usings + """
        [Network(Input = "1x8x8")]
        [Dense(80)]
        [{|LNG0107:RbfOutput(10)|}]
        public partial class Net { }
        """);

    [Fact]
    public void LNG0107_RbfWidthMismatch_Json() => DiagnosticAssert.Exactly("", ("Width.lenet.json", """
        { "class": "Width", "input": "1x8x8", "layers": [
            { "kind": "dense", "units": 83 },
            { "kind": "rbf", "classes": 10, "prototypes": {|LNG0107:"leNet5Digits"|} } ] }
        """));

    [Fact]
    public void LNG0108_RbfClassCountMismatch_Attribute() => DiagnosticAssert.Exactly(Usings + """
        [Network(Input = "1x8x8")]
        [Dense(84)]
        [RbfOutput({|LNG0108:12|})]
        public partial class Net { }
        """);

    [Fact]
    public void LNG0108_RbfClassCountMismatch_Json() => DiagnosticAssert.Exactly("", ("Classes.lenet.json", """
        { "class": "Classes", "input": "1x8x8", "layers": [
            { "kind": "dense", "units": 84 },
            { "kind": "rbf", "classes": {|LNG0108:9|} } ] }
        """));

    [Fact]
    public void LNG0109_NonPositiveSize_Attribute() => DiagnosticAssert.Exactly(Usings + """
        [Network(Input = "1x8x8")]
        [Conv({|LNG0109:0|}, Kernel = 3)]
        [Pool(PoolKind.Max, 2, Stride = {|LNG0109:-1|})]
        [Dense({|LNG0109:-5|})]
        [SoftmaxOutput(10)]
        public partial class Net { }
        """);

    [Fact]
    public void LNG0109_NonPositiveSize_Json() => DiagnosticAssert.Exactly("", ("Zero.lenet.json", """
        { "class": "Zero", "input": "1x8x8", "layers": [
            { "kind": "conv", "maps": 2, "kernel": 3, "padding": {|LNG0109:-1|} },
            { "kind": "softmax", "classes": {|LNG0109:0|} } ] }
        """));

    [Fact]
    public void LNG0110_SizeTooLarge_Attribute() => DiagnosticAssert.Exactly(Usings + """
        [Network(Input = "1x8x8")]
        [Dense({|LNG0110:100000|})]
        [SoftmaxOutput(10)]
        public partial class Net { }
        """);

    [Fact]
    public void LNG0110_EveryMessageWritesItsValueAndLimitAlike()
    {
        // Checker and JSON front end wrote "100000 ... limit of 65536", "3600060000", "network 'Huge'" and JSON's own
        // "99999999999", where LNG0302, LNG0303 and the summary group digits ("65,536"); now all of them do.
        var attribute = DiagnosticAssert.Exactly(Usings + """
            [Network(Input = "1x240x250")]
            [{|LNG0110:Dense(60000)|}]
            [Dense({|LNG0110:100000|})]
            [SoftmaxOutput(10)]
            public partial class Net { }
            """);
        Assert.Equal(new[]
        {
            "Layer 1 (dense 60000): the parameter count so far is 3,600,060,000, beyond LeNetGen's limit of 67,108,864; LeNetGen generates code for small networks",
            "Layer 2 (dense 100000): the number of units is 100,000, beyond LeNetGen's limit of 65,536; LeNetGen generates code for small networks",
        }, attribute.Diagnostics.Select(d => d.GetMessage(CultureInfo.InvariantCulture)));

        var json = DiagnosticAssert.Exactly("", ("Huge.lenet.json", """
            { "class": "Huge", "input": {|LNG0110:"1x100000x8"|}, "layers": [
                { "kind": "dense", "units": {|LNG0110:99999999999|} },
                { "kind": "softmax", "classes": 10 } ] }
            """));
        Assert.Equal(new[]
        {
            "Network 'Huge': input height is 100,000, beyond LeNetGen's limit of 65,536; LeNetGen generates code for small networks",
            "Layer 1 (dense): 'units' is 99,999,999,999, beyond LeNetGen's limit of 65,536; LeNetGen generates code for small networks",
        }, json.Diagnostics.Select(d => d.GetMessage(CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void LNG0110_SizeTooLarge_ParameterCount()
    {
        // Each size is within limits, but 60,000 x 60,000 weights are not.
        var result = DiagnosticAssert.Exactly(Usings + """
            [Network(Input = "1x240x250")]
            [{|LNG0110:Dense(60000)|}]
            [SoftmaxOutput(10)]
            public partial class Net { }
            """);
        Assert.Contains("parameter count", DiagnosticAssert.Message(result, "LNG0110"));
    }

    [Fact]
    public void LNG0110_SizeTooLarge_Json() => DiagnosticAssert.Exactly("", ("Huge.lenet.json", """
        { "class": "Huge", "input": {|LNG0110:"1x100000x8"|}, "layers": [ { "kind": "softmax", "classes": 10 } ] }
        """));

    [Fact]
    public void LNG0111_ConvStrideLeavesRemainder_IsAWarningAndCodeIsGenerated()
    {
        var result = DiagnosticAssert.Exactly(Usings + """
            [Network(Input = "1x8x8")]
            [Conv(2, Kernel = 3, Stride = {|LNG0111:2|})]
            [SoftmaxOutput(10)]
            public partial class Net { }
            """);
        Assert.Equal(3, result.Sources.Count); // the scalar, tile and one-sample kernels
        Assert.Empty(result.CompilationDiagnostics);
    }

    [Fact]
    public void LNG0111_NotReportedWhenOnlyPaddingIsLeftUnread()
    {
        // The standard downsampling convolution, 3x3 stride 2 padding 1 on even sizes: 28 padded to 30 leaves one
        // padded row and column after the last window, but that is padding; every real input value is read.
        var result = DiagnosticAssert.Exactly(Usings + """
            [Network(Input = "1x28x28")]
            [Conv(8, Kernel = 3, Stride = 2, Padding = 1, Activation = Act.Relu)]
            [Conv(16, Kernel = 3, Stride = 2, Padding = 1, Activation = Act.Relu)]
            [SoftmaxOutput(10)]
            public partial class Net { }
            """);
        Assert.Equal(3, result.Sources.Count);
        Assert.Empty(result.CompilationDiagnostics);
    }

    [Fact]
    public void LNG0111_CountsOnlyRealInputBeyondThePadding()
    {
        // 8 padded by 1 to 10, kernel 3 stride 4: windows at 0 and 4 read up to padded row 6; rows 7..9 are left,
        // the last of them padding, so 2 rows and 2 columns of real input are unread.
        var result = DiagnosticAssert.Exactly(Usings + """
            [Network(Input = "1x8x8")]
            [Conv(2, Kernel = 3, Stride = {|LNG0111:4|}, Padding = 1)]
            [SoftmaxOutput(10)]
            public partial class Net { }
            """);
        Assert.Contains("stop short of the last 2 rows and 2 columns of input 1x8x8", DiagnosticAssert.Message(result, "LNG0111"));
    }

    [Fact]
    public void LNG0112_ConnectionTableOnInput() => DiagnosticAssert.Exactly(Usings + """
        [Network(Input = "1x8x8")]
        [Dense(4)]
        [Conv(2, Kernel = 1, Connections = {|LNG0112:"XX/XX/XX/XX"|})]
        [SoftmaxOutput(10)]
        public partial class Net { }
        """);

    [Fact]
    public void LNG0113_InvalidInputShapeValue_Attribute() => DiagnosticAssert.Exactly(Usings + """
        [Network(Input = {|LNG0113:"1x0x32"|})]
        [SoftmaxOutput(10)]
        public partial class Net { }
        """);

    [Fact]
    public void LNG0113_InvalidInputShapeValue_Json() => DiagnosticAssert.Exactly("", ("Neg.lenet.json", """
        { "class": "Neg", "input": {|LNG0113:"-1x8x8"|}, "layers": [ { "kind": "softmax", "classes": 10 } ] }
        """));

    [Fact]
    public void EveryProblemOfASpecIsReportedInOneBuild() => DiagnosticAssert.Exactly(Usings + """
        [Network(Input = "1x8x8")]
        [Conv({|LNG0109:0|}, Kernel = 3)]
        [Conv(4, Kernel = 3, Connections = "X{|LNG0105:?|}.X")]
        [Pool(PoolKind.Max, {|LNG0109:0|})]
        [Dense(84)]
        [RbfOutput({|LNG0108:11|})]
        [{|LNG0005:Dense(3)|}]
        public partial class Net { }
        """);

    [Fact]
    public void LNG0301_UnrollTooLarge_IsAWarningAndCodeIsGenerated()
    {
        var result = DiagnosticAssert.Exactly(Usings + """
            [Network(Input = "1x12x12")]
            [Conv(2, Kernel = 5, Unroll = {|LNG0301:Unroll.Full|})]
            [SoftmaxOutput(10)]
            public partial class Net { }
            """);
        Assert.Equal(3, result.Sources.Count); // the scalar, tile and one-sample kernels
        Assert.Contains("C1Forward", DiagnosticAssert.Message(result, "LNG0301"));
    }

    [Fact]
    public void LNG0301_UnrollTooLarge_Json() => DiagnosticAssert.Exactly("", ("Unroll.lenet.json", """
        { "class": "Unroll", "input": "1x32x32", "layers": [
            { "kind": "dense", "units": 3, "unroll": {|LNG0301:"maps"|} },
            { "kind": "softmax", "classes": 10 } ] }
        """));

    [Fact]
    public void AValueTheJsonFrontEndRejectedIsNotReportedAgainByTheChecker() => DiagnosticAssert.Exactly("", ("Typed.lenet.json", """
        { "class": "Typed", "input": "1x8x8", "layers": [
            { "kind": "conv", "maps": {|LNG0203:"6"|}, "kernel": 3 },
            { "kind": "dense", "units": {|LNG0110:99999999999|} },
            {|LNG0205:{|} "kind": "dense" },
            { "kind": "softmax", "classes": 10 } ] }
        """));

    [Fact]
    public void LNG0111_ConvStrideLeavesRemainder_Json() => DiagnosticAssert.Exactly("", ("Stride.lenet.json", """
        { "class": "Stride", "input": "1x8x8", "layers": [
            { "kind": "conv", "maps": 2, "kernel": 3, "stride": {|LNG0111:2|} },
            { "kind": "softmax", "classes": 10 } ] }
        """));

    [Fact]
    public void LNG0112_ConnectionTableOnInput_Json() => DiagnosticAssert.Exactly("", ("Flat.lenet.json", """
        { "class": "Flat", "input": "1x8x8", "layers": [
            { "kind": "dense", "units": 2 },
            { "kind": "conv", "maps": 2, "kernel": 1, "connections": {|LNG0112:["XX", "XX"]|} },
            { "kind": "softmax", "classes": 10 } ] }
        """));

    [Fact]
    public void LNG0112_ConnectionTableOnInput_TheTableIsStillChecked()
    {
        // A ragged table after a dense layer: that it cannot apply to a flat input does not hide that it is ragged (the
        // JSON Schema rejects ragged tables, and the build says so too). Markers cannot nest, so the two are located here.
        const string json = """
            { "class": "Flat", "input": "1x8x8", "layers": [
                { "kind": "dense", "units": 2 },
                { "kind": "conv", "maps": 2, "kernel": 1, "connections": ["XX", "X"] },
                { "kind": "softmax", "classes": 10 } ] }
            """;
        GeneratorHarness.Result result = GeneratorHarness.Run("", ("Flat.lenet.json", json));
        Assert.Equal(new[] { "LNG0112 (3,62)", "LNG0104 (3,69)" },
            result.Diagnostics.Select(d => $"{d.Id} ({d.Location.GetLineSpan().StartLinePosition.Line + 1},{d.Location.GetLineSpan().StartLinePosition.Character + 1})"));
        Assert.Equal("Layer 2 (conv 2@1x1): row 1 of the connection table has 1 columns but the layer has 2 output maps; write one character per output map",
            DiagnosticAssert.Message(result, "LNG0104"));
    }

    [Fact]
    public void LNG0110_SizeTooLarge_NumberOfLayers()
    {
        // 65 layers, one more than LeNetGen's limit (the JSON Schema checks the head's position layer by layer).
        string layers = string.Concat(Enumerable.Repeat("[Dense(4)]\n", 64));
        var result = DiagnosticAssert.Exactly(Usings + "[Network(Input = \"1x8x8\")]\n" + layers + "[SoftmaxOutput(10)]\npublic partial class {|LNG0110:Net|} { }\n");
        Assert.Equal("Network 'Net': the number of layers is 65, beyond LeNetGen's limit of 64; LeNetGen generates code for small networks",
            DiagnosticAssert.Message(result, "LNG0110"));
    }

    [Fact]
    public void SixtyFourLayersAreAccepted() => DiagnosticAssert.Exactly(Usings + "[Network(Input = \"1x8x8\")]\n"
        + string.Concat(Enumerable.Repeat("[Dense(4)]\n", 63)) + "[SoftmaxOutput(10)]\npublic partial class Net { }\n");

    [Fact]
    public void LNG0110_SizeTooLarge_ConnectionTableColumns()
    {
        string row = new('X', 5000);
        var result = DiagnosticAssert.Exactly(Usings + "[Network(Input = \"1x8x8\")]\n" +
            "[Conv(5000, Kernel = 1, Connections = {|LNG0110:\"" + row + "\"|})]\n" +
            "[SoftmaxOutput(10)]\npublic partial class Net { }\n");
        Assert.Contains("the number of connection table columns is 5,000, beyond LeNetGen's limit of 4,096", DiagnosticAssert.Message(result, "LNG0110"));
    }

    [Fact]
    public void WarningsAreLocatedInTheSourceTreeSoPragmasApply()
    {
        var result = GeneratorHarness.Run(Usings + """
            [Network(Input = "1x8x8")]
            #pragma warning disable LNG0111 // the last row is left out on purpose
            [Conv(2, Kernel = 3, Stride = 2)]
            #pragma warning restore LNG0111
            [SoftmaxOutput(10)]
            public partial class Net { }
            """);
        // The driver hands the warning over located in the source's syntax tree, which is what lets the compiler apply
        // the pragma (a location outside any tree ignores it; dotnet/roslyn#68291). The end-to-end build test checks
        // that the build then really drops it.
        Diagnostic warning = Assert.Single(result.Diagnostics);
        Assert.Equal("LNG0111", warning.Id);
        Assert.True(warning.Location.IsInSource);
        Assert.Same(result.Output.SyntaxTrees.First(), warning.Location.SourceTree);
    }

    [Fact]
    public void JsonLayersKeepTheirPositionsWhenAnUnreadableLayerBeforeThemIsDropped()
    {
        var result = DiagnosticAssert.Exactly("", ("Dropped.lenet.json", """
            { "class": "Dropped", "input": "1x8x8", "layers": [
                { "kind": {|LNG0204:"convolution"|}, "maps": 2 },
                { "kind": "dense", "units": {|LNG0109:0|} },
                { "kind": "softmax", "classes": 10 } ] }
            """));
        Assert.StartsWith("Layer 2 (dense 0)", DiagnosticAssert.Message(result, "LNG0109"));
    }
}
