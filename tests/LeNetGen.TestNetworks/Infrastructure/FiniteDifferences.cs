using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using LeNetGen.Reference;

namespace LeNetGen.TestNetworks.Infrastructure;

/// <summary>
/// Central finite differences of a scalar loss of the head's sums, against the generated Backward, block by block
/// (every parameter block and the input), reported as llm.c's check_tensor does: the largest relative error per block
/// and the first mismatches.
/// </summary>
internal static class FiniteDifferences
{
    /// <summary>The step: (L(w + h) - L(w - h)) / 2h.</summary>
    public const double Step = 1e-6;

    /// <summary>|analytic - numeric| &lt;= RelativeTolerance x max(|analytic|, |numeric|, Floor).</summary>
    public const double RelativeTolerance = 1e-6;

    /// <summary>
    /// Below this magnitude errors count as absolute. A difference quotient carries the rounding of the loss divided by
    /// h: about 1e-16 x (|L| + sum_k |dL/ds_k| |s_k|) / h, the head sums' own rounding included (an RBF head's
    /// penalties can be a hundred times the loss they make up). 1e-3 x that scale keeps the absolute floor at 1e-9 x the
    /// scale, ten times the rounding.
    /// </summary>
    public static double Floor(double loss, double[] sums, double[] headGradient)
    {
        double scale = 1.0 + Math.Abs(loss);
        for (int k = 0; k < sums.Length; k++) scale += Math.Abs(headGradient[k] * sums[k]);
        return 1e-3 * scale;
    }

    /// <summary>At most this fraction of the checked values may be skipped for crossing a kink.</summary>
    public const double SkippableFraction = 0.02;

    public sealed record BlockReport(string Block, int Checked, int Length, double LargestRelativeError, string Worst, int Skipped, List<string> Mismatches);

    /// <summary>
    /// Checks <paramref name="perBlock"/> random values of each block (all when null), returns one report per block.
    /// </summary>
    public static List<BlockReport> Check(NetworkCase net, double[] parameters, double[] input, HeadLoss loss, int? perBlock, int seed)
    {
        ReferenceNetwork reference = net.Reference;
        NetworkCase.Probe probe = net.CreateProbe(parameters, input);
        double[] sums = probe.HeadSums();
        double[] headGradient = loss.Gradient(sums);
        double floor = Floor(loss.Value(sums), sums, headGradient);
        BackwardResult analytic = net.Backward(parameters, input, headGradient);
        var random = new Random(seed);
        var reports = new List<BlockReport>();
        var blocks = reference.ParameterBlocks.Select(b => (b.Layer + b.Kind, b.Offset, b.Length, IsInput: false)).ToList();
        blocks.Add(("input", 0, input.Length, true));
        foreach (var (name, offset, length, isInput) in blocks)
        {
            double[] target = isInput ? input : parameters;
            double[] gradients = isInput ? analytic.Input : analytic.Parameters;
            int[] indices = Choose(length, perBlock, random);
            double largest = 0.0;
            string worst = "";
            int skipped = 0;
            var mismatches = new List<string>();
            foreach (int k in indices)
            {
                int i = offset + k;
                double original = target[i];
                Action<int, double> set = isInput ? probe.SetInput : probe.SetParameter;
                set(i, original + Step);
                double plus = loss.Value(probe.HeadSums());
                set(i, original - Step);
                double minus = loss.Value(probe.HeadSums());
                set(i, original);
                double numeric = (plus - minus) / (2 * Step), a = gradients[i];
                double error = Math.Abs(a - numeric) / Math.Max(Math.Max(Math.Abs(a), Math.Abs(numeric)), floor);
                if (!(error <= RelativeTolerance))
                {
                    // A ReLU or a max pool whose choice differs between the two sides: the quotient straddles a kink.
                    target[i] = original + Step;
                    int[] plusPattern = KinkPattern(reference, parameters, input);
                    target[i] = original - Step;
                    int[] minusPattern = KinkPattern(reference, parameters, input);
                    target[i] = original;
                    if (!plusPattern.AsSpan().SequenceEqual(minusPattern))
                    {
                        skipped++;
                        continue;
                    }
                    if (mismatches.Count < 5) mismatches.Add($"{name}[{k}]: analytic {G(a)}, finite difference {G(numeric)}, relative error {G(error)}");
                    else if (mismatches.Count == 5) mismatches.Add("...");
                }
                if (error > largest || double.IsNaN(error))
                {
                    largest = error;
                    worst = $"[{k}] analytic {G(a)}, finite difference {G(numeric)}";
                }
            }
            reports.Add(new BlockReport(name, indices.Length, length, largest, worst, skipped, mismatches));
        }
        return reports;
    }

    /// <summary>Every ReLU's side (sum &gt; 0) and every max pool's chosen input, from the reference's forward pass.</summary>
    public static int[] KinkPattern(ReferenceNetwork reference, double[] parameters, double[] input)
    {
        ForwardResult forward = reference.Forward(parameters, input);
        var pattern = new List<int>();
        for (int i = 0; i < reference.Layers.Count; i++)
        {
            double[] x = i == 0 ? input : forward.Layers[i - 1].Values;
            if (reference.Layers[i] is PoolLayer { Kind: PoolKind.Max } pool) pattern.AddRange(pool.Largest(reference.InputShapes[i], x));
            Act activation = reference.Layers[i] switch
            {
                ConvLayer conv => conv.Activation,
                PoolLayer p => p.Activation,
                DenseLayer dense => dense.Activation,
                _ => Act.Identity,
            };
            if (activation == Act.Relu)
                foreach (double sum in forward.Layers[i].Sums) pattern.Add(sum > 0.0 ? 1 : 0);
        }
        return pattern.ToArray();
    }

    private static int[] Choose(int length, int? count, Random random)
    {
        if (count is not int n || n >= length) return Enumerable.Range(0, length).ToArray();
        int[] all = Enumerable.Range(0, length).ToArray();
        random.Shuffle(all);
        return all.Take(n).Order().ToArray();
    }

    public static string G(double value) => value.ToString("G6", CultureInfo.InvariantCulture);
}
