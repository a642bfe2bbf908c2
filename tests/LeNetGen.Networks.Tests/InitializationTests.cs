using System;
using System.Collections.Generic;
using System.Linq;
using LeNetGen.Reference;
using LeNetGen.TestNetworks.Infrastructure;
using LeNetGen.TestNetworks;
using Xunit;

namespace LeNetGen.Networks.Tests;

/// <summary>InitializeParameters: deterministic, seed-dependent, and within the spec's limits per block and fan-in.</summary>
public sealed class InitializationTests
{
    [Theory]
    [MemberData(nameof(NetworkCases.Names), MemberType = typeof(NetworkCases))]
    public void TheSameSeedGivesTheSameBits(string network)
    {
        NetworkCase net = NetworkCases.Get(network);
        long[] first = Bits(net.InitializeParameters(42)), second = Bits(net.InitializeParameters(42));
        Assert.Equal(first, second);
    }

    [Theory]
    [MemberData(nameof(NetworkCases.Names), MemberType = typeof(NetworkCases))]
    public void DifferentSeedsGiveDifferentWeights(string network)
    {
        NetworkCase net = NetworkCases.Get(network);
        double[] first = net.InitializeParameters(42), second = net.InitializeParameters(43);
        foreach (ParameterBlock block in net.Reference.ParameterBlocks.Where(b => b.Kind is "Weights" or "Coefficients"))
        {
            int differing = 0;
            for (int i = block.Offset; i < block.Offset + block.Length; i++)
                if (first[i] != second[i]) differing++;
            Assert.True(differing >= block.Length * 9 / 10, $"{block.Layer}{block.Kind}: only {differing} of {block.Length} values differ between seeds 42 and 43");
        }
    }

    [Theory]
    [MemberData(nameof(NetworkCases.Names), MemberType = typeof(NetworkCases))]
    public void EveryBlockStaysWithinItsLimit(string network)
    {
        NetworkCase net = NetworkCases.Get(network);
        ReferenceNetwork reference = net.Reference;
        double[] parameters = net.InitializeParameters(7);
        var wrong = new List<string>();
        for (int i = 0; i < reference.Layers.Count; i++)
        {
            ReferenceLayer layer = reference.Layers[i];
            int[] fanIns = layer.FanIns(reference.InputShapes[i]);
            ReadOnlySpan<double> values = reference.ParametersOf(i, parameters);
            string name = reference.Names[i];
            // The first block (weights, coefficients) runs of equal fan-in: within ±limit(fan-in), and reaching past half of it.
            for (int start = 0; start < fanIns.Length;)
            {
                int end = start;
                while (end < fanIns.Length && fanIns[end] == fanIns[start]) end++;
                double limit = Limit(net.Init, fanIns[start]), largest = 0.0;
                for (int k = start; k < end; k++) largest = Math.Max(largest, Math.Abs(values[k]));
                if (largest > limit * (1 + 1e-6))
                    wrong.Add($"{name} values {start}-{end - 1} (fan-in {fanIns[start]}): largest |w| {largest} exceeds {limit}");
                if (end - start >= 20 && largest < limit / 2)
                    wrong.Add($"{name} values {start}-{end - 1} (fan-in {fanIns[start]}): largest |w| {largest} is below half of {limit}");
                start = end;
            }
            // Biases start at zero; trainable RBF prototypes start at the head's prototypes.
            int offset = fanIns.Length;
            foreach (var (kind, length) in layer.Blocks(reference.InputShapes[i]).Skip(fanIns.Length == 0 ? 0 : 1))
            {
                double[] expected = kind == "Prototypes" ? ((RbfHead)layer).Prototypes : new double[length];
                if (!values.Slice(offset, length).SequenceEqual(net.Round(expected)))
                    wrong.Add($"{name}{kind}: do not start at {(kind == "Prototypes" ? "the head's prototypes" : "zero")}");
                offset += length;
            }
        }
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [Fact]
    public void ClassicC3MapsWithThreeFourAndSixInputsHaveTheirOwnLimits()
    {
        ReferenceNetwork reference = ClassicLeNet5.Reference;
        var c3 = (ConvLayer)reference.Layers[2];
        Shape s2 = reference.InputShapes[2];
        int[] expectedFanIns = [75, 75, 75, 75, 75, 75, 100, 100, 100, 100, 100, 100, 100, 100, 100, 150];
        double[] parameters = NetworkCases.Get(nameof(ClassicLeNet5)).InitializeParameters(ClassicLeNet5.DefaultSeed);
        ReadOnlySpan<double> weights = parameters.AsSpan(ClassicLeNet5.C3WeightsOffset, ClassicLeNet5.C3WeightsLength);
        for (int map = 0; map < 16; map++)
        {
            int fanIn = c3.ConnectedInputs(s2, map).Count * 25;
            Assert.Equal(expectedFanIns[map], fanIn);
            double largest = 0.0;
            foreach (double w in weights.Slice(c3.WeightStart(s2, map), fanIn)) largest = Math.Max(largest, Math.Abs(w));
            // 75 to 150 uniform draws come within 20% of their limit; a limit from another fan-in would not fit both bounds.
            Assert.InRange(largest, 0.8 * 2.4 / fanIn, 2.4 / fanIn * (1 + 1e-6));
        }
    }

    private static double Limit(Init init, int fanIn) => init switch
    {
        Init.LeCunUniform => 2.4 / fanIn,
        Init.HeUniform => Math.Sqrt(6.0 / fanIn),
        _ => throw new ArgumentOutOfRangeException(nameof(init), init, "No test network uses it."),
    };

    private static long[] Bits(double[] values) => Array.ConvertAll(values, BitConverter.DoubleToInt64Bits);
}
