using System;
using System.Collections.Generic;
using System.Linq;
using LeNetGen.Reference;
using LeNetGen.TestNetworks.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace LeNetGen.Networks.Tests;

/// <summary>
/// The generated Backward against the reference's backward pass (every network), and its contract (accumulates, skips an
/// empty input gradient, allocates nothing). <see cref="FiniteDifferenceTests"/> checks it against the definition.
/// </summary>
public sealed class GradientTests(ITestOutputHelper output)
{
    [Theory]
    [MemberData(nameof(NetworkCases.Names), MemberType = typeof(NetworkCases))]
    public void GradientsMatchTheReference(string network)
    {
        NetworkCase net = NetworkCases.Get(network);
        var failures = new List<string>();
        for (int sample = 0; sample < 2; sample++)
        {
            double[] parameters = Samples.Parameters(net, (ulong)(sample + 1));
            double[] input = Samples.Input(net, 100 + sample);
            double[] headGradient = net.Round(Samples.Uniform(net.OutputSize, 200 + sample, -1.0, 1.0));
            BackwardResult expected = net.Reference.Backward(parameters, input, headGradient);
            BackwardResult actual = net.Backward(parameters, input, headGradient);
            foreach (var (block, shape, offset) in Blocks(net.Reference))
            {
                var generated = actual.Parameters.AsSpan(offset, shape.Size);
                var reference = expected.Parameters.AsSpan(offset, shape.Size);
                output.WriteLine($"{network}, sample {sample}, {block}: largest difference {FiniteDifferences.G(LargestRelativeDifference(generated, reference))}");
                if (TensorCheck.Compare($"d{block}", shape, generated, reference, net.Tolerance) is string report) failures.Add($"sample {sample}: {report}");
            }
            output.WriteLine($"{network}, sample {sample}, input: largest difference {FiniteDifferences.G(LargestRelativeDifference(actual.Input, expected.Input))}");
            if (TensorCheck.Compare("dInput", net.Reference.Input, actual.Input, expected.Input, net.Tolerance) is string inputReport)
                failures.Add($"sample {sample}: {inputReport}");
        }
        Assert.True(failures.Count == 0, $"{network}: gradients differ from the reference:\n" + string.Join("\n", failures));
    }

    [Theory]
    [MemberData(nameof(NetworkCases.Names), MemberType = typeof(NetworkCases))]
    public void BackwardAccumulatesAndSkipsAnEmptyInputGradient(string network)
    {
        NetworkCase net = NetworkCases.Get(network);
        double[] parameters = Samples.Parameters(net, 4);
        double[] input = Samples.Input(net, 44);
        double[] headGradient = net.Round(Samples.Uniform(net.OutputSize, 45, -1.0, 1.0));
        var (once, twice, withoutInput) = net.BackwardRepeated(parameters, input, headGradient);
        var doubled = Array.ConvertAll(once, g => 2 * g);
        Shape flat = new(once.Length, 1, 1);
        Assert.True(once.Any(g => g != 0), $"{network}: every gradient is zero");
        Assert.Null(TensorCheck.Compare("gradients after two Backward calls", flat, twice, doubled, net.Tolerance));
        Assert.Null(TensorCheck.Compare("gradients without an input gradient", flat, withoutInput, once, 0.0));
    }

    [Theory]
    [MemberData(nameof(NetworkCases.Names), MemberType = typeof(NetworkCases))]
    public void BackwardAndCurvatureAllocateNothingAfterWarmUp(string network) =>
        Assert.Equal(0, System.Linq.Enumerable.Range(0, 3).Min(_ => NetworkCases.Get(network).AllocatedBytesOfBackward(20))); // least of three rounds, as AllocationTests

    /// <summary>Each parameter block as (name, shape for reports, offset).</summary>
    internal static IEnumerable<(string Block, Shape Shape, int Offset)> Blocks(ReferenceNetwork reference) =>
        reference.ParameterBlocks.Select(b => (b.Layer + b.Kind, new Shape(b.Length, 1, 1), b.Offset));

    /// <summary>max |a - b| / max(1, |b|), as TensorCheck measures it.</summary>
    internal static double LargestRelativeDifference(ReadOnlySpan<double> generated, ReadOnlySpan<double> reference)
    {
        double largest = 0.0;
        for (int i = 0; i < reference.Length; i++)
            largest = Math.Max(largest, Math.Abs(generated[i] - reference[i]) / Math.Max(1.0, Math.Abs(reference[i])));
        return largest;
    }
}
