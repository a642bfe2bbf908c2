using LeNetGen.Reference;

namespace LeNetGen.TestNetworks;

/// <summary>
/// Edges, in double precision: pooling straight on the input; a stride larger than the kernel with padding as wide as
/// the kernel, so the corner windows see only zeros (their sums are the biases); a 1x1 kernel.
/// </summary>
[Network(Input = "2x7x7", Element = ElementType.Double, Seed = 4, Init = Init.LeCunUniform)]
[Pool(PoolKind.Average, 3, Stride = 2)]                                                     // S1 2@3x3
[Conv(3, Kernel = 2, Stride = 3, Padding = 2, Activation = Act.Sigmoid, Unroll = Unroll.Kernel)] // C2 3@2x2
[Conv(4, Kernel = 1, Unroll = Unroll.Window)]                                               // C3 4@2x2
[Dense(3, Activation = Act.Relu)]                                                           // F4 3
[RbfOutput(3, Prototypes = RbfPrototypes.RandomCodes, Unroll = Unroll.Full)]                // Output 3
public partial class EdgeNet : IReferenceSpec
{
    public static ReferenceNetwork Reference { get; } = new(new Shape(2, 7, 7),
        new PoolLayer(PoolKind.Average, 3, Stride: 2),
        new ConvLayer(3, 2, 2, Stride: 3, Padding: 2, Activation: Act.Sigmoid),
        new ConvLayer(4, 1, 1),
        new DenseLayer(3, Act.Relu),
        new RbfHead(3, RbfPrototypeValues.Create<double>(RbfPrototypes.RandomCodes, 3, 3, DefaultSeed)));
}
