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
/// The vectorized one-sample kernels (ForwardSample, BackwardSample, CurvatureSample) against the scalar ones, the oracle: for every
/// test network (every layer kind, activation, head and connection table, padding, strides, widths that are not a
/// multiple of a vector), the outputs and every layer's sums and values equal the scalar Forward's, the gradients of
/// every parameter and of the input the scalar Backward's, and the curvatures the scalar BackwardCurvature's, within float rounding (1e-5 relative; 1e-12 for
/// double). CI runs these once more with AVX-512 and once more with AVX2 turned off, for the narrower kernels.
/// </summary>
public sealed class SampleTests(ITestOutputHelper output)
{
    public static TheoryData<string> Names
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (NetworkCase network in NetworkCases.All) data.Add(network.Name);
            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void ForwardSampleEqualsTheScalarForwardLayerByLayer(string network)
    {
        output.WriteLine($"Vector512 accelerated: {Vector512.IsHardwareAccelerated}, Vector256: {Vector256.IsHardwareAccelerated}");
        NetworkCase net = NetworkCases.Get(network);
        var failures = new List<string>();
        for (int trial = 0; trial < 3; trial++)
        {
            double[] parameters = Samples.Parameters(net, (ulong)(11 + trial));
            double[] input = Samples.Input(net, 1200 + trial);
            var (expectedWorkspace, expectedOutput) = net.Forward(parameters, input);
            var (workspace, actualOutput) = net.ForwardSample(parameters, input);
            if (TensorCheck.Compare($"output, trial {trial}", new Shape(net.OutputSize, 1, 1), actualOutput, expectedOutput, net.Tolerance) is string report)
                failures.Add(report);
            foreach (var (region, offset, length) in Regions(net, "Sums", "Values"))
                if (TensorCheck.Compare($"{region}, trial {trial}", new Shape(length, 1, 1), workspace.AsSpan(offset, length), expectedWorkspace.AsSpan(offset, length), net.Tolerance) is string layerReport)
                    failures.Add(layerReport);
        }
        Assert.True(failures.Count == 0, $"{network}:\n" + string.Join("\n", failures.Take(10)));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void BackwardSampleEqualsTheScalarBackward(string network)
    {
        NetworkCase net = NetworkCases.Get(network);
        var failures = new List<string>();
        for (int trial = 0; trial < 3; trial++)
        {
            double[] parameters = Samples.Parameters(net, (ulong)(21 + trial));
            double[] input = Samples.Input(net, 1300 + trial);
            double[] head = net.Round(Samples.Uniform(net.OutputSize, 1400 + trial, -1.0, 1.0));
            BackwardResult expected = net.Backward(parameters, input, head);
            BackwardResult actual = net.BackwardSample(parameters, input, head, withInput: true);
            Compare(net, $"trial {trial}: dE/dw", actual.Parameters, expected.Parameters, failures);
            Compare(net, $"trial {trial}: dE/d(input)", actual.Input, expected.Input, failures);

            BackwardResult withoutInput = net.BackwardSample(parameters, input, head, withInput: false);
            Compare(net, $"trial {trial}, no input gradient: dE/dw", withoutInput.Parameters, expected.Parameters, failures);
        }
        Assert.True(failures.Count == 0, $"{network}:\n" + string.Join("\n", failures.Take(10)));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void CurvatureSampleEqualsTheScalarCurvature(string network)
    {
        NetworkCase net = NetworkCases.Get(network);
        var failures = new List<string>();
        for (int trial = 0; trial < 3; trial++)
        {
            double[] parameters = Samples.Parameters(net, (ulong)(31 + trial));
            double[] input = Samples.Input(net, 1500 + trial);
            double[] head = net.Round(Samples.Uniform(net.OutputSize, 1600 + trial, 0.0, 1.0));
            double[] weights = [];
            if (net.Head == OutputHead.Rbf)
            {
                weights = new double[net.OutputSize];
                weights[trial % net.OutputSize] = 1.0;
            }
            double[] expected = net.Curvature(parameters, input, head, weights);
            double[] actual = net.CurvatureSample(parameters, input, head, weights);
            Compare(net, $"trial {trial}: d2E/dw2", actual, expected, failures);
        }
        Assert.True(failures.Count == 0, $"{network}:\n" + string.Join("\n", failures.Take(10)));
    }

    [Fact]
    public void ForwardSampleChecksItsLengthsOnce()
    {
        NetworkCase net = NetworkCases.Get("ClassicLeNet5");
        var error = Assert.Throws<ArgumentException>(() => net.ForwardSample(new double[net.ParameterCount], new double[net.InputSize - 1]));
        Assert.Contains($"{net.InputSize}", error.Message);
    }

    /// <summary>
    /// A gradient is a sum of many terms added here in another order: each value may differ by the tolerance relative
    /// to max(1, the largest value of the vector), the scale its terms' rounding errors have.
    /// </summary>
    private static void Compare(NetworkCase net, string what, double[] actual, double[] expected, List<string> failures)
    {
        Assert.Equal(expected.Length, actual.Length);
        double scale = Math.Max(1.0, expected.Select(Math.Abs).DefaultIfEmpty(0).Max());
        int bad = 0;
        for (int k = 0; k < expected.Length; k++)
        {
            double difference = Math.Abs(actual[k] - expected[k]);
            if (!(difference <= net.Tolerance * Math.Max(Math.Abs(expected[k]), scale * 1e-2) + net.Tolerance) && bad++ < 5)
                failures.Add($"{what}[{k}]: sample kernels {actual[k]:R}, scalar {expected[k]:R}");
        }
    }

    private static IEnumerable<(string Region, int Offset, int Length)> Regions(NetworkCase net, params string[] kinds)
    {
        for (int i = 0; i < net.Reference.Layers.Count; i++)
        {
            string name = net.Reference.Names[i];
            int length = net.Reference.OutputShapes[i].Size;
            foreach (string region in kinds)
                if (net.Constant(name + region + "Offset") is int offset) yield return (name + region, offset, length);
        }
    }
}
