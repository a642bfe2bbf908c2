using System.Linq;
using LeNetGen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace LeNetGen.Generator.Tests.Emit;

/// <summary>
/// The generated code of the sample networks and of a few networks that reach other emitter paths (padding, stride,
/// double, every unroll depth), snapshotted as Verify would; each snapshot must also compile with no diagnostic.
/// </summary>
public sealed class GeneratedSourceSnapshotTests
{
    private const string Usings = "using LeNetGen;\nnamespace Tests;\n";

    [Fact]
    public void ClassicLeNet5() => VerifyGenerated(RepositoryPaths.ReadSample("Networks/LeNet5.cs"));

    [Fact]
    public void ModernLeNet5() => VerifyGenerated(RepositoryPaths.ReadSample("Networks/ModernLeNet5.cs"));

    [Fact]
    public void TinyNetFromJson() => VerifyGenerated("", new[] { ("Networks/TinyNet.lenet.json", RepositoryPaths.ReadSample("Networks/TinyNet.lenet.json")) });

    [Fact]
    public void PaddingStrideDoubleAndEveryUnrollDepth() => VerifyGenerated(Usings + """
        [Network(Input = "3x9x9", Element = ElementType.Double, Seed = 3, Init = Init.XavierUniform)]
        [Conv(4, KernelHeight = 3, KernelWidth = 2, Stride = 2, Padding = 1, Activation = Act.Sigmoid, Unroll = Unroll.Window)]
        [Pool(PoolKind.Average, 3, Stride = 1, Activation = Act.Tanh, Unroll = Unroll.Full)]
        [Conv(5, Kernel = 2, Activation = Act.Relu, Unroll = Unroll.Kernel)]
        [Dense(6, Activation = Act.ScaledTanh, Unroll = Unroll.Window)]
        [RbfOutput(3, Prototypes = RbfPrototypes.RandomCodes, Trainable = true, Unroll = Unroll.Kernel)]
        public partial class Odd { }
        """);

    [Fact]
    public void NestedClassInGlobalNamespace() => VerifyGenerated("""
        using LeNetGen;
        public partial class Outer
        {
            [Network(Input = "1x4x4")]
            [Pool(PoolKind.Max, 2, Unroll = Unroll.Window)]
            [SoftmaxOutput(2, Unroll = Unroll.Window)]
            internal partial class Inner { }
        }
        """);

    private static void VerifyGenerated(string source, (string Path, string Text)[]? json = null,
        [System.Runtime.CompilerServices.CallerMemberName] string test = "",
        [System.Runtime.CompilerServices.CallerFilePath] string file = "")
    {
        GeneratorHarness.Result result = GeneratorHarness.Run(source, json ?? System.Array.Empty<(string, string)>());
        Assert.Null(result.GeneratorException);
        Assert.DoesNotContain(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Empty(result.CompilationDiagnostics);
        // One snapshot per file: the scalar kernels ({Class}.g.cs), the vectorized tile kernels ({Class}.Tiles.g.cs) and
        // the vectorized one-sample kernels ({Class}.Sample.g.cs).
        Assert.Equal(3, result.Sources.Count);
        foreach (GeneratedSourceResult generated in result.Sources)
            Snapshot.Verify(generated.SourceText.ToString(), generated.HintName.Replace(".g.cs", ".g"), "cs", file, test);
    }
}
