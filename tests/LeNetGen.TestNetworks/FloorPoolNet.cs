using LeNetGen.Reference;

namespace LeNetGen.TestNetworks;

/// <summary>
/// Pooling by PyTorch's floor rule, windows that overlap and leave a remainder (LNG0111, silenced in this project):
/// max pool 3 stride 2 on 4x30x26 gives 4x14x12 as PyTorch's MaxPool2d(3, 2) does; then average pooling 3 stride 2
/// (1 row and 1 column left) and LeNet-5's trainable subsampling 2x2 on an odd height (1 row left).
/// </summary>
[Network(Input = "4x30x26", Element = ElementType.Double, Seed = 31, Init = Init.LeCunUniform)]
[Pool(PoolKind.Max, 3, Stride = 2, Unroll = Unroll.Maps)]                           // S1 4@14x12 (1 row, 1 column left)
[Conv(3, Kernel = 3, Activation = Act.Relu)]                                        // C2 3@12x10
[Pool(PoolKind.Average, 3, Stride = 2, Activation = Act.Tanh)]                      // S3 3@5x4 (1 row, 1 column left)
[Pool(PoolKind.Subsample, 2, Activation = Act.Sigmoid, Unroll = Unroll.Full)]       // S4 3@2x2 (1 row left)
[Dense(5, Activation = Act.Sigmoid)]                                                // F5 5
[SoftmaxOutput(3)]                                                                  // Output 3
public partial class FloorPoolNet : IReferenceSpec
{
    public static ReferenceNetwork Reference { get; } = new(new Shape(4, 30, 26),
        new PoolLayer(PoolKind.Max, 3, Stride: 2),
        new ConvLayer(3, 3, 3, Activation: Act.Relu),
        new PoolLayer(PoolKind.Average, 3, Stride: 2, Activation: Act.Tanh),
        new PoolLayer(PoolKind.Subsample, 2, Activation: Act.Sigmoid),
        new DenseLayer(5, Act.Sigmoid),
        new SoftmaxHead(3));
}
