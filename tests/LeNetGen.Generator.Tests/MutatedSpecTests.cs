using System;
using System.Linq;
using System.Text;
using CsCheck;
using LeNetGen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace LeNetGen.Generator.Tests;

/// <summary>
/// Property tests over damaged specs through the whole generator (front end, checker, emitter): valid attribute and
/// JSON specs with random edits (characters replaced, deleted, inserted, the text truncated, garbage appended). The
/// generator never throws and never reports LNG9001; every diagnostic it reports has a location in the file it came
/// from; and a spec it does not reject compiles with no diagnostic but the generator's own. CsCheck shrinks a failure
/// to the fewest edits and prints the damaged text.
/// </summary>
public sealed class MutatedSpecTests
{
    private const string JsonPath = "specs/Damaged.lenet.json";

    internal const string Json = """
        { "namespace": "Samples", "class": "Damaged", "input": "2x10x9", "element": "double", "seed": 7,
          "layers": [
            { "kind": "conv", "maps": 3, "kernel": [3, 2], "padding": 1, "activation": "scaledTanh", "unroll": "maps", "connections": ["XX.", ".XX"] },
            { "kind": "pool", "pooling": "max", "window": 2, "stride": 2 },
            { "kind": "conv", "maps": 4, "kernel": 3, "stride": 1, "activation": "relu", "unroll": "kernel" },
            { "kind": "pool", "pooling": "subsample", "window": 2, "stride": 1, "activation": "tanh" },
            { "kind": "dense", "units": 6, "activation": "sigmoid", "unroll": "full" },
            { "kind": "rbf", "classes": 3, "prototypes": "randomCodes", "trainable": true } ] }
        """;

    private const string Attributes = """
        using LeNetGen;
        namespace Samples;
        [Network(Input = "3x9x8", Seed = 5)]
        [Conv(4, KernelHeight = 3, KernelWidth = 2, Padding = 1, Connections = "XX.X\n.XX.\nX.XX", Activation = Act.Tanh, Unroll = Unroll.Window)]
        [Pool(PoolKind.Average, 2, Stride = 1, Activation = Act.Sigmoid)]
        [Conv(2, Kernel = 3, Stride = 2, Activation = Act.Relu, Unroll = Unroll.Full)]
        [Dense(5, Activation = Act.ScaledTanh)]
        [SoftmaxOutput(4, Unroll = Unroll.Kernel)]
        public partial class Damaged { }
        """;

    /// <summary>LENETGEN_PROPERTY_RUNS multiplies the cases (the README's long run: 100); 1 in CI.</summary>
    private static readonly int Runs = int.TryParse(Environment.GetEnvironmentVariable("LENETGEN_PROPERTY_RUNS"), out int n) && n > 0 ? n : 1;

    private const string Alphabet = "{}[]:,\"\\ \n0123456789-+.eExX.tfnul()=;/*'@#Act.PoolKind.Unroll.";

    /// <summary>One edit: at a fraction of the text, replace (0), delete (1), insert (2), truncate (3) or append garbage (4).</summary>
    internal static readonly Gen<(double At, int Kind, string Text)> Edit =
        Gen.Select(Gen.Double[0, 1], Gen.Int[0, 4], Gen.Char[Alphabet].Array[1, 6].Select(c => new string(c)));

    internal static string Apply(string original, (double At, int Kind, string Text)[] edits)
    {
        var text = new StringBuilder(original);
        foreach (var (fraction, kind, insert) in edits)
        {
            int at = Math.Min(text.Length, (int)(fraction * text.Length));
            switch (kind)
            {
                case 0 when at < text.Length: text[at] = insert[0]; break;
                case 1 when at < text.Length: text.Remove(at, Math.Min(insert.Length, text.Length - at)); break;
                case 3: text.Length = at; break;
                case 4: text.Append(insert); break;
                default: text.Insert(at, insert); break;
            }
        }
        return text.ToString();
    }

    [Fact]
    public void DamagedJsonSpecsNeverCrashTheGeneratorAndEveryDiagnosticIsLocated() =>
        Edit.Array[1, 4].Select(edits => Apply(Json, edits)).Sample(json =>
        {
            GeneratorHarness.Result result = GeneratorHarness.Run("namespace Samples;", (JsonPath, json));
            AssertSound(result, JsonPath, json);
        }, iter: 200L * Runs, print: json => json);

    [Fact]
    public void DamagedAttributeSpecsNeverCrashTheGeneratorAndEveryDiagnosticIsLocated() =>
        Edit.Array[1, 4].Select(edits => Apply(Attributes, edits)).Sample(source =>
        {
            GeneratorHarness.Result result = GeneratorHarness.Run(source);
            AssertSound(result, "Network.cs", source);
        }, iter: 100L * Runs, print: source => source);

    private static void AssertSound(GeneratorHarness.Result result, string path, string text)
    {
        Assert.Null(result.GeneratorException);
        Assert.DoesNotContain(result.Diagnostics, d => d.Id == "LNG9001");
        foreach (Diagnostic diagnostic in result.Diagnostics)
        {
            Assert.True(diagnostic.Location != Location.None, $"{diagnostic} has no location");
            FileLinePositionSpan span = diagnostic.Location.GetLineSpan();
            Assert.Equal(path, span.Path);
            Assert.True(diagnostic.Location.SourceSpan.End <= text.Length, $"{diagnostic} points past the end of the text");
        }
        bool parsesAsCSharp = result.Output.SyntaxTrees.First().GetDiagnostics().All(d => d.Severity != DiagnosticSeverity.Error);
        if (parsesAsCSharp && result.Diagnostics.All(d => d.Severity != DiagnosticSeverity.Error) && result.Sources.Count > 0)
        {
            Assert.Equal(3, result.Sources.Count); // the scalar, tile and one-sample kernels
            Assert.DoesNotContain(result.CompilationDiagnostics, d => !d.Id.StartsWith("LNG", StringComparison.Ordinal)
                && d.Location.SourceTree?.FilePath.EndsWith(".g.cs", StringComparison.Ordinal) == true);
        }
    }
}
