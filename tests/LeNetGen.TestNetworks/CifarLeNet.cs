namespace LeNetGen.TestNetworks;

/// <summary>
/// The network of PyTorch's CIFAR-10 tutorial ("Training a classifier"): 3x32x32 colour images, conv 6@5x5, 2x2 max
/// pooling, conv 16@5x5, 2x2 max pooling, dense 120 and 84, ReLU throughout, a softmax over 10 classes. No Init: the
/// default rule per activation (He's for ReLU).
/// </summary>
[Network(Input = "3x32x32", Seed = 10)]
[Conv(6, Kernel = 5, Activation = Act.Relu)]        // 6@28x28
[Pool(PoolKind.Max, 2)]                             // 6@14x14
[Conv(16, Kernel = 5, Activation = Act.Relu)]       // 16@10x10
[Pool(PoolKind.Max, 2)]                             // 16@5x5
[Dense(120, Activation = Act.Relu)]
[Dense(84, Activation = Act.Relu)]
[SoftmaxOutput(10)]
public partial class CifarLeNet
{
}
