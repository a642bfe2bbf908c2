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

    public override (double[] ParameterGradients, double[] InputGradients) Backward(Shape input, double[] x, ReadOnlySpan<double> parameters,
        double[] sumGradients) => AffineBackward(Units, x, parameters, sumGradients);

    public override (double[] ParameterCurvatures, double[] InputCurvatures) Curvature(Shape input, double[] x, ReadOnlySpan<double> parameters,
        double[] sumCurvatures) => AffineCurvature(Units, x, parameters, sumCurvatures);

    /// <summary>dE/d(weights [unit][input], biases [unit]) and dE/dx of <see cref="Affine"/>, from dE/d(sums).</summary>
    internal static (double[] ParameterGradients, double[] InputGradients) AffineBackward(int units, double[] x, ReadOnlySpan<double> parameters,
        double[] sumGradients)
    {
        int inputs = x.Length;
        var parameterGradients = new double[units * inputs + units];
        var inputGradients = new double[inputs];
        for (int u = 0; u < units; u++)
        {
            double g = sumGradients[u];
            parameterGradients[units * inputs + u] = g;
            for (int i = 0; i < inputs; i++)
            {
                parameterGradients[u * inputs + i] = x[i] * g;
                inputGradients[i] += parameters[u * inputs + i] * g;
            }
        }
        return (parameterGradients, inputGradients);
    }

    /// <summary>d2E/dw2 = d2E/da2 x^2, d2E/db2 = d2E/da2, d2E/dx_i2 = sum_u w_ui^2 d2E/da_u2, from d2E/d(sums)2.</summary>
    internal static (double[] ParameterCurvatures, double[] InputCurvatures) AffineCurvature(int units, double[] x, ReadOnlySpan<double> parameters,
        double[] sumCurvatures)
    {
        int inputs = x.Length;
        var parameterCurvatures = new double[units * inputs + units];
        var inputCurvatures = new double[inputs];
        for (int u = 0; u < units; u++)
        {
            double h = sumCurvatures[u];
            parameterCurvatures[units * inputs + u] = h;
            for (int i = 0; i < inputs; i++)
            {
                double w = parameters[u * inputs + i];
                parameterCurvatures[u * inputs + i] = x[i] * x[i] * h;
                inputCurvatures[i] += w * w * h;
            }
        }
        return (parameterCurvatures, inputCurvatures);
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
