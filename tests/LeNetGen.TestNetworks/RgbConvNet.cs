using LeNetGen.Reference;

namespace LeNetGen.TestNetworks;

/// <summary>
/// A 3-channel input; a rectangular 3x5 kernel with padding 2; average pooling; a square kernel with stride 2 and
/// padding 1; tanh, sigmoid, relu; a softmax head. Unroll: Window, Kernel.
/// </summary>
[Network(Input = "3x12x10", Seed = 31, Init = Init.LeCunUniform)]
[Conv(4, KernelHeight = 3, KernelWidth = 5, Padding = 2, Activation = Act.Tanh, Unroll = Unroll.Window)]  // C1 4@14x10
[Pool(PoolKind.Average, 2, Activation = Act.Sigmoid, Unroll = Unroll.Window)]                          // S2 4@7x5
[Conv(6, Kernel = 3, Stride = 2, Padding = 1, Activation = Act.Relu, Unroll = Unroll.Kernel)]          // C3 6@4x3
[Dense(8, Activation = Act.Sigmoid, Unroll = Unroll.Window)]                                           // F4 8
[SoftmaxOutput(5, Unroll = Unroll.Kernel)]                                                             // Output 5
public partial class RgbConvNet : IReferenceSpec
{
    public static ReferenceNetwork Reference { get; } = new(new Shape(3, 12, 10),
        new ConvLayer(4, 3, 5, Padding: 2, Activation: Act.Tanh),
        new PoolLayer(PoolKind.Average, 2, Activation: Act.Sigmoid),
        new ConvLayer(6, 3, 3, Stride: 2, Padding: 1, Activation: Act.Relu),
        new DenseLayer(8, Act.Sigmoid),
        new SoftmaxHead(5));
}
