using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using CsCheck;
using LeNetGen.Reference;
using LeNetGen.TestNetworks.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace LeNetGen.Networks.Tests.Properties;

/// <summary>
/// Random valid specs (<see cref="RandomSpecs"/>), compiled in memory with the generator and loaded
/// (<see cref="InMemoryNetworks"/>), against the reference implementation on every kernel path: Forward, ForwardSample
/// and ForwardTile equal the reference's forward pass; Backward, BackwardSample and BackwardTile its gradients;
/// BackwardCurvature, CurvatureSample and CurvatureTile its curvatures; double networks' gradients also equal central
/// finite differences. CsCheck shrinks a failing batch; the failure names the smallest failing spec as attribute source.
/// <para>
/// Batches of <see cref="BatchSize"/> networks share one compilation. LENETGEN_PROPERTY_RUNS multiplies the batches
/// (the README's long run: 400, i.e. 9,600 networks); 1 in CI.
/// </para>
/// </summary>
public sealed class GeneratedNetworkPropertyTests(ITestOutputHelper output)
{
    private const int BatchSize = 8;
    private const int DefaultBatches = 3;

    [Fact]
    public void RandomNetworksMatchTheReferenceOnEveryKernelPath()
    {
        int batches = DefaultBatches * (int.TryParse(Environment.GetEnvironmentVariable("LENETGEN_PROPERTY_RUNS"), out int n) && n > 0 ? n : 1);
        int tried = 0, failed = 0, finiteDifferences = 0, kinks = 0;
        long compileTicks = 0;
        var clock = Stopwatch.StartNew();
        try
        {
            RandomSpecs.Spec.Array[BatchSize].Sample(specs =>
            {
                long start = Stopwatch.GetTimestamp();
                using InMemoryNetworks compiled = InMemoryNetworks.Compile(specs);
                Interlocked.Add(ref compileTicks, Stopwatch.GetTimestamp() - start);
                for (int i = 0; i < specs.Length; i++)
                {
                    Interlocked.Increment(ref tried);
                    List<string> failures = Check(compiled.Networks[i], (int)(specs[i].Seed % 10_000), ref finiteDifferences, ref kinks);
                    if (failures.Count > 0)
                    {
                        Interlocked.Increment(ref failed);
                        throw new Xunit.Sdk.XunitException($"This spec's network differs from the reference:\n\n{specs[i]}\n"
                            + string.Join("\n", failures.Take(8)));
                    }
                }
            }, iter: batches, print: specs => "(the failing spec is in the exception above)");
        }
        finally
        {
            output.WriteLine($"{tried} random networks tried, {failed} failed (counting CsCheck's shrinking attempts), "
                + $"{finiteDifferences} finite differences ({kinks} skipped at kinks), {clock.Elapsed.TotalSeconds:F1} s "
                + $"({Stopwatch.GetElapsedTime(0, compileTicks).TotalSeconds:F1} s of it compiling, summed over threads)");
        }
    }

    /// <summary>Every kernel path of <paramref name="net"/> against the reference; the mismatches, none when it passes.</summary>
    private static List<string> Check(NetworkCase net, int seed, ref int finiteDifferences, ref int kinks)
    {
        var failures = new List<string>();
        void Add(string? report)
        {
            if (report is not null) failures.Add(report);
        }
        ReferenceNetwork reference = net.Reference;
        // Float: ten times the fixed networks' tolerance. Random depths and widths, trainable prototypes and ReLUs make
        // longer and more cancelling sums than the fixed specs, and the one-sample and tile paths add in another order.
        double tolerance = net.IsDouble ? net.Tolerance : 10 * net.Tolerance;
        bool rbf = net.Head == OutputHead.Rbf;
        var outputShape = new Shape(net.OutputSize, 1, 1);
        var parameterShape = new Shape(net.ParameterCount, 1, 1);

        Assert.Equal(reference.ParameterCount, net.ParameterCount);
        Assert.Equal(reference.Input.Size, net.InputSize);
        Assert.Equal(reference.OutputSize, net.OutputSize);

        double[] parameters = Samples.Parameters(net, (ulong)seed);
        int count = 1 + seed % net.TileSize;
        double[][] inputs = Enumerable.Range(0, count).Select(l => Samples.Input(net, seed + l)).ToArray();
        double[][] heads = Enumerable.Range(0, count).Select(l => net.Round(Samples.Uniform(net.OutputSize, seed + 100 + l, -1.0, 1.0))).ToArray();
        double[][] headCurvatures = Enumerable.Range(0, count).Select(l => net.Round(Samples.Uniform(net.OutputSize, seed + 200 + l, 0.0, 1.0))).ToArray();
        double[][] headWeights = Enumerable.Range(0, count).Select(l =>
        {
            var w = new double[rbf ? net.OutputSize : 0];
            if (rbf) w[l % net.OutputSize] = 1.0;
            return w;
        }).ToArray();

        // Forward on the three paths.
        (double[][] tileOutputs, _) = net.ForwardTile(parameters, inputs);
        var gradientSum = new double[net.ParameterCount];
        var gradientMagnitude = new double[net.ParameterCount];
        var curvatureSum = new double[net.ParameterCount];
        for (int l = 0; l < count; l++)
        {
            double[] expected = reference.Forward(parameters, inputs[l]).Output;
            Add(TensorCheck.Compare($"Forward output, sample {l}", outputShape, net.Forward(parameters, inputs[l]).Output, expected, tolerance));
            Add(TensorCheck.Compare($"ForwardSample output, sample {l}", outputShape, net.ForwardSample(parameters, inputs[l]).Output, expected, tolerance));
            Add(TensorCheck.Compare($"ForwardTile output, sample {l} of {count}", outputShape, tileOutputs[l], expected, tolerance));

            BackwardResult gradients = reference.Backward(parameters, inputs[l], heads[l]);
            BackwardResult scalar = net.Backward(parameters, inputs[l], heads[l]);
            Add(TensorCheck.Compare($"Backward dE/dparameters, sample {l}", parameterShape, scalar.Parameters, gradients.Parameters, tolerance));
            Add(TensorCheck.Compare($"Backward dE/dinput, sample {l}", reference.Input, scalar.Input, gradients.Input, tolerance));
            BackwardResult sample = net.BackwardSample(parameters, inputs[l], heads[l], withInput: true);
            Add(TensorCheck.Compare($"BackwardSample dE/dparameters, sample {l}", parameterShape, sample.Parameters, gradients.Parameters, tolerance));
            Add(TensorCheck.Compare($"BackwardSample dE/dinput, sample {l}", reference.Input, sample.Input, gradients.Input, tolerance));

            double[] curvatures = reference.Curvature(parameters, inputs[l], headCurvatures[l], rbf ? headWeights[l] : null).Parameters;
            Add(TensorCheck.Compare($"BackwardCurvature, sample {l}", parameterShape, net.Curvature(parameters, inputs[l], headCurvatures[l], headWeights[l]), curvatures, tolerance));
            Add(TensorCheck.Compare($"CurvatureSample, sample {l}", parameterShape, net.CurvatureSample(parameters, inputs[l], headCurvatures[l], headWeights[l]), curvatures, tolerance));

            for (int k = 0; k < net.ParameterCount; k++)
            {
                gradientSum[k] += gradients.Parameters[k];
                gradientMagnitude[k] += Math.Abs(gradients.Parameters[k]);
                curvatureSum[k] += curvatures[k];
            }
        }

        // The tile adds its samples in another order than one at a time: each sum is as exact as its terms' magnitude allows.
        Add(CompareSum($"BackwardTile of {count} samples", net.BackwardTile(parameters, inputs, heads), gradientSum, gradientMagnitude, tolerance));
        Add(CompareSum($"CurvatureTile of {count} samples", net.CurvatureTile(parameters, inputs, headCurvatures, rbf ? headWeights : null),
            curvatureSum, curvatureSum, tolerance));

        if (net.IsDouble)
        {
            HeadLoss loss = rbf ? HeadLoss.Map(target: seed % net.OutputSize) : HeadLoss.CrossEntropy(target: seed % net.OutputSize);
            foreach (FiniteDifferences.BlockReport report in FiniteDifferences.Check(net, parameters, inputs[0], loss, perBlock: 6, seed))
            {
                Interlocked.Add(ref finiteDifferences, report.Checked);
                Interlocked.Add(ref kinks, report.Skipped);
                failures.AddRange(report.Mismatches.Select(m => $"finite differences, {loss.Name}: {m}"));
            }
        }
        return failures;
    }

    private static string? CompareSum(string what, double[] actual, double[] expected, double[] magnitude, double tolerance)
    {
        var bad = new List<string>();
        for (int k = 0; k < expected.Length; k++)
        {
            if (!(Math.Abs(actual[k] - expected[k]) <= tolerance * Math.Max(1.0, magnitude[k])) && bad.Count < 5)
                bad.Add($"[{k}] tile {actual[k]:R}, sum of the reference's samples {expected[k]:R}");
        }
        return bad.Count == 0 ? null : $"{what}:\n    " + string.Join("\n    ", bad);
    }
}
