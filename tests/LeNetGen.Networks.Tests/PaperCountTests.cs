using LeNetGen.TestNetworks;
using Xunit;

namespace LeNetGen.Networks.Tests;

/// <summary>Parameter counts of both LeNet-5s against the paper (and LENET5.md), read from the generated per-layer constants.</summary>
public sealed class PaperCountTests
{
    [Fact]
    public void ClassicLeNet5HasThePapersCounts()
    {
        int c1 = ClassicLeNet5.C1WeightsLength + ClassicLeNet5.C1BiasesLength;
        int s2 = ClassicLeNet5.S2CoefficientsLength + ClassicLeNet5.S2BiasesLength;
        int c3 = ClassicLeNet5.C3WeightsLength + ClassicLeNet5.C3BiasesLength;
        int s4 = ClassicLeNet5.S4CoefficientsLength + ClassicLeNet5.S4BiasesLength;
        int c5 = ClassicLeNet5.C5WeightsLength + ClassicLeNet5.C5BiasesLength;
        int f6 = ClassicLeNet5.F6WeightsLength + ClassicLeNet5.F6BiasesLength;
        Assert.Equal((156, 12, 1_516, 32, 48_120, 10_164), (c1, s2, c3, s4, c5, f6));
        // The RBF output trains nothing: its 840 prototype values are fixed, outside the parameter buffer.
        Assert.Equal(0, ClassicLeNet5.ParameterCount - (c1 + s2 + c3 + s4 + c5 + f6));
        Assert.Equal(840, ClassicLeNet5.FixedValueCount);
        Assert.Equal(60_000, ClassicLeNet5.ParameterCount);
    }

    [Fact]
    public void ModernLeNet5HasFullC3AndASoftmaxHead()
    {
        int c1 = ModernLeNet5.C1WeightsLength + ModernLeNet5.C1BiasesLength;
        int c3 = ModernLeNet5.C3WeightsLength + ModernLeNet5.C3BiasesLength;
        int c5 = ModernLeNet5.C5WeightsLength + ModernLeNet5.C5BiasesLength;
        int f6 = ModernLeNet5.F6WeightsLength + ModernLeNet5.F6BiasesLength;
        int output = ModernLeNet5.OutputWeightsLength + ModernLeNet5.OutputBiasesLength;
        Assert.Equal((156, 2_416, 48_120, 10_164, 850), (c1, c3, c5, f6, output));
        Assert.Equal(61_706, ModernLeNet5.ParameterCount);
        Assert.Equal(ModernLeNet5.ParameterCount, c1 + c3 + c5 + f6 + output); // max pooling has no parameters
    }
}
