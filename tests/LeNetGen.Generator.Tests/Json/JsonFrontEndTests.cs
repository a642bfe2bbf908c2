using System;
using System.Linq;
using System.Text;
using System.Threading;
using LeNetGen.Generator.Parse;
using LeNetGen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace LeNetGen.Generator.Tests.Json;

// Inside the namespace, so the model's enums win over the runtime's namesakes in the enclosing namespace LeNetGen.
using LeNetGen.Generator.Model;

/// <summary>
/// The JSON front end on its own: what it puts in the model (the same as the attribute front end, with the same
/// defaults), where each location points, and that no input makes it throw.
/// </summary>
public sealed class JsonFrontEndTests
{
    private const string Path = "specs/Tiny.lenet.json";

    /// <summary>The format as documented, every property used once.</summary>
    private const string Example = """
        {
          "$schema": "../../generator/docs/lenet.schema.json",
          "namespace": "Samples",
          "class": "TinyNet",
          "input": "1x32x32",
          "element": "float",
          "seed": 42,
          "init": "leCunUniform",
          "layers": [
            { "kind": "conv", "maps": 6, "kernel": 5, "stride": 1, "padding": 0, "activation": "scaledTanh", "unroll": "auto" },
            { "kind": "conv", "maps": 16, "kernel": [5, 5], "connections": "LeNet5C3" },
            { "kind": "conv", "maps": 3, "kernel": 3, "connections": ["XX.", ".XX"] },
            { "kind": "pool", "pooling": "subsample", "window": 2, "stride": 2, "activation": "scaledTanh" },
            { "kind": "dense", "units": 84, "activation": "tanh" },
            { "kind": "softmax", "classes": 10 },
            { "kind": "rbf", "classes": 10, "prototypes": "leNet5Digits", "trainable": false }
          ]
        }
        """;

    private static FrontEndResult Read(string text) => JsonFrontEnd.Read(Path, text, CancellationToken.None);

    private static string At(string text, LocationInfo? location)
    {
        Assert.NotNull(location);
        Assert.Equal(Path, location!.FilePath);
        Assert.Equal(SourceText.From(text).Lines.GetLinePositionSpan(location.Span), location.LineSpan);
        return text.Substring(location.Span.Start, location.Span.Length);
    }

    [Theory]
    [InlineData("Tiny.lenet.json", true)]
    [InlineData("a/b/TINY.LENET.JSON", true)]
    [InlineData(@"C:\specs\x.Lenet.Json", true)]
    [InlineData("tiny.json", false)]
    [InlineData("tiny.lenet.json.bak", false)]
    [InlineData("tinylenet.json", false)]
    public void SpecFilesAreRecognizedByTheirSuffix(string path, bool isSpec) => Assert.Equal(isSpec, JsonFrontEnd.IsSpecFile(path));

    [Fact]
    public void TheDocumentedExampleReadsWithoutDiagnostics()
    {
        FrontEndResult result = Read(Example);
        Assert.Empty(result.Diagnostics);
        NetworkSpec spec = result.Spec!;
        Assert.Equal(SpecOrigin.Json, spec.Origin);
        Assert.Equal("Samples", spec.Namespace);
        Assert.Equal("TinyNet", spec.ClassName);
        Assert.Equal("Samples.TinyNet", spec.FullName);
        Assert.Empty(spec.ContainingTypes);
        Assert.Equal("\"TinyNet\"", At(Example, spec.Location));
        Assert.Equal("1x32x32", spec.Input);
        Assert.Equal("\"1x32x32\"", At(Example, spec.InputLocation));
        Assert.Equal(ElementType.Float, spec.Element);
        Assert.Equal(42UL, spec.Seed);
        Assert.Equal(Init.LeCunUniform, spec.Init);
        Assert.Equal(Path, spec.SourceFile);
        Assert.Equal(
            new[] { LayerKind.Conv, LayerKind.Conv, LayerKind.Conv, LayerKind.Pool, LayerKind.Dense, LayerKind.SoftmaxOutput, LayerKind.RbfOutput },
            spec.Layers.Select(l => l.Kind));
        Assert.Equal(new[] { "\"conv\"", "\"conv\"", "\"conv\"", "\"pool\"", "\"dense\"", "\"softmax\"", "\"rbf\"" }, spec.Layers.Select(l => At(Example, l.Location)));

        LayerSpec c1 = spec.Layers[0];
        Assert.Equal((6, 5, 5, 1, 0, Act.ScaledTanh, Unroll.Auto), (c1.Count, c1.KernelHeight, c1.KernelWidth, c1.Stride, c1.Padding, c1.Activation, c1.Unroll));
        Assert.Equal("\"conv\"", At(Example, c1.Location));
        Assert.Equal("6", At(Example, c1.CountLocation));
        Assert.Equal("5", At(Example, c1.KernelLocation));
        Assert.Equal("1", At(Example, c1.StrideLocation));
        Assert.Equal("0", At(Example, c1.PaddingLocation));
        Assert.Equal("\"scaledTanh\"", At(Example, c1.ActivationLocation));
        Assert.Equal("\"auto\"", At(Example, c1.UnrollLocation));
        Assert.Null(c1.Connections);

        LayerSpec c2 = spec.Layers[1];
        Assert.Equal((16, 5, 5), (c2.Count, c2.KernelHeight, c2.KernelWidth));
        Assert.Equal("[5, 5]", At(Example, c2.KernelLocation));
        ConnectionTableSpec preset = c2.Connections!;
        Assert.Equal("LeNet5C3", preset.PresetName);
        Assert.Equal(new[] { "X...XXX..XXXX.XX", "XX...XXX..XXXX.X", "XXX...XXX..X.XXX", ".XXX..XXXX..X.XX", "..XXX..XXXX.XX.X", "...XXX..XXXX.XXX" }, preset.Rows);
        Assert.Equal("\"LeNet5C3\"", At(Example, preset.Location));
        Assert.All(preset.RowLocations, l => Assert.Equal(preset.Location, l));

        ConnectionTableSpec rows = spec.Layers[2].Connections!;
        Assert.Null(rows.PresetName);
        Assert.Equal(new[] { "XX.", ".XX" }, rows.Rows);
        Assert.Equal("[\"XX.\", \".XX\"]", At(Example, rows.Location));
        Assert.Equal(new[] { "\"XX.\"", "\".XX\"" }, rows.RowLocations.Select(l => At(Example, l)));

        LayerSpec s4 = spec.Layers[3];
        Assert.Equal((PoolKind.Subsample, 2, 2, Act.ScaledTanh), (s4.PoolKind, s4.Window, s4.Stride, s4.Activation));
        Assert.Equal("\"subsample\"", At(Example, s4.PoolKindLocation));
        Assert.Equal("2", At(Example, s4.WindowLocation));

        Assert.Equal((84, Act.Tanh), (spec.Layers[4].Count, spec.Layers[4].Activation));
        Assert.Equal("84", At(Example, spec.Layers[4].CountLocation));
        Assert.Equal(10, spec.Layers[5].Count);
        LayerSpec rbf = spec.Layers[6];
        Assert.Equal((10, RbfPrototypes.LeNet5Digits, false), (rbf.Count, rbf.Prototypes, rbf.TrainablePrototypes));
        Assert.Equal("\"leNet5Digits\"", At(Example, rbf.PrototypesLocation));
    }

    [Fact]
    public void LeftOutPropertiesTakeTheAttributesDefaults()
    {
        FrontEndResult result = Read("""
            { "class": "D", "layers": [
                { "kind": "conv", "maps": 2 },
                { "kind": "pool", "pooling": "max", "window": 2 },
                { "kind": "dense", "units": 3 },
                { "kind": "rbf", "classes": 10 } ] }
            """);
        Assert.Empty(result.Diagnostics);
        NetworkSpec spec = result.Spec!;
        Assert.Equal(("", null, ElementType.Float, 0UL, Init.ByActivation), (spec.Namespace, spec.Input, spec.Element, spec.Seed, spec.Init));
        Assert.Null(spec.InputLocation);
        LayerSpec conv = spec.Layers[0];
        Assert.Equal((0, 0, 1, 0, Act.Identity, Unroll.Auto), (conv.KernelHeight, conv.KernelWidth, conv.Stride, conv.Padding, conv.Activation, conv.Unroll));
        Assert.Null(conv.KernelLocation);
        Assert.Null(conv.StrideLocation);
        Assert.Null(conv.Connections);
        Assert.Equal(0, spec.Layers[1].Stride); // 0: the window
        Assert.False(spec.Layers[1].CeilMode); // the floor rule
        Assert.Equal(Act.Identity, spec.Layers[2].Activation);
        Assert.Equal((RbfPrototypes.LeNet5Digits, false), (spec.Layers[3].Prototypes, spec.Layers[3].TrainablePrototypes));

        Assert.Empty(Read("""{ "class": "Empty" }""").Spec!.Layers);
    }

    [Fact]
    public void NamesMatchIgnoringCase()
    {
        FrontEndResult result = Read("""
            { "class": "C", "element": "DOUBLE", "init": "heuniform", "layers": [
                { "kind": "CONV", "maps": 16, "kernel": 5, "connections": "lenet5c3", "activation": "ScaledTanh", "unroll": "MAPS" },
                { "kind": "Pool", "pooling": "Max", "window": 2 },
                { "kind": "RBF", "classes": 10, "prototypes": "RANDOMCODES", "trainable": true } ] }
            """);
        Assert.Empty(result.Diagnostics);
        NetworkSpec spec = result.Spec!;
        Assert.Equal((ElementType.Double, Init.HeUniform), (spec.Element, spec.Init));
        Assert.Equal((LayerKind.Conv, Act.ScaledTanh, Unroll.Maps, "LeNet5C3"), (spec.Layers[0].Kind, spec.Layers[0].Activation, spec.Layers[0].Unroll, spec.Layers[0].Connections!.PresetName));
        Assert.Equal((LayerKind.Pool, PoolKind.Max), (spec.Layers[1].Kind, spec.Layers[1].PoolKind));
        Assert.Equal((RbfPrototypes.RandomCodes, true), (spec.Layers[2].Prototypes, spec.Layers[2].TrainablePrototypes));
    }

    [Fact]
    public void WholeNumbersMayBeWrittenAnyWayJsonAllows()
    {
        NetworkSpec spec = Read("""
            { "class": "N", "seed": 18446744073709551615, "layers": [ { "kind": "conv", "maps": 1e1, "kernel": [5.0, 3], "padding": -0 } ] }
            """).Spec!;
        Assert.Equal(ulong.MaxValue, spec.Seed);
        Assert.Equal((10, 5, 3, 0), (spec.Layers[0].Count, spec.Layers[0].KernelHeight, spec.Layers[0].KernelWidth, spec.Layers[0].Padding));
    }

    [Fact]
    public void SizesAreTakenAsWrittenForTheCheckerToJudge()
    {
        // Zero and negative sizes are the checker's (LNG0109), not the front end's.
        FrontEndResult result = Read("""
            { "class": "Z", "layers": [ { "kind": "conv", "maps": 0, "kernel": -3, "stride": 0, "padding": -1 } ] }
            """);
        Assert.Empty(result.Diagnostics);
        LayerSpec conv = result.Spec!.Layers[0];
        Assert.Equal((0, -3, -3, 0, -1), (conv.Count, conv.KernelHeight, conv.KernelWidth, conv.Stride, conv.Padding));
    }

    [Fact]
    public void TheSameNetworkReadsTheSameFromJsonAndFromAttributes()
    {
        const string source = """
            using LeNetGen;
            namespace Samples;
            [Network(Input = "1x32x32", Element = ElementType.Double, Seed = 7, Init = Init.XavierUniform)]
            [Conv(6, Kernel = 5, Activation = Act.ScaledTanh)]
            [Pool(PoolKind.Subsample, 2, Activation = Act.ScaledTanh)]
            [Conv(16, Kernel = 5, Connections = ConnectionTables.LeNet5C3, Activation = Act.ScaledTanh, Unroll = Unroll.Window)]
            [Pool(PoolKind.Max, 2, Stride = 2, CeilMode = true)]
            [Conv(120, KernelHeight = 5, KernelWidth = 3, Padding = 1, Stride = 1, Activation = Act.Relu)]
            [Dense(84, Activation = Act.Sigmoid, Unroll = Unroll.Kernel)]
            [RbfOutput(10, Prototypes = RbfPrototypes.RandomCodes, Trainable = true)]
            public partial class FromAttributes { }
            """;
        const string json = """
            { "namespace": "Samples", "class": "FromJson", "input": "1x32x32", "element": "double", "seed": 7, "init": "xavierUniform",
              "layers": [
                { "kind": "conv", "maps": 6, "kernel": 5, "activation": "scaledTanh" },
                { "kind": "pool", "pooling": "subsample", "window": 2, "activation": "scaledTanh" },
                { "kind": "conv", "maps": 16, "kernel": 5, "connections": "LeNet5C3", "activation": "scaledTanh", "unroll": "window" },
                { "kind": "pool", "pooling": "max", "window": 2, "stride": 2, "ceilMode": true },
                { "kind": "conv", "maps": 120, "kernel": [5, 3], "padding": 1, "stride": 1, "activation": "relu" },
                { "kind": "dense", "units": 84, "activation": "sigmoid", "unroll": "kernel" },
                { "kind": "rbf", "classes": 10, "prototypes": "randomCodes", "trainable": true } ] }
            """;
        GeneratorHarness.Result run = GeneratorHarness.Run(source, ("Samples/FromJson.lenet.json", json));
        Assert.Null(run.GeneratorException);
        Assert.Empty(run.Diagnostics);

        NetworkSpec fromAttributes = SpecOf(run, TrackingNames.AttributeSpec);
        NetworkSpec fromJson = SpecOf(run, TrackingNames.JsonSpec);
        Assert.Equal(Comparable(fromAttributes), Comparable(fromJson with { ClassName = "FromAttributes", Origin = SpecOrigin.Attributes, SourceFile = null }));
    }

    private static NetworkSpec SpecOf(GeneratorHarness.Result run, string step) =>
        Assert.IsType<FrontEndResult>(Assert.Single(Assert.Single(run.RunResult.Results).TrackedSteps[step]).Outputs.Single().Value).Spec!;

    /// <summary>The spec without where anything was written (and without the preset's name, which only JSON knows).</summary>
    private static NetworkSpec Comparable(NetworkSpec spec) => spec with
    {
        Location = null,
        InputLocation = null,
        NetworkLocation = null,
        Layers = spec.Layers.Select(l => l with
        {
            Location = null,
            CountLocation = null,
            KernelLocation = null,
            StrideLocation = null,
            PaddingLocation = null,
            PoolKindLocation = null,
            WindowLocation = null,
            CeilModeLocation = null,
            ActivationLocation = null,
            UnrollLocation = null,
            PrototypesLocation = null,
            Connections = l.Connections is null ? null
                : new ConnectionTableSpec(l.Connections.Rows, l.Connections.Rows.Select(_ => (LocationInfo?)null).ToEquatableArray(), null, null),
        }).ToEquatableArray(),
    };

    [Fact]
    public void ReadingTwiceGivesEqualSpecs()
    {
        FrontEndResult first = Read(Example), second = Read(Example);
        Assert.NotSame(first, second);
        Assert.Equal(first, second);
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
        Assert.NotEqual(first, Read(Example.Replace("\"maps\": 6", "\"maps\": 7")));
    }

    [Fact]
    public void LocationsFollowCrLfLineEndings()
    {
        string text = "{\r\n  \"class\": \"L\",\r\n  \"layers\": [\r\n    { \"kind\": \"dense\", \"units\": 3 }\r\n  ]\r\n}";
        LayerSpec dense = Read(text).Spec!.Layers[0];
        Assert.Equal(new LinePosition(3, 14), dense.Location!.LineSpan.Start);
        Assert.Equal(new LinePosition(3, 32), dense.CountLocation!.LineSpan.Start);
        Assert.Equal("3", At(text, dense.CountLocation));
    }

    [Fact]
    public void AFileThatCannotBeReadIsReported()
    {
        FrontEndResult result = JsonFrontEnd.Read(new FakeText("a/Lost.lenet.json", () => null), CancellationToken.None);
        Assert.Null(result.Spec);
        DiagnosticInfoAssert(result, "LNG0201", "The spec file 'Lost.lenet.json' could not be read");
    }

    [Fact]
    public void AnUnexpectedExceptionBecomesLNG9001()
    {
        FrontEndResult result = JsonFrontEnd.Read(new FakeText("a/Boom.lenet.json", () => throw new InvalidOperationException("disk on fire")), CancellationToken.None);
        Assert.Null(result.Spec);
        DiagnosticInfoAssert(result, "LNG9001", "LeNetGen failed on network 'Boom.lenet.json' (InvalidOperationException: disk on fire); please report this with the spec");
    }

    [Fact]
    public void CancellationIsNotSwallowed()
    {
        using var source = new CancellationTokenSource();
        source.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => JsonFrontEnd.Read(new FakeText("a/C.lenet.json", () => SourceText.From(Example)), source.Token));
        Assert.ThrowsAny<OperationCanceledException>(() => JsonFrontEnd.Read(Path, Example, source.Token));
    }

    [Fact]
    public void AHugeFileIsRefusedUnread()
    {
        string text = "{ \"class\": \"Big\", \"layers\": [" + string.Join(",", Enumerable.Repeat("{}", JsonFrontEnd.MaxFileLength / 3 + 1)) + "] }";
        FrontEndResult result = Read(text);
        Assert.Null(result.Spec);
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("LNG0201", diagnostic.Descriptor.Id);
        Assert.Equal(new LinePosition(0, 0), diagnostic.Location!.LineSpan.Start);
        Assert.Equal(
            "The spec file is " + text.Length.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)
            + " characters long; LeNetGen reads JSON specs of at most 1,048,576 characters (1 MB)",
            diagnostic.MessageArgs[0]);
    }

    [Fact]
    public void DiagnosticsComeInDocumentOrder()
    {
        FrontEndResult result = Read("""
            { "layers": [ { "kind": "dense", "units": "3", "bogus": 1 } ], "element": "half", "class": "class", "extra": 0 }
            """);
        Assert.Equal(new[] { "LNG0203", "LNG0202", "LNG0204", "LNG0206", "LNG0202" }, result.Diagnostics.Select(d => d.Descriptor.Id));
        int[] starts = result.Diagnostics.Select(d => d.Location!.Span.Start).ToArray();
        Assert.Equal(starts.OrderBy(s => s), starts);
    }

    [Fact]
    public void ALayerWithoutAKnownKindIsLeftOutAndTheRestIsRead()
    {
        FrontEndResult result = Read("""
            { "class": "K", "layers": [ { "units": 3 }, { "kind": "lstm" }, { "kind": 7 }, 5, { "kind": "dense", "units": 4 } ] }
            """);
        Assert.Equal(new[] { "LNG0205", "LNG0204", "LNG0203", "LNG0203" }, result.Diagnostics.Select(d => d.Descriptor.Id));
        LayerSpec only = Assert.Single(result.Spec!.Layers);
        Assert.Equal((LayerKind.Dense, 4), (only.Kind, only.Count));
    }

    [Fact]
    public void AValueThatCannotBeReadKeepsItsDefaultAndItsLocation()
    {
        const string text = """{ "class": "B", "layers": [ { "kind": "conv", "maps": 2, "kernel": 3, "stride": 1.5, "activation": 2, "padding": 99999999999 } ] }""";
        FrontEndResult result = Read(text);
        Assert.Equal(new[] { "LNG0203", "LNG0203", "LNG0110" }, result.Diagnostics.Select(d => d.Descriptor.Id));
        LayerSpec conv = result.Spec!.Layers[0];
        Assert.Equal((1, Act.Identity), (conv.Stride, conv.Activation));
        Assert.Equal("1.5", At(text, conv.StrideLocation));
        Assert.Equal("2", At(text, conv.ActivationLocation));
        // Beyond the int range: kept out of range, so the checker cannot take it for a plausible size.
        Assert.Equal(int.MaxValue, conv.Padding);
        Assert.Equal(new[] { "Layer 1 (conv)", "'padding'", "99,999,999,999", "1,024" }, result.Diagnostics[2].MessageArgs);
    }

    [Fact]
    public void NoInputMakesTheFrontEndThrow()
    {
        // Every prefix of a valid spec, and random damage to it: a result every time, never LNG9001.
        var random = new Random(1998);
        const string alphabet = "{}[]:,\"\\ \n0123456789-+.eExXtruefalsn/*'";
        for (int length = 0; length <= Example.Length; length++)
            AssertReadable(Example.Substring(0, length));
        for (int i = 0; i < 2000; i++)
        {
            var damaged = new StringBuilder(Example);
            for (int edits = random.Next(1, 4); edits > 0; edits--)
            {
                int at = random.Next(damaged.Length);
                switch (random.Next(3))
                {
                    case 0: damaged[at] = alphabet[random.Next(alphabet.Length)]; break;
                    case 1: damaged.Remove(at, 1); break;
                    default: damaged.Insert(at, alphabet[random.Next(alphabet.Length)]); break;
                }
            }
            AssertReadable(damaged.ToString());
        }
    }

    private static void AssertReadable(string text)
    {
        FrontEndResult result = Read(text);
        Assert.DoesNotContain(result.Diagnostics, d => d.Descriptor.Id == "LNG9001");
        Assert.All(result.Diagnostics, d => Assert.True(d.Location is not null && d.Location.Span.End <= text.Length, text));
        if (result.Diagnostics.Any(d => d.Descriptor.Id == "LNG0201")) Assert.Null(result.Spec);
    }

    private static void DiagnosticInfoAssert(FrontEndResult result, string id, string message)
    {
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(id, diagnostic.Descriptor.Id);
        Assert.Equal(message, diagnostic.ToDiagnostic().GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>An additional file whose text comes from a function, to simulate unreadable files and failures.</summary>
    private sealed class FakeText : AdditionalText
    {
        private readonly Func<SourceText?> _text;

        public FakeText(string path, Func<SourceText?> text)
        {
            Path = path;
            _text = text;
        }

        public override string Path { get; }

        public override SourceText? GetText(CancellationToken cancellationToken = default)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return _text();
        }
    }
}
