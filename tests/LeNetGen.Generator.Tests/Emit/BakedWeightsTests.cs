using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using LeNetGen.Generator.Check;
using LeNetGen.Generator.Model;
using LeNetGen.Generator.Parse;
using LeNetGen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace LeNetGen.Generator.Tests.Emit;

/// <summary>
/// A checkpoint baked into a network: the fourth generated file (snapshotted), its bytes against the runtime's file,
/// and the generator's own checkpoint parser against files the runtime wrote, whole and damaged.
/// </summary>
public sealed class BakedWeightsTests : IDisposable
{
    private const string Spec = """
        using LeNetGen;
        namespace Tests;
        [Network(Input = "1x4x4"{0})]
        [Pool(PoolKind.Max, 2)]
        [SoftmaxOutput(3)]
        public partial class Small { }
        """;

    private readonly CheckpointFiles _files = new();
    private readonly Xunit.Abstractions.ITestOutputHelper _output;

    public BakedWeightsTests(Xunit.Abstractions.ITestOutputHelper output) => _output = output;

    public void Dispose() => _files.Dispose();

    private static string Source(string weights) => Spec.Replace("{0}", weights, StringComparison.Ordinal);

    [Fact]
    public void SmallNetworkWithBakedWeights()
    {
        var (fingerprint, count) = CheckpointFiles.Of(Source(""));
        float[] parameters = CheckpointFiles.Parameters(count);
        parameters[1] = -0f;
        parameters[2] = float.Epsilon; // a subnormal, bit for bit
        string path = _files.Save("small.lngckpt", fingerprint, parameters);

        GeneratorHarness.Result result = GeneratorHarness.Run(new[] { Source(", Weights = \"small.lngckpt\"") }, new[] { path });
        Assert.Null(result.GeneratorException);
        Assert.Empty(result.Diagnostics);
        Assert.Empty(result.CompilationDiagnostics);
        Assert.Equal(4, result.Sources.Count);
        GeneratedSourceResult baked = Assert.Single(result.Sources, s => s.HintName == "Tests.Small.Weights.g.cs");
        string text = baked.SourceText.ToString();
        Snapshot.Verify(text, "Tests.Small.Weights.g", "cs");

        // The literal holds the parameters' little-endian bits, and nothing else.
        string literal = Regex.Match(text, @"TrainedParameterBytes => new byte\[\]\n\s*\{\n(.*?)\n\s*\};", RegexOptions.Singleline).Groups[1].Value;
        byte[] bytes = literal.Split(new[] { ',', '\n', ' ' }, StringSplitOptions.RemoveEmptyEntries).Select(b => byte.Parse(b, CultureInfo.InvariantCulture)).ToArray();
        byte[] expected = new byte[count * 4];
        for (int i = 0; i < count; i++) System.Buffers.Binary.BinaryPrimitives.WriteSingleLittleEndian(expected.AsSpan(i * 4), parameters[i]);
        Assert.Equal(expected, bytes);

        // The property reads the assembly's data: its getter starts with ldsflda (the address of the constant bytes),
        // where an allocating one would start by pushing the length for newarr.
        using var image = new MemoryStream();
        Assert.True(result.Output.Emit(image).Success);
        image.Position = 0;
        using var pe = new System.Reflection.PortableExecutable.PEReader(image);
        var metadata = System.Reflection.Metadata.PEReaderExtensions.GetMetadataReader(pe);
        var getter = metadata.MethodDefinitions.Select(metadata.GetMethodDefinition)
            .Single(m => metadata.GetString(m.Name) == "get_TrainedParameterBytes");
        byte[] il = System.Reflection.Metadata.PEReaderExtensions.GetMethodBody(pe, getter.RelativeVirtualAddress).GetILBytes()!;
        Assert.Equal(0x7F, il[0]); // ldsflda

        // The other three files are those of the same spec without weights.
        GeneratorHarness.Result plain = GeneratorHarness.Run(Source(""));
        foreach (GeneratedSourceResult file in plain.Sources)
            Assert.Equal(file.SourceText.ToString(), Assert.Single(result.Sources, s => s.HintName == file.HintName).SourceText.ToString());
    }

    /// <summary>
    /// The modern LeNet-5's 61,706 floats baked in: within the limit on generated source (LNG0303), compiled with no
    /// diagnostic. The sizes and times are written to the test's output, for the README; they are not asserted.
    /// </summary>
    [Fact]
    public void TheModernLeNet5WithBakedWeightsStaysWithinTheSourceLimitAndCompiles()
    {
        string plainSource = RepositoryPaths.ReadSample("Networks/ModernLeNet5.cs");
        var (fingerprint, count) = CheckpointFiles.Of(plainSource);
        Assert.Equal(61_706, count);
        var random = new Random(5);
        float[] parameters = Enumerable.Range(0, count).Select(_ => (float)(random.NextDouble() * 2 - 1) * 0.3f).ToArray();
        string path = _files.Save("lenet5.lngckpt", fingerprint, parameters);
        string source = plainSource.Replace("Init = Init.HeUniform)]", "Init = Init.HeUniform, Weights = \"lenet5.lngckpt\")]", StringComparison.Ordinal);
        Assert.NotEqual(plainSource, source);

        var clock = System.Diagnostics.Stopwatch.StartNew();
        GeneratorHarness.Result plain = GeneratorHarness.Run(plainSource);
        TimeSpan plainTime = clock.Elapsed;
        clock.Restart();
        GeneratorHarness.Result result = GeneratorHarness.Run(new[] { source }, new[] { path });
        TimeSpan bakedTime = clock.Elapsed;
        Assert.Null(result.GeneratorException);
        Assert.Empty(result.Diagnostics);
        long total = result.Sources.Sum(s => (long)s.SourceText.Length);
        long weights = Assert.Single(result.Sources, s => s.HintName.EndsWith(".Weights.g.cs", StringComparison.Ordinal)).SourceText.Length;
        Assert.InRange(total, 0, Limits.MaxGeneratedSource);

        // Without weights first, so that the compiler is as warm for the one as for the other.
        using var plainImage = new MemoryStream();
        clock.Restart();
        Assert.True(plain.Output.Emit(plainImage).Success);
        TimeSpan plainEmitTime = clock.Elapsed;
        clock.Restart();
        using var image = new MemoryStream();
        var emitted = result.Output.Emit(image);
        TimeSpan emitTime = clock.Elapsed;
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics.Take(5)));
        Assert.DoesNotContain(emitted.Diagnostics, d => d.Severity >= DiagnosticSeverity.Warning);

        _output.WriteLine($"weights file: {weights:N0} characters for {count * 4:N0} bytes ({(double)weights / (count * 4):F2} a byte); " +
            $"all four files {total:N0} of the limit {Limits.MaxGeneratedSource:N0}; without weights {plain.Sources.Sum(s => (long)s.SourceText.Length):N0}");
        _output.WriteLine($"generator run: {bakedTime.TotalMilliseconds:F0} ms baked, {plainTime.TotalMilliseconds:F0} ms without; " +
            $"emit: {emitTime.TotalMilliseconds:F0} ms baked, {plainEmitTime.TotalMilliseconds:F0} ms without; assembly {image.Length:N0} bytes baked, {plainImage.Length:N0} without");
    }

    [Fact]
    public void TheParserReadsWhatTheRuntimeWroteWithStateAndNote()
    {
        double[] parameters = { 1.5, -0.0, double.Epsilon, 1e300, -2.25 };
        var state = new CheckpointState<double>();
        state.SetCounter("step", 42);
        state.SetValue("rate", 0.01);
        state.SetBlock("velocity", new double[] { 1, 2, 3 });
        string path = _files.PathOf("full.lngckpt");
        new Checkpoint<double>(0x0123456789ABCDEFUL, parameters, state, "a note, with UTF-8: ü").Save(path);

        ParsedCheckpoint parsed = CheckpointParser.Parse(path, File.ReadAllBytes(path));
        Assert.Equal(CheckpointFault.None, parsed.Fault);
        Assert.True(parsed.HeaderValid);
        Assert.Equal(8, parsed.ElementSize);
        Assert.Equal(0x0123456789ABCDEFUL, parsed.Fingerprint);
        Assert.Equal(5, parsed.ParameterCount);
        byte[] expected = new byte[40];
        for (int i = 0; i < 5; i++) System.Buffers.Binary.BinaryPrimitives.WriteDoubleLittleEndian(expected.AsSpan(i * 8), parameters[i]);
        Assert.Equal(expected, parsed.Parameters.ToArray());
    }

    [Fact]
    public void EveryTruncationAndEveryFlippedByteIsAFaultNeverAnException()
    {
        var state = new CheckpointState<float>();
        state.SetCounter("step", 7);
        state.SetBlock("velocity", new float[] { 1, 2 });
        string path = _files.PathOf("damaged.lngckpt");
        new Checkpoint<float>(99UL, CheckpointFiles.Parameters(6), state, "note").Save(path);
        byte[] whole = File.ReadAllBytes(path);

        for (int length = 0; length < whole.Length; length++)
        {
            ParsedCheckpoint truncated = CheckpointParser.Parse(path, whole.AsSpan(0, length).ToArray());
            Assert.True(truncated.Fault is CheckpointFault.Truncated or CheckpointFault.NotACheckpoint, $"length {length}: {truncated.Fault}");
        }
        for (int at = 0; at < whole.Length; at++)
        {
            byte[] flipped = (byte[])whole.Clone();
            flipped[at] ^= 0x40;
            ParsedCheckpoint damaged = CheckpointParser.Parse(path, flipped);
            Assert.True(damaged.Fault != CheckpointFault.None, $"byte {at} flipped was not noticed");
            Assert.NotEqual("", damaged.Detail);
        }
        Assert.Equal(CheckpointFault.None, CheckpointParser.Parse(path, whole).Fault);
    }
}
