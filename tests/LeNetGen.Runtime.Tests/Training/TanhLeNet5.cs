namespace LeNetGen.Runtime.Tests.Training;

/// <summary>LeNet-5 with full C3, average pooling, tanh and a softmax head (the modern variant the peers benchmark).</summary>
[Network(Input = "1x32x32", Seed = 7, Init = Init.XavierUniform)]
[Conv(6, Kernel = 5, Activation = Act.Tanh)]
[Pool(PoolKind.Average, 2)]
[Conv(16, Kernel = 5, Activation = Act.Tanh)]
[Pool(PoolKind.Average, 2)]
[Conv(120, Kernel = 5, Activation = Act.Tanh)]
[Dense(84, Activation = Act.Tanh)]
[SoftmaxOutput(10)]
public partial class TanhLeNet5
{
}
