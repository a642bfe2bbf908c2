using LeNetGen.Reference;

namespace LeNetGen.TestNetworks;

/// <summary>
/// The JSON-declared network (JsonNet.lenet.json): a 3x2 kernel with padding 1 and a table, max pooling with an
/// activation, a 4x5 kernel covering its whole input, a softmax head. This declaration only adds the reference.
/// </summary>
public partial class JsonNet : IReferenceSpec
{
    public static ReferenceNetwork Reference { get; } = new(new Shape(2, 8, 9),
        new ConvLayer(3, 3, 2, Padding: 1, Table: PaperTables.Parse("XX./.XX"), Activation: Act.ScaledTanh), // 3@8x10
        new PoolLayer(PoolKind.Max, 2, Activation: Act.Sigmoid),                                             // 3@4x5
        new ConvLayer(4, 4, 5, Activation: Act.Relu),                                                        // 4@1x1
        new DenseLayer(6, Act.Tanh),
        new SoftmaxHead(3));
}
