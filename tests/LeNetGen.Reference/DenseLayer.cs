using System;
using System.Collections.Generic;

namespace LeNetGen.Reference;

/// <summary>
/// A fully connected layer over the flattened input (map, row, column): unit u's sum is bias[u] + sum_i weight[u, i]
/// x[i]. Parameters: weights [unit][input], then biases [unit].
/// </summary>
/// <param name="Units">Output units.</param>
/// <param name="Activation">Applied to each sum.</param>
public sealed record DenseLayer(int Units, Act Activation = Act.Identity) : ReferenceLayer
{
    public override string Label(int position) => "F" + position;

    public override Shape OutputShape(Shape input)
    {
        Require(Units, 1, "units");
        return new Shape(Units, 1, 1);
    }

    public override IReadOnlyList<(string Kind, int Length)> Blocks(Shape input) => [("Weights", Units * input.Size), ("Biases", Units)];

    public override int[] FanIns(Shape input)
    {
        var fanIns = new int[Units * input.Size];
        Array.Fill(fanIns, input.Size);
        return fanIns;
    }

    // input   (inputs) = the previous shape flattened
    // weights (Units, inputs); biases (Units)
    // output  (Units)
    public override (double[] Sums, double[] Values) Forward(Shape input, double[] x, ReadOnlySpan<double> parameters)
    {
        double[] sums = Affine(Units, x, parameters);
        return (sums, Squashing.Apply(Activation, sums));
    }

    /// <summary>bias[u] + sum_i weight[u, i] x[i] for each of <paramref name="units"/>, weights then biases in <paramref name="parameters"/>.</summary>
    internal static double[] Affine(int units, double[] x, ReadOnlySpan<double> parameters)
    {
        int inputs = x.Length;
        var sums = new double[units];
        for (int u = 0; u < units; u++)
        {
            double sum = parameters[units * inputs + u];
            for (int i = 0; i < inputs; i++) sum += parameters[u * inputs + i] * x[i];
            sums[u] = sum;
        }
        return sums;
    }
}
