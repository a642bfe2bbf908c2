using LeNetGen.Reference;
using LeNetGen.TestNetworks.Infrastructure;
using Xunit;

namespace LeNetGen.Networks.Tests;

/// <summary>PredictedClass: the largest probability for a softmax head, the smallest penalty for an RBF head.</summary>
public sealed class PredictedClassTests
{
    [Theory]
    [MemberData(nameof(NetworkCases.Names), MemberType = typeof(NetworkCases))]
    public void SoftmaxPicksTheLargestAndRbfTheSmallest(string network)
    {
        NetworkCase net = NetworkCases.Get(network);
        bool rbf = net.Reference.Layers[^1] is RbfHead;
        int classes = net.OutputSize;
        // Distinct values in a scrambled order (7 is prime to every class count used).
        var output = new double[classes];
        for (int k = 0; k < classes; k++) output[k] = 0.5 + 0.01 * (k * 7 % classes);
        int expected = 0;
        for (int k = 1; k < classes; k++)
            if (rbf ? output[k] < output[expected] : output[k] > output[expected]) expected = k;
        Assert.Equal(expected, net.PredictedClass(output));
    }

    [Theory]
    [MemberData(nameof(NetworkCases.Names), MemberType = typeof(NetworkCases))]
    public void ATieGoesToTheFirstClass(string network)
    {
        NetworkCase net = NetworkCases.Get(network);
        var output = new double[net.OutputSize];
        Assert.Equal(0, net.PredictedClass(output));
        bool rbf = net.Reference.Layers[^1] is RbfHead;
        for (int k = 0; k < output.Length; k++) output[k] = k >= 1 ? (rbf ? 0.25 : 0.75) : 0.5;
        Assert.Equal(1, net.PredictedClass(output));
    }
}
