using System;
using System.IO;
using LeNetGen.Generator.Tests.Infrastructure;
using Xunit;

namespace LeNetGen.Generator.Tests.Diagnostics;

/// <summary>
/// LNG04xx: a checkpoint named by the spec (Weights, "weights") that does not fit it. Each test writes a real checkpoint
/// with the runtime's Checkpoint (or damages one), hands it to the generator as a binary additional file, and asserts
/// the exact diagnostic at the Weights argument (JSON: the "weights" value), and that no code is generated.
/// </summary>
public sealed class WeightsDiagnosticsTests : IDisposable
{
    private const string Usings = "using LeNetGen;\nnamespace Tests;\n";

    /// <summary>The spec without weights, for its fingerprint and parameter count (15: a softmax of 3 over 2x2).</summary>
    private const string Layers = """
        [Pool(PoolKind.Max, 2)]
        [SoftmaxOutput(3)]
        public partial class Small { }
        """;

    private static string Spec(string weightsMarkup) => Usings + "[Network(Input = \"1x4x4\", Weights = " + weightsMarkup + ")]\n" + Layers;

    private readonly CheckpointFiles _files = new();
    private readonly (ulong Fingerprint, int ParameterCount) _small = CheckpointFiles.Of(Usings + "[Network(Input = \"1x4x4\")]\n" + Layers);

    public void Dispose() => _files.Dispose();

    private string SaveSmall(string relative = "small.lngckpt") =>
        _files.Save(relative, _small.Fingerprint, CheckpointFiles.Parameters(_small.ParameterCount));

    [Fact]
    public void TheSmallSpecHasFifteenParameters() => Assert.Equal(15, _small.ParameterCount);

    [Fact]
    public void LNG0401_WeightsFileNotFound_Attribute()
    {
        var result = DiagnosticAssert.Exactly(Spec("{|LNG0401:\"small.lngckpt\"|}"), new[] { _files.Save("other.lngckpt", _small.Fingerprint, CheckpointFiles.Parameters(15)) });
        Assert.Empty(result.Sources);
        Assert.Equal("Network 'Small': no additional file named 'small.lngckpt' was given to the compiler; add it to the project as " +
            "<AdditionalFiles Include=\"small.lngckpt\" /> (a checkpoint that the network's Save or a trainer wrote)", DiagnosticAssert.Message(result, "LNG0401"));
    }

    [Fact]
    public void LNG0401_WeightsFileNotFound_EmptyName()
    {
        var result = DiagnosticAssert.Exactly(Spec("{|LNG0401:\"\"|}"), new[] { SaveSmall() });
        Assert.StartsWith("Network 'Small': Weights names no file;", DiagnosticAssert.Message(result, "LNG0401"));
    }

    [Fact]
    public void LNG0401_WeightsFileNotFound_Json()
    {
        var result = DiagnosticAssert.Exactly("", Array.Empty<string>(), ("Small.lenet.json", """
            { "class": "Small", "input": "1x4x4", "weights": {|LNG0401:"models/small.lngckpt"|},
              "layers": [ { "kind": "pool", "pooling": "max", "window": 2 }, { "kind": "softmax", "classes": 3 } ] }
            """));
        Assert.Empty(result.Sources);
    }

    [Fact]
    public void LNG0402_WeightsFileInvalid_NotACheckpoint()
    {
        string path = _files.Write("small.lngckpt", System.Text.Encoding.ASCII.GetBytes("not a checkpoint at all, but long enough to hold a header......."));
        var result = DiagnosticAssert.Exactly(Spec("{|LNG0402:\"small.lngckpt\"|}"), new[] { path });
        Assert.Equal("Network 'Small': cannot bake 'small.lngckpt' into the assembly: it is not a LeNetGen checkpoint: expected the magic bytes " +
            "4C-4E-47-43-4B-50-54-00 (\"LNGCKPT\\0\"), found 6E-6F-74-20-61-20-63-68; save the checkpoint again", DiagnosticAssert.Message(result, "LNG0402"));
    }

    [Fact]
    public void LNG0402_WeightsFileInvalid_CorruptedParameter()
    {
        string path = SaveSmall();
        byte[] bytes = File.ReadAllBytes(path);
        bytes[56 + 4 + 5] ^= 0x10; // a bit of parameter 1 (after the header and the empty note)
        File.WriteAllBytes(path, bytes);
        var result = DiagnosticAssert.Exactly(Spec("{|LNG0402:\"small.lngckpt\"|}"), new[] { path });
        Assert.Contains("the contents are corrupted: expected checksum 0x", DiagnosticAssert.Message(result, "LNG0402"));
        Assert.Empty(result.Sources);
    }

    [Fact]
    public void LNG0402_WeightsFileInvalid_CorruptedHeader()
    {
        string path = SaveSmall();
        byte[] bytes = File.ReadAllBytes(path);
        bytes[24] ^= 0x01; // the parameter count, under the header checksum
        File.WriteAllBytes(path, bytes);
        var result = DiagnosticAssert.Exactly(Spec("{|LNG0402:\"small.lngckpt\"|}"), new[] { path });
        Assert.Contains("the header is corrupted: expected header checksum 0x", DiagnosticAssert.Message(result, "LNG0402"));
    }

    [Fact]
    public void LNG0402_WeightsFileInvalid_AFolder()
    {
        string path = _files.PathOf("small.lngckpt");
        Directory.CreateDirectory(path);
        var result = DiagnosticAssert.Exactly(Spec("{|LNG0402:\"small.lngckpt\"|}"), new[] { path });
        Assert.Contains("it is a folder, not a checkpoint file", DiagnosticAssert.Message(result, "LNG0402"));
    }

    [Fact]
    public void LNG0403_WeightsFileTruncated()
    {
        string path = SaveSmall();
        byte[] bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes.AsSpan(0, bytes.Length - 9).ToArray());
        var result = DiagnosticAssert.Exactly(Spec("{|LNG0403:\"small.lngckpt\"|}"), new[] { path });
        Assert.Equal($"Network 'Small': cannot bake 'small.lngckpt' into the assembly: the file is truncated: it ends at byte {bytes.Length - 9} " +
            $"but the header promises {bytes.Length}; save the checkpoint again", DiagnosticAssert.Message(result, "LNG0403"));
    }

    [Fact]
    public void LNG0403_WeightsFileTruncated_Empty()
    {
        string path = _files.Write("small.lngckpt", Array.Empty<byte>());
        var result = DiagnosticAssert.Exactly(Spec("{|LNG0403:\"small.lngckpt\"|}"), new[] { path });
        Assert.Contains("it ends at byte 0 but a checkpoint header takes 56 bytes", DiagnosticAssert.Message(result, "LNG0403"));
    }

    [Fact]
    public void LNG0404_WeightsOfAnotherNetwork_Attribute()
    {
        // A network of the same parameter count with another activation: another fingerprint.
        var other = CheckpointFiles.Of(Usings + "[Network(Input = \"1x4x4\")]\n[Pool(PoolKind.Max, 2, Activation = Act.Relu)]\n[SoftmaxOutput(3)]\npublic partial class Other { }");
        Assert.Equal(_small.ParameterCount, other.ParameterCount);
        string path = _files.Save("small.lngckpt", other.Fingerprint, CheckpointFiles.Parameters(other.ParameterCount));
        var result = DiagnosticAssert.Exactly(Spec("{|LNG0404:\"small.lngckpt\"|}"), new[] { path });
        Assert.Equal($"Network 'Small': 'small.lngckpt' belongs to another network: its spec fingerprint is 0x{other.Fingerprint:X16}, this network's is " +
            $"0x{_small.Fingerprint:X16}, so the layers, shapes or tables differ from the spec that saved it; train this network and save its checkpoint again",
            DiagnosticAssert.Message(result, "LNG0404"));
    }

    [Fact]
    public void LNG0404_WeightsOfAnotherNetwork_Json()
    {
        string path = _files.Save("small.lngckpt", _small.Fingerprint ^ 1, CheckpointFiles.Parameters(15));
        DiagnosticAssert.Exactly("", new[] { path }, ("Small.lenet.json", """
            { "class": "Small", "namespace": "Tests", "input": "1x4x4",
              "weights": {|LNG0404:"small.lngckpt"|},
              "layers": [ { "kind": "pool", "pooling": "max", "window": 2 }, { "kind": "softmax", "classes": 3 } ] }
            """));
    }

    [Fact]
    public void LNG0405_WeightsParameterCount()
    {
        string path = _files.Save("small.lngckpt", _small.Fingerprint, CheckpointFiles.Parameters(16));
        var result = DiagnosticAssert.Exactly(Spec("{|LNG0405:\"small.lngckpt\"|}"), new[] { path });
        Assert.Equal("Network 'Small': 'small.lngckpt' holds 16 parameters, but this network has 15; train this network and save its checkpoint again",
            DiagnosticAssert.Message(result, "LNG0405"));
    }

    [Fact]
    public void LNG0406_WeightsElementType()
    {
        string path = _files.Save("small.lngckpt", _small.Fingerprint, new double[15]);
        var result = DiagnosticAssert.Exactly(Spec("{|LNG0406:\"small.lngckpt\"|}"), new[] { path });
        Assert.Equal("Network 'Small': 'small.lngckpt' holds double parameters, but this network's element type is float; " +
            "use a checkpoint of a float network, or Element = ElementType.Double in the spec", DiagnosticAssert.Message(result, "LNG0406"));
    }

    [Fact]
    public void LNG0407_WeightsNotFinite()
    {
        float[] parameters = CheckpointFiles.Parameters(15);
        parameters[4] = float.NaN;
        parameters[9] = float.NegativeInfinity;
        string path = _files.Save("small.lngckpt", _small.Fingerprint, parameters);
        var result = DiagnosticAssert.Exactly(Spec("{|LNG0407:\"small.lngckpt\"|}"), new[] { path });
        Assert.Equal("Network 'Small': 'small.lngckpt': parameter 4 of 15 is NaN (2 are not finite), and a network with it cannot compute; " +
            "the run that wrote it had diverged, so use an earlier checkpoint", DiagnosticAssert.Message(result, "LNG0407"));
    }

    [Fact]
    public void LNG0408_WeightsFileAmbiguous()
    {
        string first = SaveSmall("a/small.lngckpt"), second = SaveSmall("b/small.lngckpt");
        var result = DiagnosticAssert.Exactly(Spec("{|LNG0408:\"small.lngckpt\"|}"), new[] { second, first });
        Assert.Equal($"Network 'Small': 'small.lngckpt' names 2 additional files ({first}, {second}); give more of the path, so that it names one",
            DiagnosticAssert.Message(result, "LNG0408"));

        // More of the path names one of them.
        DiagnosticAssert.Exactly(Spec("\"b/small.lngckpt\""), new[] { second, first });
    }

    [Fact]
    public void AFittingCheckpointIsBakedInWithNoDiagnostic()
    {
        var result = DiagnosticAssert.Exactly(Spec("\"./small.lngckpt\""), new[] { SaveSmall() });
        Assert.Equal(4, result.Sources.Count);
        Assert.Empty(result.CompilationDiagnostics);
    }

    /// <summary>
    /// The examples on generator/docs/diagnostics.md are what the generator says for its example spec (LNG0408's name
    /// the user's own paths, so it is left out).
    /// </summary>
    [Fact]
    public void TheCatalogPageShowsWhatTheGeneratorSays()
    {
        string Line(string path, string id)
        {
            var result = GeneratorHarness.Run(new[] { Spec("\"small.lngckpt\"") }, path.Length == 0 ? Array.Empty<string>() : new[] { path });
            var diagnostic = Assert.Single(result.Diagnostics);
            Assert.Equal(id, diagnostic.Id);
            var at = diagnostic.Location.GetLineSpan().StartLinePosition;
            return $"{DiagnosticAssert.CodeFile}({at.Line + 1},{at.Character + 1}): error {id}: {diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}";
        }

        var lines = new System.Collections.Generic.List<string> { Line("", "LNG0401") };
        string corrupted = SaveSmall("corrupted/small.lngckpt");
        byte[] bytes = File.ReadAllBytes(corrupted);
        bytes[56 + 4 + 5] ^= 0x10;
        File.WriteAllBytes(corrupted, bytes);
        lines.Add(Line(corrupted, "LNG0402"));
        string truncated = SaveSmall("truncated/small.lngckpt");
        File.WriteAllBytes(truncated, File.ReadAllBytes(truncated).AsSpan(0, bytes.Length - 9).ToArray());
        lines.Add(Line(truncated, "LNG0403"));
        var other = CheckpointFiles.Of(Usings + "[Network(Input = \"1x4x4\")]\n[Pool(PoolKind.Max, 2, Activation = Act.Relu)]\n[SoftmaxOutput(3)]\npublic partial class Other { }");
        lines.Add(Line(_files.Save("other/small.lngckpt", other.Fingerprint, CheckpointFiles.Parameters(15)), "LNG0404"));
        lines.Add(Line(_files.Save("count/small.lngckpt", _small.Fingerprint, CheckpointFiles.Parameters(16)), "LNG0405"));
        lines.Add(Line(_files.Save("double/small.lngckpt", _small.Fingerprint, new double[15]), "LNG0406"));
        float[] parameters = CheckpointFiles.Parameters(15);
        parameters[4] = float.NaN;
        parameters[9] = float.NegativeInfinity;
        lines.Add(Line(_files.Save("nan/small.lngckpt", _small.Fingerprint, parameters), "LNG0407"));

        string page = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "generator", "docs", "diagnostics.md"));
        Assert.All(lines, line => Assert.True(page.Contains(line, StringComparison.Ordinal), "not on the page: " + line));
    }
}
