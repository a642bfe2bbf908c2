using LeNetGen.Generator.Tests.Infrastructure;
using Xunit;

namespace LeNetGen.Generator.Tests.Diagnostics;

/// <summary>
/// Every independent mistake of a spec is reported in one build: after a layer's error, the layers after it are still
/// checked with the shapes that are known (a connection table does not change its layer's output shape, a pooling
/// layer that does not tile has the shape of the windows that fit, a dense layer's width does not depend on its
/// input). The three specs of issue 9, each asserting every ID and its exact location.
/// </summary>
public sealed class IndependentMistakesTests
{
    private const string Usings = "using LeNetGen;\nnamespace Tests;\n";

    [Fact]
    public void APoolingRemainderDoesNotHideTheNextConvolutionsKernel()
    {
        // S4's window 3 does not tile C3's 8x8 (a warning since pooling follows PyTorch's floor rule); the windows that
        // fit give 16x2x2, where C5's 5x5 kernel does not fit.
        var result = DiagnosticAssert.Exactly(Usings + """
            [Network(Input = "1x28x28")]
            [Conv(6, Kernel = 5, Activation = Act.ScaledTanh)]
            [Pool(PoolKind.Subsample, 2, Activation = Act.ScaledTanh)]
            [Conv(16, Kernel = 5, Activation = Act.ScaledTanh)]
            [Pool(PoolKind.Subsample, {|LNG0111:3|}, Activation = Act.ScaledTanh)]
            [Conv(120, Kernel = {|LNG0101:5|}, Activation = Act.ScaledTanh)]
            [Dense(84, Activation = Act.ScaledTanh)]
            [RbfOutput(10, Prototypes = RbfPrototypes.LeNet5Digits)]
            public partial class LeNet5 { }
            """);
        Assert.Equal(
            "Layer 5 (conv 120@5x5): kernel 5x5 does not fit its input 16x2x2 (input 1x28x28 -> C1 6x24x24 -> S2 6x12x12 -> C3 16x8x8 -> S4 16x2x2); a kernel of at most 2x2 fits",
            DiagnosticAssert.Message(result, "LNG0101"));
    }

    [Fact]
    public void AConnectionTablesErrorDoesNotHideTheWidthBeforeThePrototypes() => DiagnosticAssert.Exactly(Usings + """
        [Network(Input = "1x32x32")]
        [Conv(6, Kernel = 5, Activation = Act.ScaledTanh)]
        [Pool(PoolKind.Subsample, 2, Activation = Act.ScaledTanh)]
        [Conv(16, Kernel = 5, Activation = Act.ScaledTanh, Connections = {|LNG0103:"X...XXX..XXXX.XX/XX...XXX..XXXX.X/XXX...XXX..XXXX./.XXX..XXXX..XXXX/..XXX..XXXX.XXXX"|})]
        [Pool(PoolKind.Subsample, 2, Activation = Act.ScaledTanh)]
        [Conv(120, Kernel = 5, Activation = Act.ScaledTanh)]
        [Dense(80, Activation = Act.ScaledTanh)]
        [RbfOutput(10, Prototypes = {|LNG0107:RbfPrototypes.LeNet5Digits|})]
        public partial class LeNet5 { }
        """);

    [Fact]
    public void AKernelErrorDoesNotHideTheWidthBeforeThePrototypes()
    {
        var result = DiagnosticAssert.Exactly(Usings + """
            [Network(Input = "1x28x28")]
            [Conv(6, Kernel = 5, Activation = Act.ScaledTanh)]
            [Pool(PoolKind.Subsample, 2, Activation = Act.ScaledTanh)]
            [Conv(16, Kernel = 5, Activation = Act.ScaledTanh)]
            [Pool(PoolKind.Subsample, 2, Activation = Act.ScaledTanh)]
            [Conv(120, Kernel = {|LNG0101:5|}, Activation = Act.ScaledTanh)]
            [Dense(80, Activation = Act.ScaledTanh)]
            [RbfOutput(10, Prototypes = {|LNG0107:RbfPrototypes.LeNet5Digits|})]
            public partial class LeNet5 { }
            """);
        Assert.Contains("but the layer receives 80 values (input 1x28x28 -> C1 6x24x24 -> S2 6x12x12 -> C3 16x8x8 -> S4 16x4x4 -> F6 80)",
            DiagnosticAssert.Message(result, "LNG0107"));
    }

    [Fact]
    public void TheSameMistakesInAJsonSpecAreAllReported() => DiagnosticAssert.Exactly("", ("LeNet5.lenet.json", """
        { "class": "LeNet5", "input": "1x32x32", "layers": [
            { "kind": "conv", "maps": 6, "kernel": 5 },
            { "kind": "pool", "pooling": "subsample", "window": 2 },
            { "kind": "conv", "maps": 16, "kernel": 5, "connections": {|LNG0103:["XXXXXXXXXXXXXXXX", "XXXXXXXXXXXXXXXX"]|} },
            { "kind": "pool", "pooling": "max", "window": {|LNG0111:3|} },
            { "kind": "conv", "maps": 120, "kernel": {|LNG0101:5|} },
            { "kind": "dense", "units": 80 },
            { "kind": "rbf", "classes": 10, "prototypes": {|LNG0107:"leNet5Digits"|} } ] }
        """));
}
