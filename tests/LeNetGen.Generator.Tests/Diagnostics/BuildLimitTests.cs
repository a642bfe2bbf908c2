using System.IO;
using System.Linq;
using System.Text;
using LeNetGen.Generator.Check;
using LeNetGen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace LeNetGen.Generator.Tests.Diagnostics;

/// <summary>
/// Builds stay bounded (issue 9): a layer that would write out more than <see cref="Limits.MaxWrittenOutTapsPerLayer"/>
/// multiply-adds over its forward, backward and curvature methods gets LNG0302 at the argument that asks for it, naming
/// what fits; a network whose generated files would pass <see cref="Limits.MaxGeneratedSource"/> characters gets LNG0303;
/// and the largest spec the limits accept is generated and compiled here.
/// </summary>
public sealed class BuildLimitTests
{
    private const string Usings = "using LeNetGen;\nnamespace Tests;\n";

    [Fact]
    public void LNG0302_WrittenOutTooMuch_DenseUnrolledFull()
    {
        // Issue 9: 60,000 written-out forward multiply-adds made 16.8 MB of C# that took 54 s to compile.
        var result = DiagnosticAssert.Exactly(Usings + """
            [Network(Input = "1x1x1000")]
            [Dense(59, Unroll = {|LNG0302:Unroll.Full|})]
            [SoftmaxOutput(1, Unroll = Unroll.Full)]
            public partial class Net { }
            """);
        Assert.Equal("Layer 1 (dense 59): Unroll = Full writes out 295,000 multiply-adds over the layer's forward, backward and curvature methods, "
            + "beyond LeNetGen's limit of 20,000 per layer, which bounds the build's time and memory; Unroll = Kernel writes out 5,000 and fits, or leave Unroll out (Auto)",
            DiagnosticAssert.Message(result, "LNG0302"));
        Assert.Empty(result.Sources);
    }

    [Fact]
    public void LNG0302_WrittenOutTooMuch_ConvolutionUnrolledFull()
    {
        // Issue 9: 784,000 forward taps, under the old forward-only limit, had csc at 20.9 GB after 11 minutes.
        var result = DiagnosticAssert.Exactly(Usings + """
            [Network(Input = "1x32x32")]
            [Conv(40, Kernel = 5, Activation = Act.Relu, Unroll = {|LNG0302:Unroll.Full|})]
            [Pool(PoolKind.Max, 2)]
            [SoftmaxOutput(10)]
            public partial class Net { }
            """);
        Assert.EndsWith("Unroll = Full writes out 3,920,000 multiply-adds over the layer's forward, backward and curvature methods, beyond LeNetGen's limit "
            + "of 20,000 per layer, which bounds the build's time and memory; Unroll = Maps writes out 5,000 and fits, or leave Unroll out (Auto)",
            DiagnosticAssert.Message(result, "LNG0302"));
    }

    [Fact]
    public void LNG0302_WrittenOutTooMuch_Json() => DiagnosticAssert.Exactly("", ("Full.lenet.json", """
        { "class": "Full", "input": "1x1x1000", "layers": [
            { "kind": "dense", "units": 59, "unroll": {|LNG0302:"full"|} },
            { "kind": "softmax", "classes": 1 } ] }
        """));

    [Fact]
    public void LNG0302_WrittenOutTooMuch_ConnectionTableUnderAuto()
    {
        // A table is always written out map by map: 16 x 120 connections x 25 taps, five times, is 240,000.
        string table = string.Join("/", Enumerable.Repeat(new string('X', 120), 16));
        var result = DiagnosticAssert.Exactly(Usings + "[Network(Input = \"16x5x5\")]\n"
            + "[{|LNG0302:Conv(120, Kernel = 5, Connections = \"" + table + "\")|}]\n"
            + "[SoftmaxOutput(10)]\npublic partial class Net { }\n");
        Assert.EndsWith("its connection table, written out map by map, writes out 240,000 multiply-adds over the layer's forward, backward and curvature "
            + "methods, beyond LeNetGen's limit of 20,000 per layer, which bounds the build's time and memory; a connection table is always written out map by "
            + "map, so with this 5x5 kernel at most 160 connections (the table's X's) fit; use fewer, or no table",
            DiagnosticAssert.Message(result, "LNG0302"));
    }

    [Fact]
    public void LNG0302_WrittenOutTooMuch_OneWindowUnderAuto()
    {
        var result = DiagnosticAssert.Exactly(Usings + """
            [Network(Input = "1x100x100")]
            [{|LNG0302:Conv(2, Kernel = 100)|}]
            [SoftmaxOutput(10)]
            public partial class Net { }
            """);
        Assert.EndsWith("even one window, written out whole (Unroll = Window), writes out 50,000 multiply-adds over the layer's forward, backward and "
            + "curvature methods, beyond LeNetGen's limit of 20,000 per layer, which bounds the build's time and memory; a kernel of at most 4,000 cells fits",
            DiagnosticAssert.Message(result, "LNG0302"));
    }

    /// <summary>
    /// A family of specs that grow in written-out code: <paramref name="blocks"/> times a Dense(4) unrolled in full (at the
    /// per-layer limit, 20,000 multiply-adds over its three passes) and a Dense(1000), then a last dense layer unrolled in
    /// full. Largest(4, 4), about 8.22 million characters of 8,388,608, is the largest member the limits accept (Dense(5)
    /// last would be beyond the per-layer limit); Largest(5, 1), the next larger, is beyond the source limit.
    /// </summary>
    private static string Largest(int blocks, int lastUnits)
    {
        var source = new StringBuilder(Usings).Append(blocks == 4 ? "[Network(Input = \"1x1x1000\")]\n" : "[{|LNG0303:Network(Input = \"1x1x1000\")|}]\n");
        for (int i = 0; i < blocks; i++) source.Append("[Dense(4, Unroll = {|LNG0301:Unroll.Full|})]\n[Dense(1000)]\n");
        // Dense(1) unrolled in full stays within the JIT's limits; Dense(4) does not (LNG0301, a warning).
        source.Append(lastUnits == 1 ? "[Dense(1, Unroll = Unroll.Full)]\n" : $"[Dense({lastUnits}, Unroll = {{|LNG0301:Unroll.Full|}})]\n");
        return source.Append("[SoftmaxOutput(10)]\npublic partial class Net { }\n").ToString();
    }

    [Fact]
    public void LNG0303_GeneratedSourceTooLarge_JustBeyondTheLargestAcceptedSpec()
    {
        var result = DiagnosticAssert.Exactly(Largest(blocks: 5, lastUnits: 1));
        Assert.Equal("Network 'Net': its generated source would be 8,996,533 characters, beyond LeNetGen's limit of 8,388,608, which bounds the build's time "
            + "and memory; no one layer writes half of them: make the network smaller (fewer or narrower layers, a pooling layer before a wide dense layer "
            + "or head) or unroll less (leave Unroll out, or Unroll = Window on its largest layers)", DiagnosticAssert.Message(result, "LNG0303"));
        Assert.Empty(result.Sources);
    }

    [Fact]
    public void LNG0303_GeneratedSourceTooLarge_ManyLayers()
    {
        // Issue 9: 5,000 Dense(4) layers generated 55 MB. Networks now have at most 64 layers (LNG0110), but 64 can still
        // ask for far more than the limit: 31 blocks of the family below, each block at the per-layer limit. The writer
        // stops at the limit, so no more is ever held, and the message says "more than". No layer writes half of it: a
        // property of the whole network, reported at its [Network] attribute (Largest marks it there).
        var result = DiagnosticAssert.Exactly(Largest(blocks: 31, lastUnits: 1));
        string message = DiagnosticAssert.Message(result, "LNG0303");
        Assert.StartsWith("Network 'Net': its generated source would be more than 8,3", message);
        Assert.Contains(" characters, beyond LeNetGen's limit of 8,388,608,", message);
    }

    [Fact]
    public void LNG0303_GeneratedSourceTooLarge_AtTheLayerThatWritesMostOfIt()
    {
        // It was reported at the class name. The softmax head reads 40x28x28 = 31,360 values, which the one-sample
        // kernels write out vector by vector: more than half of the source is that layer's.
        var result = DiagnosticAssert.Exactly(Usings + """
            [Network(Input = "1x32x32")]
            [Conv(40, Kernel = 5, Activation = Act.Relu)]
            [{|LNG0303:SoftmaxOutput(10)|}]
            public partial class Wide { }
            """);
        string message = DiagnosticAssert.Message(result, "LNG0303");
        Assert.Matches(@"^Network 'Wide': its generated source would be (more than )?\d{1,2},\d{3},\d{3} characters, beyond LeNetGen's limit of 8,388,608, "
            + @"which bounds the build's time and memory; layer 2 \(softmax 10\) writes [4-8],\d{3},\d{3} of them: make it smaller \(fewer maps or units, a pooling layer before it if "
            + @"it is a wide dense layer or head\) or unroll it less \(leave Unroll out, or Unroll = Window\)$", message);
        Assert.Empty(result.Sources);
    }

    [Fact]
    public void LNG0303_GeneratedSourceTooLarge_Json() => DiagnosticAssert.Exactly("", ("Wide.lenet.json", """
        { "class": "Wide", "input": "1x32x32", "layers": [
            { "kind": "conv", "maps": 40, "kernel": 5, "activation": "relu" },
            { "kind": {|LNG0303:"softmax"|}, "classes": 10 } ] }
        """));

    [Fact]
    public void LNG0303_GeneratedSourceTooLarge_JsonWholeNetworkAtTheClass()
    {
        // The JSON spelling of the 64-layer family of LNG0303_GeneratedSourceTooLarge_ManyLayers: no layer writes half.
        var json = new StringBuilder("{ \"class\": {|LNG0303:\"Deep\"|}, \"input\": \"1x1x1000\", \"layers\": [\n");
        for (int i = 0; i < 31; i++)
            json.Append("{ \"kind\": \"dense\", \"units\": 4, \"unroll\": {|LNG0301:\"full\"|} },\n{ \"kind\": \"dense\", \"units\": 1000 },\n");
        json.Append("{ \"kind\": \"dense\", \"units\": 1, \"unroll\": \"full\" },\n{ \"kind\": \"softmax\", \"classes\": 10 } ] }\n");
        DiagnosticAssert.Exactly("", ("Deep.lenet.json", json.ToString()));
    }

    [Fact]
    public void TheLargestAcceptedSpecGeneratesAndCompiles()
    {
        var result = DiagnosticAssert.Exactly(Largest(blocks: 4, lastUnits: 4));
        long size = result.Sources.Sum(s => (long)s.SourceText.Length);
        Assert.Equal(3, result.Sources.Count);
        Assert.InRange(size, Limits.MaxGeneratedSource * 95L / 100, Limits.MaxGeneratedSource);
        using var image = new MemoryStream();
        var emitted = result.Output.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(5)));
        Assert.DoesNotContain(emitted.Diagnostics, d => d.Severity >= DiagnosticSeverity.Warning && !d.Id.StartsWith("LNG", System.StringComparison.Ordinal));
    }
}
