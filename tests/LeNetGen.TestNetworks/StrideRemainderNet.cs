using LeNetGen.Reference;

namespace LeNetGen.TestNetworks;

/// <summary>
/// Strides that leave rows or columns after the last window (LNG0111, a warning the project silences): the output side
/// is floor((H + 2P - K) / S) + 1 and the rest is ignored. Also subsampling unrolled by maps.
/// </summary>
[Network(Input = "2x9x8", Seed = 9, Init = Init.LeCunUniform)]
[Conv(3, Kernel = 3, Stride = 2, Padding = 1, Activation = Act.Relu)]                           // C1 3@5x4 (1 column left)
[Pool(PoolKind.Subsample, 2, Stride = 1, Activation = Act.Sigmoid, Unroll = Unroll.Maps)]      // S2 3@4x3
[Conv(2, Kernel = 2, Stride = 2, Activation = Act.Tanh, Unroll = Unroll.Full)]                 // C3 2@2x1 (1 column left)
[Dense(4, Activation = Act.Sigmoid)]                                                           // F4 4
[SoftmaxOutput(2)]                                                                             // Output 2
public partial class StrideRemainderNet : IReferenceSpec
{
    public static ReferenceNetwork Reference { get; } = new(new Shape(2, 9, 8),
        new ConvLayer(3, 3, 3, Stride: 2, Padding: 1, Activation: Act.Relu),
        new PoolLayer(PoolKind.Subsample, 2, Stride: 1, Activation: Act.Sigmoid),
        new ConvLayer(2, 2, 2, Stride: 2, Activation: Act.Tanh),
        new DenseLayer(4, Act.Sigmoid),
        new SoftmaxHead(2));
}
