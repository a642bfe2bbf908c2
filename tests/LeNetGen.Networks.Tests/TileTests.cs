using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.Intrinsics;
using LeNetGen.Reference;
using LeNetGen.TestNetworks.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace LeNetGen.Networks.Tests;

/// <summary>
/// The vectorized tile kernels against the scalar ones, which stay the oracle: for every test network (every layer kind,
/// activation, head and connection table, padding, strides, odd widths), for tiles of 1, some and all lanes, the tile's
/// outputs and every layer's activations equal the scalar Forward's sample by sample, and the tile's gradients and
/// curvatures equal the sums of the scalar Backward's and BackwardCurvature's over the samples, within float rounding
/// (1e-5 relative; 1e-12 for double). CI runs these once more with AVX-512 and once more with AVX2 turned off, so the
/// Vector256 and Vector128 kernels are checked too.
/// </summary>
public sealed class TileTests(ITestOutputHelper output)
{
    public static TheoryData<string, int> NamesAndCounts
    {
        get
        {
            var data = new TheoryData<string, int>();
            foreach (NetworkCase network in NetworkCases.All)
                foreach (int count in new[] { 1, network.TileSize / 2 + 1, network.TileSize }.Distinct())
                    data.Add(network.Name, count);
            return data;
        }
    }

    [Theory]
    [MemberData(nameof(NamesAndCounts))]
    public void ForwardTileEqualsTheScalarForwardSampleBySample(string network, int count)
    {
        output.WriteLine(Widths());
        NetworkCase net = NetworkCases.Get(network);
        double[] parameters = Samples.Parameters(net, 5);
        double[][] inputs = Inputs(net, count, 700);
        var (outputs, workspaces) = net.ForwardTile(parameters, inputs);
        var failures = new List<string>();
        for (int l = 0; l < count; l++)
        {
            var (workspace, scalarOutput) = net.Forward(parameters, inputs[l]);
            if (TensorCheck.Compare($"output of sample {l}", new Shape(net.OutputSize, 1, 1), outputs[l], scalarOutput, net.Tolerance) is string report)
                failures.Add(report);
            foreach (var (region, offset, length) in ActivationRegions(net))
                if (TensorCheck.Compare($"{region} of sample {l}", new Shape(length, 1, 1), workspaces[l].AsSpan(offset, length), workspace.AsSpan(offset, length), net.Tolerance) is string layerReport)
                    failures.Add(layerReport);
        }
        Assert.True(failures.Count == 0, $"{network}, {count} samples:\n" + string.Join("\n", failures.Take(10)));
    }

    [Theory]
    [MemberData(nameof(NamesAndCounts))]
    public void BackwardTileEqualsTheSumOfScalarBackwards(string network, int count)
    {
        NetworkCase net = NetworkCases.Get(network);
        double[] parameters = Samples.Parameters(net, 6);
        double[][] inputs = Inputs(net, count, 800);
        double[][] heads = Enumerable.Range(0, count).Select(l => net.Round(Samples.Uniform(net.OutputSize, 900 + l, -1.0, 1.0))).ToArray();
        double[] expected = new double[net.ParameterCount], magnitude = new double[net.ParameterCount];
        for (int l = 0; l < count; l++)
        {
            BackwardResult one = net.Backward(parameters, inputs[l], heads[l]);
            for (int k = 0; k < expected.Length; k++)
            {
                expected[k] += one.Parameters[k];
                magnitude[k] += Math.Abs(one.Parameters[k]);
            }
        }
        double[] actual = net.BackwardTile(parameters, inputs, heads);
        AssertBlocks(net, "dE/d", actual, expected, magnitude, count);
    }

    [Theory]
    [MemberData(nameof(NamesAndCounts))]
    public void CurvatureTileEqualsTheSumOfScalarCurvatures(string network, int count)
    {
        NetworkCase net = NetworkCases.Get(network);
        bool rbf = net.Head == OutputHead.Rbf;
        double[] parameters = Samples.Parameters(net, 7);
        double[][] inputs = Inputs(net, count, 1000);
        double[][] heads = Enumerable.Range(0, count).Select(l => net.Round(Samples.Uniform(net.OutputSize, 1100 + l, 0.0, 1.0))).ToArray();
        double[][]? weights = rbf
            ? Enumerable.Range(0, count).Select(l => { var w = new double[net.OutputSize]; w[l % net.OutputSize] = 1.0; return w; }).ToArray()
            : null;
        double[] expected = new double[net.ParameterCount];
        for (int l = 0; l < count; l++)
        {
            double[] one = net.Curvature(parameters, inputs[l], heads[l], weights?[l] ?? []);
            for (int k = 0; k < expected.Length; k++) expected[k] += one[k];
        }
        double[] actual = net.CurvatureTile(parameters, inputs, heads, weights);
        AssertBlocks(net, "d2E/d", actual, expected, expected, count); // every term is non-negative: the sum is its own magnitude
    }

    [Fact]
    public void TheWidthTheEnvironmentAsksForIsTheOneThatRuns()
    {
        // .ci/run sets these to check the narrower kernels on a machine that has AVX-512; the tests above then run on them.
        output.WriteLine(Widths());
        if (Environment.GetEnvironmentVariable("DOTNET_EnableAVX512") == "0") Assert.False(Vector512.IsHardwareAccelerated);
        if (Environment.GetEnvironmentVariable("DOTNET_EnableAVX2") == "0") Assert.False(Vector256.IsHardwareAccelerated);
        Assert.True(Vector128.IsHardwareAccelerated, "no 128-bit vectors on this machine");
    }

    [Fact]
    public void ATileOfTooManySamplesIsRefusedWithTheTileSize()
    {
        NetworkCase net = NetworkCases.Get("ClassicLeNet5");
        var inputs = Enumerable.Range(0, net.TileSize + 1).Select(_ => new double[net.InputSize]).ToArray();
        var error = Assert.Throws<ArgumentException>(() => net.ForwardTile(new double[net.ParameterCount], inputs));
        Assert.StartsWith($"Expected 1 to {net.TileSize} samples of {net.InputSize} values (one input of 1x32x32) one after another; got {(net.TileSize + 1) * net.InputSize} values.", error.Message);
    }

    private static string Widths() =>
        $"Vector512 accelerated: {Vector512.IsHardwareAccelerated}, Vector256: {Vector256.IsHardwareAccelerated}, Vector128: {Vector128.IsHardwareAccelerated}";

    private static double[][] Inputs(NetworkCase net, int count, int seed) =>
        Enumerable.Range(0, count).Select(l => Samples.Input(net, seed + l)).ToArray();

    /// <summary>
    /// A sum over samples is as exact as its terms allow: each value may differ by the tolerance relative to
    /// max(1, the sum of its terms' magnitudes), since the tile adds the samples in another order than one at a time.
    /// </summary>
    private void AssertBlocks(NetworkCase net, string what, double[] actual, double[] expected, double[] magnitude, int count)
    {
        var failures = new List<string>();
        foreach (var (block, _, offset) in GradientTests.Blocks(net.Reference))
        {
            int length = net.Reference.ParameterBlocks.Single(b => b.Offset == offset).Length, bad = 0;
            double worst = 0;
            for (int k = offset; k < offset + length; k++)
            {
                double difference = Math.Abs(actual[k] - expected[k]), allowed = net.Tolerance * Math.Max(1.0, magnitude[k]);
                worst = Math.Max(worst, difference / Math.Max(1.0, magnitude[k]));
                if (!(difference <= allowed) && bad++ < 5)
                    failures.Add($"{what}{block}[{k - offset}]: tile {actual[k]:R}, sum of samples {expected[k]:R} (terms' magnitude {magnitude[k]:R})");
            }
            output.WriteLine($"{net.Name}, {count} samples, {block}: largest difference relative to the terms {FiniteDifferences.G(worst)}");
        }
        Assert.True(failures.Count == 0, $"{net.Name}, {count} samples:\n" + string.Join("\n", failures));
    }

    /// <summary>Each layer's sums and values in the workspace of one sample, by the generated constants.</summary>
    private static IEnumerable<(string Region, int Offset, int Length)> ActivationRegions(NetworkCase net)
    {
        for (int i = 0; i < net.Reference.Layers.Count; i++)
        {
            string name = net.Reference.Names[i];
            int length = net.Reference.OutputShapes[i].Size;
            foreach (string region in new[] { "Sums", "Values" })
                if (net.Constant(name + region + "Offset") is int offset) yield return (name + region, offset, length);
        }
    }
}
