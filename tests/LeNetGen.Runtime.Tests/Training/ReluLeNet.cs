namespace LeNetGen.Runtime.Tests.Training;

/// <summary>
/// PyTorch's CIFAR-10 tutorial net on one channel: ReLU convolutions and dense layers, 2x2 max pooling, a softmax head.
/// No Init: the default rule per activation.
/// </summary>
[Network(Input = "1x32x32", Seed = 13)]
[Conv(6, Kernel = 5, Activation = Act.Relu)]
[Pool(PoolKind.Max, 2)]
[Conv(16, Kernel = 5, Activation = Act.Relu)]
[Pool(PoolKind.Max, 2)]
[Dense(120, Activation = Act.Relu)]
[Dense(84, Activation = Act.Relu)]
[SoftmaxOutput(10)]
public partial class ReluLeNet
{
}
