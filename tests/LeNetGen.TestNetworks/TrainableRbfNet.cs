using LeNetGen.Reference;

namespace LeNetGen.TestNetworks;

/// <summary>
/// Trainable RBF prototypes (random codes to start) in the parameter buffer; overlapping subsampling without activation;
/// an identity dense layer. Unroll: Kernel, Full.
/// </summary>
[Network(Input = "1x6x6", Seed = 3, Init = Init.LeCunUniform)]
[Conv(2, Kernel = 3, Activation = Act.Relu, Unroll = Unroll.Kernel)]                                   // C1 2@4x4
[Pool(PoolKind.Subsample, 2, Stride = 1, Unroll = Unroll.Kernel)]                                      // S2 2@3x3
[Dense(5, Unroll = Unroll.Full)]                                                                       // F3 5
[RbfOutput(3, Prototypes = RbfPrototypes.RandomCodes, Trainable = true, Unroll = Unroll.Kernel)]       // Output 3
public partial class TrainableRbfNet : IReferenceSpec
{
    public static ReferenceNetwork Reference { get; } = new(new Shape(1, 6, 6),
        new ConvLayer(2, 3, 3, Activation: Act.Relu),
        new PoolLayer(PoolKind.Subsample, 2, Stride: 1),
        new DenseLayer(5),
        new RbfHead(3, RbfPrototypeValues.Create<double>(RbfPrototypes.RandomCodes, 3, 5, DefaultSeed), Trainable: true));
}
