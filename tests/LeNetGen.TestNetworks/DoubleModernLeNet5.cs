using LeNetGen.Reference;

namespace LeNetGen.TestNetworks;

/// <summary>
/// <see cref="ModernLeNet5"/> in double precision, for finite differences and the curvature pass against the
/// reference: the same declaration with <c>Element = ElementType.Double</c>.
/// </summary>
[Network(Input = "1x32x32", Element = ElementType.Double, Seed = 2024, Init = Init.HeUniform)]
[Conv(6, Kernel = 5, Activation = Act.Relu)]        // C1
[Pool(PoolKind.Max, 2)]                             // S2
[Conv(16, Kernel = 5, Activation = Act.Relu)]       // C3
[Pool(PoolKind.Max, 2)]                             // S4
[Conv(120, Kernel = 5, Activation = Act.Relu)]      // C5
[Dense(84, Activation = Act.Relu)]                  // F6
[SoftmaxOutput(10)]                                 // OUTPUT
public partial class DoubleModernLeNet5 : IReferenceSpec
{
    public static ReferenceNetwork Reference { get; } = new(new Shape(1, 32, 32),
        new ConvLayer(6, 5, 5, Activation: Act.Relu),
        new PoolLayer(PoolKind.Max, 2),
        new ConvLayer(16, 5, 5, Activation: Act.Relu),
        new PoolLayer(PoolKind.Max, 2),
        new ConvLayer(120, 5, 5, Activation: Act.Relu),
        new DenseLayer(84, Act.Relu),
        new SoftmaxHead(10));
}
