using System.Collections.Generic;
using LeNetGen.Reference;
using LeNetGen.TestNetworks.Infrastructure;
using Xunit;

namespace LeNetGen.Networks.Tests;

/// <summary>The generated sizes, shapes and parameter blocks against the layout the reference works out on its own.</summary>
public sealed class LayoutTests
{
    [Theory]
    [MemberData(nameof(NetworkCases.Names), MemberType = typeof(NetworkCases))]
    public void ParameterBlocksFollowTheLayout(string network)
    {
        NetworkCase net = NetworkCases.Get(network);
        ReferenceNetwork reference = net.Reference;
        var wrong = new List<string>();
        foreach (ParameterBlock block in reference.ParameterBlocks)
        {
            string name = block.Layer + block.Kind;
            int? offset = net.Constant(name + "Offset"), length = net.Constant(name + "Length");
            if (offset != block.Offset || length != block.Length)
                wrong.Add($"{name}: generated offset {offset?.ToString() ?? "none"}, length {length?.ToString() ?? "none"}; reference offset {block.Offset}, length {block.Length}");
        }
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
        Assert.Equal(reference.ParameterCount, net.ParameterCount);
        Assert.Equal(reference.FixedValueCount == 0 ? null : reference.FixedValueCount, net.Constant("FixedValueCount"));
    }

    [Theory]
    [MemberData(nameof(NetworkCases.Names), MemberType = typeof(NetworkCases))]
    public void ShapesMatchTheReference(string network)
    {
        NetworkCase net = NetworkCases.Get(network);
        ReferenceNetwork reference = net.Reference;
        Assert.Equal(reference.Input.Size, net.InputSize);
        Assert.Equal(reference.OutputSize, net.OutputSize);
        for (int i = 0; i < reference.Layers.Count; i++)
        {
            string name = reference.Names[i];
            Shape shape = reference.OutputShapes[i];
            switch (reference.Layers[i])
            {
                case ConvLayer or PoolLayer:
                    Assert.Equal((name, shape.Maps, shape.Height, shape.Width),
                        (name, net.RequiredConstant(name + "Maps"), net.RequiredConstant(name + "Height"), net.RequiredConstant(name + "Width")));
                    break;
                case DenseLayer:
                    Assert.Equal((name, shape.Maps), (name, net.RequiredConstant(name + "Units")));
                    break;
                default:
                    Assert.Equal((name, shape.Maps), (name, net.RequiredConstant("OutputClasses")));
                    break;
            }
        }
    }

    [Theory]
    [MemberData(nameof(NetworkCases.Names), MemberType = typeof(NetworkCases))]
    public void HeadMatchesTheLastLayer(string network)
    {
        NetworkCase net = NetworkCases.Get(network);
        OutputHead expected = net.Reference.Layers[^1] is RbfHead ? OutputHead.Rbf : OutputHead.Softmax;
        Assert.Equal(expected, net.Head);
    }
}
