using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using LeNetGen.Reference;
using LeNetGen.TestNetworks.Infrastructure;
using Xunit;

namespace LeNetGen.Networks.Tests.Properties;

/// <summary>
/// One random network's check against the reference implementation on every kernel path: Forward, ForwardSample and
/// ForwardTile against the reference's forward pass; Backward, BackwardSample and BackwardTile against its gradients;
/// BackwardCurvature, CurvatureSample and CurvatureTile against its curvatures; a double network's gradients also against
/// central finite differences. Counts the finite differences it made (thread-safe: checks of several networks may run at once).
/// </summary>
internal sealed class ReferenceCheck
{
    private int finiteDifferences, kinks;

    /// <summary>The finite differences compared so far.</summary>
    public int FiniteDifferences => finiteDifferences;

    /// <summary>The finite differences skipped so far because a ReLU or max pool kink lay within the step.</summary>
    public int Kinks => kinks;

    /// <summary>
    /// Every kernel path of <paramref name="net"/> against the reference, for parameters, inputs and head gradients drawn
    /// from <paramref name="seed"/>, with <paramref name="count"/> samples in the tile (1 to TileSize); the mismatches, none
    /// when it passes.
    /// </summary>
    public List<string> Check(NetworkCase net, int seed, int count)
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
            foreach (FiniteDifferences.BlockReport report in LeNetGen.TestNetworks.Infrastructure.FiniteDifferences.Check(net, parameters, inputs[0], loss, perBlock: 6, seed))
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
