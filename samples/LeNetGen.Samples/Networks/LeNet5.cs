using LeNetGen;

namespace LeNetGen.Samples.Networks;

/// <summary>LeNet-5 as LeCun, Bottou, Bengio and Haffner (1998) describe it.</summary>
[Network(Input = "1x32x32", Seed = 1998, Init = Init.LeCunUniform)]
[Conv(6, Kernel = 5, Activation = Act.ScaledTanh)]                                           // C1
[Pool(PoolKind.Subsample, 2, Activation = Act.ScaledTanh)]                                   // S2
[Conv(16, Kernel = 5, Connections = ConnectionTables.LeNet5C3, Activation = Act.ScaledTanh)] // C3
[Pool(PoolKind.Subsample, 2, Activation = Act.ScaledTanh)]                                   // S4
[Conv(120, Kernel = 5, Activation = Act.ScaledTanh)]                                         // C5
[Dense(84, Activation = Act.ScaledTanh)]                                                     // F6
[RbfOutput(10, Prototypes = RbfPrototypes.LeNet5Digits)]                                     // OUTPUT
public partial class LeNet5
{
}
