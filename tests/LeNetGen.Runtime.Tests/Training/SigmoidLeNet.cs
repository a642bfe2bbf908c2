namespace LeNetGen.Runtime.Tests.Training;

/// <summary>
/// The d2l.ai LeNet ("Dive into Deep Learning", section 7.6): sigmoid convolutions (the first padded to keep 28x28),
/// 2x2 average pooling, sigmoid dense layers of 120 and 84 units, a softmax head of 10. No Init: the default rule per
/// activation (Glorot's for sigmoid).
/// </summary>
[Network(Input = "1x28x28", Seed = 17)]
[Conv(6, Kernel = 5, Padding = 2, Activation = Act.Sigmoid)]
[Pool(PoolKind.Average, 2)]
[Conv(16, Kernel = 5, Activation = Act.Sigmoid)]
[Pool(PoolKind.Average, 2)]
[Dense(120, Activation = Act.Sigmoid)]
[Dense(84, Activation = Act.Sigmoid)]
[SoftmaxOutput(10)]
public partial class SigmoidLeNet
{
}

/// <summary>The same network under LeCun's rule, the former default, for comparison.</summary>
[Network(Input = "1x28x28", Seed = 17, Init = Init.LeCunUniform)]
[Conv(6, Kernel = 5, Padding = 2, Activation = Act.Sigmoid)]
[Pool(PoolKind.Average, 2)]
[Conv(16, Kernel = 5, Activation = Act.Sigmoid)]
[Pool(PoolKind.Average, 2)]
[Dense(120, Activation = Act.Sigmoid)]
[Dense(84, Activation = Act.Sigmoid)]
[SoftmaxOutput(10)]
public partial class SigmoidLeNetLeCun
{
}
