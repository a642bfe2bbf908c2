using LeNetGen.Reference;

namespace LeNetGen.Runtime.Tests.Networks;

/// <summary>
/// In double precision: a full connection table written out, padding 1 with a 2x2 kernel, overlapping max (3, stride 1)
/// and average (3, stride 2) pooling, an RBF head with fixed random codes. Unroll: Full, Maps.
/// </summary>
[Network(Input = "2x8x8", Element = ElementType.Double, Seed = 77)]
[Conv(3, Kernel = 2, Padding = 1, Connections = "XXX/XXX", Activation = Act.Sigmoid, Unroll = Unroll.Full)] // C1 3@9x9
[Pool(PoolKind.Max, 3, Stride = 1, Unroll = Unroll.Full)]                                                   // S2 3@7x7
[Pool(PoolKind.Average, 3, Stride = 2, Activation = Act.Relu, Unroll = Unroll.Maps)]                        // S3 3@3x3
[Dense(6, Activation = Act.Tanh, Unroll = Unroll.Maps)]                                                     // F4 6
[RbfOutput(4, Prototypes = RbfPrototypes.RandomCodes, Unroll = Unroll.Maps)]                                // Output 4
public partial class OverlapNet : IReferenceSpec
{
    public static ReferenceNetwork Reference { get; } = new(new Shape(2, 8, 8),
        new ConvLayer(3, 2, 2, Padding: 1, Table: PaperTables.Parse("XXX/XXX"), Activation: Act.Sigmoid),
        new PoolLayer(PoolKind.Max, 3, Stride: 1),
        new PoolLayer(PoolKind.Average, 3, Stride: 2, Activation: Act.Relu),
        new DenseLayer(6, Act.Tanh),
        new RbfHead(4, RbfPrototypeValues.Create<double>(RbfPrototypes.RandomCodes, 4, 6, DefaultSeed)));
}
