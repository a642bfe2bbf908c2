using LeNetGen.Reference;

namespace LeNetGen.TestNetworks;

/// <summary>
/// Pooling in PyTorch's ceil mode on odd sizes, at every unroll depth: max pool 2x2 on 2x17x15 gives 2x9x8, its last
/// row and column of windows clipped to one input row and column (the corner window is one cell); average pool 3 stride
/// 2 on 8x7 gives 4x3, its last row of windows clipped to 2 rows and divided by the 6 cells they cover; max pool 2
/// stride 3 on 4x3 gives 2x1, the last row's window clipped to 1 row, and in width the window that would start at the
/// input's end left out (PyTorch's rule: ceil gives 2, one fewer), so 1 column stays unread (LNG0111, silenced in this
/// project). PyTorch: MaxPool2d(2, ceil_mode=True), AvgPool2d(3, 2, ceil_mode=True), MaxPool2d(2, 3, ceil_mode=True).
/// </summary>
[Network(Input = "2x17x15", Element = ElementType.Double, Seed = 37, Init = Init.LeCunUniform)]
[Pool(PoolKind.Max, 2, CeilMode = true, Unroll = Unroll.Maps)]                                        // S1 2@9x8
[Conv(3, Kernel = 2, Activation = Act.Relu)]                                                          // C2 3@8x7
[Pool(PoolKind.Average, 3, Stride = 2, CeilMode = true, Activation = Act.Tanh, Unroll = Unroll.Window)] // S3 3@4x3
[Pool(PoolKind.Max, 2, Stride = 3, CeilMode = true, Activation = Act.Sigmoid, Unroll = Unroll.Full)]  // S4 3@2x1
[Dense(4, Activation = Act.Sigmoid)]                                                                  // F5 4
[SoftmaxOutput(3)]                                                                                    // Output 3
public partial class CeilPoolNet : IReferenceSpec
{
    public static ReferenceNetwork Reference { get; } = new(new Shape(2, 17, 15),
        new PoolLayer(PoolKind.Max, 2, CeilMode: true),
        new ConvLayer(3, 2, 2, Activation: Act.Relu),
        new PoolLayer(PoolKind.Average, 3, Stride: 2, Activation: Act.Tanh, CeilMode: true),
        new PoolLayer(PoolKind.Max, 2, Stride: 3, Activation: Act.Sigmoid, CeilMode: true),
        new DenseLayer(4, Act.Sigmoid),
        new SoftmaxHead(3));
}
