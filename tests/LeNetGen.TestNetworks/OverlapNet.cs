using LeNetGen.Reference;

namespace LeNetGen.TestNetworks;

/// <summary>
/// In double precision: a full connection table written out, padding 1 with a 2x2 kernel, overlapping max (3, stride 1)
/// and average (4, stride 2) pooling, an RBF head with fixed random codes. Unroll: Full (kept under LNG0301's budget), Maps.
/// </summary>
[Network(Input = "2x7x7", Element = ElementType.Double, Seed = 77, Init = Init.LeCunUniform)]
[Conv(3, Kernel = 2, Padding = 1, Connections = "XXX/XXX", Activation = Act.Sigmoid, Unroll = Unroll.Full)] // C1 3@8x8
[Pool(PoolKind.Max, 3, Stride = 1, Unroll = Unroll.Full)]                                                   // S2 3@6x6
[Pool(PoolKind.Average, 4, Stride = 2, Activation = Act.Relu, Unroll = Unroll.Maps)]                        // S3 3@2x2
[Dense(6, Activation = Act.Tanh, Unroll = Unroll.Maps)]                                                     // F4 6
[RbfOutput(4, Prototypes = RbfPrototypes.RandomCodes, Unroll = Unroll.Maps)]                                // Output 4
public partial class OverlapNet : IReferenceSpec
{
    public static ReferenceNetwork Reference { get; } = new(new Shape(2, 7, 7),
        new ConvLayer(3, 2, 2, Padding: 1, Table: PaperTables.Parse("XXX/XXX"), Activation: Act.Sigmoid),
        new PoolLayer(PoolKind.Max, 3, Stride: 1),
        new PoolLayer(PoolKind.Average, 4, Stride: 2, Activation: Act.Relu),
        new DenseLayer(6, Act.Tanh),
        new RbfHead(4, RbfPrototypeValues.Create<double>(RbfPrototypes.RandomCodes, 4, 6, DefaultSeed)));
}
