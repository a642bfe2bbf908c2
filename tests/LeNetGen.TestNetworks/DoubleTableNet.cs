using LeNetGen.Reference;

namespace LeNetGen.TestNetworks;

/// <summary>
/// In double precision, what the other double networks lack: partial connection tables, subsampling with stride =
/// window and overlapping, an identity dense layer, trainable RBF prototypes. Unroll: Window, Kernel, Full, Maps.
/// </summary>
[Network(Input = "2x8x8", Element = ElementType.Double, Seed = 21, Init = Init.LeCunUniform)]
[Conv(3, Kernel = 3, Connections = "XX./.XX", Activation = Act.Relu, Unroll = Unroll.Window)]        // C1 3@6x6
[Pool(PoolKind.Subsample, 2, Activation = Act.ScaledTanh, Unroll = Unroll.Kernel)]                 // S2 3@3x3
[Pool(PoolKind.Subsample, 2, Stride = 1, Activation = Act.Sigmoid, Unroll = Unroll.Full)]          // S3 3@2x2
[Conv(4, Kernel = 2, Connections = "X.XX/XX.X/.XXX", Unroll = Unroll.Maps)]                        // C4 4@1x1
[Dense(5, Unroll = Unroll.Window)]                                                                 // F5 5
[RbfOutput(3, Prototypes = RbfPrototypes.RandomCodes, Trainable = true, Unroll = Unroll.Maps)]     // Output 3
public partial class DoubleTableNet : IReferenceSpec
{
    public static ReferenceNetwork Reference { get; } = new(new Shape(2, 8, 8),
        new ConvLayer(3, 3, 3, Table: PaperTables.Parse("XX./.XX"), Activation: Act.Relu),
        new PoolLayer(PoolKind.Subsample, 2, Activation: Act.ScaledTanh),
        new PoolLayer(PoolKind.Subsample, 2, Stride: 1, Activation: Act.Sigmoid),
        new ConvLayer(4, 2, 2, Table: PaperTables.Parse("X.XX/XX.X/.XXX")),
        new DenseLayer(5),
        new RbfHead(3, RbfPrototypeValues.Create<double>(RbfPrototypes.RandomCodes, 3, 5, DefaultSeed), Trainable: true));
}
