namespace LeNetGen.Runtime.Tests.Training;

/// <summary>
/// The d2l.ai LeNet (Dive into Deep Learning, section 7.6): sigmoid convolutions and dense layers, average pooling, a
/// softmax head, on the 32x32 padded digits (d2l pads 28x28 by 2 in C1). No Init: the default rule per activation.
/// </summary>
[Network(Input = "1x32x32", Seed = 11)]
[Conv(6, Kernel = 5, Activation = Act.Sigmoid)]
[Pool(PoolKind.Average, 2)]
[Conv(16, Kernel = 5, Activation = Act.Sigmoid)]
[Pool(PoolKind.Average, 2)]
[Dense(120, Activation = Act.Sigmoid)]
[Dense(84, Activation = Act.Sigmoid)]
[SoftmaxOutput(10)]
public partial class SigmoidLeNet
{
}
