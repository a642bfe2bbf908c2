using LeNetGen.Reference;

namespace LeNetGen.TestNetworks;

/// <summary>
/// <see cref="ClassicLeNet5"/> in double precision, for finite differences and the curvature pass against the
/// reference: the same declaration with <c>Element = ElementType.Double</c>.
/// </summary>
[Network(Input = "1x32x32", Element = ElementType.Double, Seed = 1998, Init = Init.LeCunUniform)]
[Conv(6, Kernel = 5, Activation = Act.ScaledTanh)]                                           // C1
[Pool(PoolKind.Subsample, 2, Activation = Act.ScaledTanh)]                                   // S2
[Conv(16, Kernel = 5, Connections = ConnectionTables.LeNet5C3, Activation = Act.ScaledTanh)] // C3
[Pool(PoolKind.Subsample, 2, Activation = Act.ScaledTanh)]                                   // S4
[Conv(120, Kernel = 5, Activation = Act.ScaledTanh)]                                         // C5
[Dense(84, Activation = Act.ScaledTanh)]                                                     // F6
[RbfOutput(10, Prototypes = RbfPrototypes.LeNet5Digits)]                                     // OUTPUT
public partial class DoubleClassicLeNet5 : IReferenceSpec
{
    public static ReferenceNetwork Reference { get; } = new(new Shape(1, 32, 32),
        new ConvLayer(6, 5, 5, Activation: Act.ScaledTanh),
        new PoolLayer(PoolKind.Subsample, 2, Activation: Act.ScaledTanh),
        new ConvLayer(16, 5, 5, Table: PaperTables.LeNet5C3(), Activation: Act.ScaledTanh),
        new PoolLayer(PoolKind.Subsample, 2, Activation: Act.ScaledTanh),
        new ConvLayer(120, 5, 5, Activation: Act.ScaledTanh),
        new DenseLayer(84, Act.ScaledTanh),
        new RbfHead(10, RbfPrototypeValues.Create<double>(RbfPrototypes.LeNet5Digits, 10, 84, DefaultSeed)));
}
