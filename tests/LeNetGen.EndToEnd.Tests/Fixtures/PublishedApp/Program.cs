using System;
using LeNetGen;

var network = new Small();
Console.WriteLine($"predicted class (untrained): {network.Predict(new float[Small.InputSize], new Small.Workspace())}");

[Network(Input = "1x12x12")]
[Conv(4, Kernel = 5, Activation = Act.Relu)]
[Pool(PoolKind.Max, 2)]
[SoftmaxOutput(10)]
public partial class Small { }
