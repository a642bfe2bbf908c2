using System.Collections.Generic;
using System.Linq;
using LeNetGen.TestNetworks.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace LeNetGen.Networks.Tests;

/// <summary>
/// The generated Backward against central finite differences (double networks only) of losses written here: a random
/// linear combination of the head's sums, and the head's real loss (softmax cross-entropy; LeNet-5's MAP criterion).
/// Every value of the small networks, a random sample per block of the LeNet-5s; each block's largest relative error
/// goes to the test output.
/// </summary>
public sealed class FiniteDifferenceTests(ITestOutputHelper output)
{
    /// <summary>Finite differences on the LeNet-5s: this many random values per block; small networks: all.</summary>
    private const int SampledPerBlock = 120;

    [Theory]
    [MemberData(nameof(NetworkCases.DoubleNames), MemberType = typeof(NetworkCases))]
    public void GradientsMatchFiniteDifferences(string network)
    {
        NetworkCase net = NetworkCases.Get(network);
        int? perBlock = NetworkCases.IsSmall(net) ? null : SampledPerBlock;
        double[] parameters = Samples.Parameters(net, 1);
        double[] input = Samples.Input(net, 17);
        int classes = net.OutputSize;
        HeadLoss headLoss = net.Head == OutputHead.Rbf ? HeadLoss.Map(target: 1 % classes) : HeadLoss.CrossEntropy(target: 2 % classes);
        HeadLoss[] losses = [HeadLoss.Linear(Samples.Uniform(classes, 5, -1.0, 1.0)), headLoss];

        var failures = new List<string>();
        int checkedTotal = 0, skippedTotal = 0;
        foreach (HeadLoss loss in losses)
        {
            List<FiniteDifferences.BlockReport> reports = FiniteDifferences.Check(net, parameters, input, loss, perBlock, seed: 3);
            output.WriteLine($"{network}, {loss.Name}: largest relative error per block (checked / length, skipped at kinks)");
            foreach (var report in reports)
            {
                output.WriteLine($"  {report.Block,-20} {report.Checked,5} / {report.Length,-6} {FiniteDifferences.G(report.LargestRelativeError),-12} "
                    + $"skipped {report.Skipped}  worst {report.Worst}");
                checkedTotal += report.Checked;
                skippedTotal += report.Skipped;
                failures.AddRange(report.Mismatches.Select(m => $"{loss.Name}: {m}"));
            }
        }
        output.WriteLine($"{network}: {checkedTotal} values checked, {skippedTotal} skipped because the two sides cross a ReLU or max-pool kink");
        Assert.True(failures.Count == 0, $"{network}: gradients differ from finite differences:\n" + string.Join("\n", failures));
        Assert.True(skippedTotal <= FiniteDifferences.SkippableFraction * checkedTotal,
            $"{network}: {skippedTotal} of {checkedTotal} finite differences crossed a kink, more than {FiniteDifferences.SkippableFraction:P0}");
    }

}
