using System;
using System.Collections.Generic;
using LeNetGen.Reference;
using LeNetGen.TestNetworks.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace LeNetGen.Networks.Tests;

/// <summary>
/// The generated BackwardCurvature (LeCun et al., 1998, appendix C) against the reference's diagonal Gauss-Newton pass,
/// which follows LENET5.md's formulas literally, and the property the approximation exists for: no estimate is negative.
/// </summary>
public sealed class CurvatureTests(ITestOutputHelper output)
{
    [Theory]
    [MemberData(nameof(NetworkCases.Names), MemberType = typeof(NetworkCases))]
    public void CurvaturesMatchTheReferenceAndAreNonNegative(string network)
    {
        NetworkCase net = NetworkCases.Get(network);
        bool rbf = net.Head == OutputHead.Rbf;
        var failures = new List<string>();
        for (int sample = 0; sample < 2; sample++)
        {
            double[] parameters = Samples.Parameters(net, (ulong)(sample + 1));
            double[] input = Samples.Input(net, 300 + sample);
            // d2E/d(head sums)2 >= 0; an RBF head keeps the correct class's own term (LeNet-5's criterion), softmax none.
            double[] headCurvature = net.Round(Samples.Uniform(net.OutputSize, 400 + sample, 0.0, 1.0));
            double[] headWeights = rbf ? new double[net.OutputSize] : [];
            if (rbf) headWeights[sample % net.OutputSize] = 1.0;
            BackwardResult expected = net.Reference.Curvature(parameters, input, headCurvature, rbf ? headWeights : null);
            double[] actual = net.Curvature(parameters, input, headCurvature, headWeights);
            foreach (var (block, shape, offset) in GradientTests.Blocks(net.Reference))
            {
                var generated = actual.AsSpan(offset, shape.Size);
                var reference = expected.Parameters.AsSpan(offset, shape.Size);
                output.WriteLine($"{network}, sample {sample}, {block}: largest difference {FiniteDifferences.G(GradientTests.LargestRelativeDifference(generated, reference))}");
                if (TensorCheck.Compare($"d2{block}", shape, generated, reference, net.Tolerance) is string report) failures.Add($"sample {sample}: {report}");
                for (int i = 0; i < generated.Length; i++)
                {
                    if (!(generated[i] >= 0.0))
                    {
                        failures.Add($"sample {sample}: d2{block}[{i}] = {generated[i]} is negative");
                        break;
                    }
                }
            }
        }
        Assert.True(failures.Count == 0, $"{network}: curvatures differ from the reference:\n" + string.Join("\n", failures));
    }
}
