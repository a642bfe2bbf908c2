using System.Linq;
using CsCheck;
using LeNetGen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace LeNetGen.Generator.Tests;

/// <summary>
/// Property tests over random attribute specs (sizes that may be zero, negative, huge or inconsistent, random kinds,
/// activations, tables and unroll depths): the generator never throws and never reports LNG9001, and whenever it reports
/// no error the generated code compiles with no diagnostic at all.
/// </summary>
public sealed class NeverThrowsTests
{
    private static readonly Gen<int> Size = Gen.OneOf(Gen.Int[1, 6], Gen.Int[-2, 0], Gen.Int[7, 40], Gen.Const(70_000));
    private static readonly Gen<string> Activation = Gen.OneOf("Identity", "Tanh", "ScaledTanh", "Relu", "Sigmoid");
    private static readonly Gen<string> Unroll = Gen.OneOf("Auto", "Window", "Kernel", "Maps", "Full");

    private static readonly Gen<string> Conv =
        Gen.Select(Size, Gen.Int[0, 5], Gen.Int[1, 3], Gen.Int[0, 2], Activation, Unroll, Gen.Bool,
            (maps, kernel, stride, padding, act, unroll, table) =>
                $"[Conv({maps}, Kernel = {kernel}, Stride = {stride}, Padding = {padding}, Activation = Act.{act}, Unroll = Unroll.{unroll}"
                + (table ? ", Connections = \"X./.X/XX\"" : "") + ")]");

    private static readonly Gen<string> Pool =
        Gen.Select(Gen.OneOf("Average", "Max", "Subsample"), Gen.Int[0, 4], Gen.Int[0, 3], Activation, Unroll,
            (kind, window, stride, act, unroll) => $"[Pool(PoolKind.{kind}, {window}, Stride = {stride}, Activation = Act.{act}, Unroll = Unroll.{unroll})]");

    private static readonly Gen<string> Dense =
        Gen.Select(Size, Activation, Unroll, (units, act, unroll) => $"[Dense({units}, Activation = Act.{act}, Unroll = Unroll.{unroll})]");

    private static readonly Gen<string> Head = Gen.OneOf(
        Gen.Select(Size, Unroll, (classes, unroll) => $"[SoftmaxOutput({classes}, Unroll = Unroll.{unroll})]"),
        Gen.Select(Gen.OneOf(10, 3), Gen.OneOf("LeNet5Digits", "RandomCodes"), Gen.Bool,
            (classes, prototypes, trainable) => $"[RbfOutput({classes}, Prototypes = RbfPrototypes.{prototypes}, Trainable = {(trainable ? "true" : "false")})]"));

    private static readonly Gen<string> Spec =
        Gen.Select(Gen.OneOf("1x12x12", "3x8x8", "2x9x7", "1x0x5", "8x8", "1x84x1"), Gen.OneOf(Conv, Pool, Dense).Array[0, 4], Head, Gen.Bool,
            (input, layers, head, headFirst) =>
                "using LeNetGen;\nnamespace Tests;\n" + $"[Network(Input = \"{input}\")]\n"
                + (headFirst ? head + "\n" : "") + string.Join("\n", layers) + "\n" + (headFirst ? "" : head + "\n")
                + "public partial class Net { }\n");

    [Fact]
    public void RandomSpecsNeverCrashTheGeneratorAndCleanOnesCompile() => Spec.Sample(source =>
    {
        GeneratorHarness.Result result = GeneratorHarness.Run(source);
        Assert.Null(result.GeneratorException);
        Assert.DoesNotContain(result.Diagnostics, d => d.Id == "LNG9001");
        if (result.Diagnostics.All(d => d.Severity != DiagnosticSeverity.Error))
        {
            Assert.Equal(3, result.Sources.Count); // the scalar, tile and one-sample kernels
            Assert.DoesNotContain(result.CompilationDiagnostics, d => !d.Id.StartsWith("LNG", System.StringComparison.Ordinal));
        }
    }, iter: 150);
}
