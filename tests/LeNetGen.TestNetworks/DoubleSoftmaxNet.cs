using LeNetGen.Reference;

namespace LeNetGen.TestNetworks;

/// <summary>
/// In double precision: 3 channels, a tall 4x2 kernel with padding 1, max pooling, a wide 3x4 kernel covering its whole
/// input, a softmax head. Unroll: Maps, Window, Kernel, Full.
/// </summary>
[Network(Input = "3x7x7", Element = ElementType.Double, Seed = 12, Init = Init.LeCunUniform)]
[Conv(4, KernelHeight = 4, KernelWidth = 2, Padding = 1, Activation = Act.ScaledTanh, Unroll = Unroll.Maps)] // C1 4@6x8
[Pool(PoolKind.Max, 2, Unroll = Unroll.Maps)]                                                                // S2 4@3x4
[Conv(5, KernelHeight = 3, KernelWidth = 4, Activation = Act.Tanh, Unroll = Unroll.Window)]                  // C3 5@1x1
[Dense(7, Activation = Act.Relu, Unroll = Unroll.Kernel)]                                                    // F4 7
[SoftmaxOutput(3, Unroll = Unroll.Full)]                                                                     // Output 3
public partial class DoubleSoftmaxNet : IReferenceSpec
{
    public static ReferenceNetwork Reference { get; } = new(new Shape(3, 7, 7),
        new ConvLayer(4, 4, 2, Padding: 1, Activation: Act.ScaledTanh),
        new PoolLayer(PoolKind.Max, 2),
        new ConvLayer(5, 3, 4, Activation: Act.Tanh),
        new DenseLayer(7, Act.Relu),
        new SoftmaxHead(3));
}
