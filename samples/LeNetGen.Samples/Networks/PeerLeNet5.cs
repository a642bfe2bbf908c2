using LeNetGen;

namespace LeNetGen.Samples.Networks;

/// <summary>
/// The network of the peer benchmark, ../shared/peers/TorchSharpLeNet ("modern-classic" LeNet-5), layer for layer:
/// Conv2d(1,6,5), tanh, AvgPool2d(2), Conv2d(6,16,5) (full, no table), tanh, AvgPool2d(2), Conv2d(16,120,5), tanh,
/// Linear(120,84), tanh, Linear(84,10) with softmax cross-entropy: 61,706 parameters, as TorchSharp counts them.
/// Declared here so that `bench` and the side-by-side run compare like for like.
/// </summary>
/// <remarks>
/// Average pooling has no parameters and no activation, as PyTorch's AvgPool2d. The initialization differs from
/// PyTorch's default (uniform in +-1/sqrt(fan-in)); Glorot's uniform is the nearest the spec offers, and speed does not
/// depend on the weights.
/// </remarks>
[Network(Input = "1x32x32", Seed = 1234, Init = Init.XavierUniform)]
[Conv(6, Kernel = 5, Activation = Act.Tanh)]        // C1
[Pool(PoolKind.Average, 2)]                         // S2
[Conv(16, Kernel = 5, Activation = Act.Tanh)]       // C3
[Pool(PoolKind.Average, 2)]                         // S4
[Conv(120, Kernel = 5, Activation = Act.Tanh)]      // C5
[Dense(84, Activation = Act.Tanh)]                  // F6
[SoftmaxOutput(10)]                                 // OUTPUT
public partial class PeerLeNet5
{
}
