using LeNetGen.Reference;

namespace LeNetGen.TestNetworks;

/// <summary>
/// A small LeNet-5: subsampling with stride = window and overlapping (stride 1); a partial connection table whose
/// output maps read 1, 2 or 3 input maps; an identity conv; a kernel covering its whole input (C5); F6 of 84 units into
/// the RBF head with LeNet-5's fixed digit prototypes. Unroll: Maps, Window, Full.
/// </summary>
[Network(Input = "1x16x16", Seed = 5, Init = Init.LeCunUniform)]
[Conv(4, Kernel = 5, Activation = Act.ScaledTanh, Unroll = Unroll.Maps)]                           // C1 4@12x12
[Pool(PoolKind.Subsample, 2, Activation = Act.ScaledTanh, Unroll = Unroll.Window)]                 // S2 4@6x6
[Conv(6, Kernel = 3, Connections = TableNet.C3Table)]                                              // C3 6@4x4
[Pool(PoolKind.Subsample, 2, Stride = 1, Activation = Act.Tanh, Unroll = Unroll.Full)]             // S4 6@3x3
[Conv(10, Kernel = 3, Activation = Act.ScaledTanh, Unroll = Unroll.Full)]                          // C5 10@1x1
[Dense(84, Activation = Act.ScaledTanh)]                                                           // F6 84
[RbfOutput(10, Prototypes = RbfPrototypes.LeNet5Digits, Unroll = Unroll.Window)]                   // Output 10
public partial class TableNet : IReferenceSpec
{
    // Rows: S2's 4 maps; columns: C3's 6 maps. Map 4 reads one input map, map 5 three, the others two.
    private const string C3Table =
        "XX..X.\n" +
        ".XX..X\n" +
        "..XX.X\n" +
        "X..X.X";

    public static ReferenceNetwork Reference { get; } = new(new Shape(1, 16, 16),
        new ConvLayer(4, 5, 5, Activation: Act.ScaledTanh),
        new PoolLayer(PoolKind.Subsample, 2, Activation: Act.ScaledTanh),
        new ConvLayer(6, 3, 3, Table: PaperTables.Parse(C3Table)),
        new PoolLayer(PoolKind.Subsample, 2, Stride: 1, Activation: Act.Tanh),
        new ConvLayer(10, 3, 3, Activation: Act.ScaledTanh),
        new DenseLayer(84, Act.ScaledTanh),
        new RbfHead(10, RbfPrototypeValues.Create<double>(RbfPrototypes.LeNet5Digits, 10, 84, DefaultSeed)));
}
