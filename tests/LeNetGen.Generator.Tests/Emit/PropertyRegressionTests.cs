using System.Linq;
using LeNetGen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace LeNetGen.Generator.Tests.Emit;

/// <summary>Specs the property tests over random networks (Networks.Tests' Properties/) found broken, shrunk, kept here.</summary>
public sealed class PropertyRegressionTests
{
    /// <summary>
    /// A max pool with a ReLU after a convolution: the tile backward declared the pool's sums twice, once for the ReLU's derivative and once
    /// for the max's choice (CS0128 in the generated Tiles file).
    /// </summary>
    [Fact]
    public void MaxPoolWithReluCompiles()
    {
        const string source = """
            using LeNetGen;
            namespace Properties;
            [Network(Input = "1x6x6")]
            [Conv(2, Kernel = 3)]
            [Pool(PoolKind.Max, 2, Activation = Act.Relu)]
            [SoftmaxOutput(2)]
            public partial class Net { }
            """;
        GeneratorHarness.Result result = GeneratorHarness.Run(source);
        Assert.Empty(result.Diagnostics);
        Assert.Equal(3, result.Sources.Count);
        Assert.Empty(result.CompilationDiagnostics.Select(d => d.ToString()));
    }
}
