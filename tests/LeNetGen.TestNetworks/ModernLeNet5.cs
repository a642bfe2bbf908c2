using LeNetGen.Reference;

namespace LeNetGen.TestNetworks;

/// <summary>
/// LeNet-5 as it is usually trained today: full C3, max pooling, ReLU, a softmax head for cross-entropy (the samples'
/// declaration).
/// </summary>
[Network(Input = "1x32x32", Seed = 2024, Init = Init.HeUniform)]
[Conv(6, Kernel = 5, Activation = Act.Relu)]        // C1
[Pool(PoolKind.Max, 2)]                             // S2
[Conv(16, Kernel = 5, Activation = Act.Relu)]       // C3
[Pool(PoolKind.Max, 2)]                             // S4
[Conv(120, Kernel = 5, Activation = Act.Relu)]      // C5
[Dense(84, Activation = Act.Relu)]                  // F6
[SoftmaxOutput(10)]                                 // OUTPUT
public partial class ModernLeNet5 : IReferenceSpec
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
