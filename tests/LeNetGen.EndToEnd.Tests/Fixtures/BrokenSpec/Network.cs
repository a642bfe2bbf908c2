using LeNetGen;

namespace BrokenSpec;

// MNIST's 28x28 digits without the paper's padding to 32x32: by C5 the maps are 4x4, too small for a 5x5 kernel.
[Network(Input = "1x28x28")]
[Conv(6, Kernel = 5, Activation = Act.ScaledTanh)]
[Pool(PoolKind.Subsample, 2, Activation = Act.ScaledTanh)]
[Conv(16, Kernel = 5, Connections = ConnectionTables.LeNet5C3, Activation = Act.ScaledTanh)]
[Pool(PoolKind.Subsample, 2, Activation = Act.ScaledTanh)]
[Conv(120, Kernel = 5, Activation = Act.ScaledTanh)]
[Dense(84, Activation = Act.ScaledTanh)]
[RbfOutput(10)]
public partial class LeNet5OnRawMnist { }

// Two networks whose stride leaves a row unread (warning LNG0111): the first has it suppressed in source.
[Network(Input = "1x8x8")]
#pragma warning disable LNG0111 // the last row is left out on purpose
[Conv(2, Kernel = 3, Stride = 2)]
#pragma warning restore LNG0111
[SoftmaxOutput(10)]
public partial class Quiet { }

[Network(Input = "1x8x8")]
[Conv(2, Kernel = 3, Stride = 2)]
[SoftmaxOutput(10)]
public partial class Loud { }
