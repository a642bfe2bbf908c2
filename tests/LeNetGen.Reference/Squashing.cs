using System;

namespace LeNetGen.Reference;

/// <summary>The activation functions, written from their definitions.</summary>
public static class Squashing
{
    /// <summary>f(a) for <paramref name="activation"/>.</summary>
    public static double Apply(Act activation, double a) => activation switch
    {
        Act.Identity => a,
        Act.Tanh => Math.Tanh(a),
        Act.ScaledTanh => 1.7159 * Math.Tanh(2.0 * a / 3.0), // LeCun et al. (1998), appendix A
        Act.Relu => Math.Max(0.0, a),
        Act.Sigmoid => 1.0 / (1.0 + Math.Exp(-a)),
        _ => throw new ArgumentOutOfRangeException(nameof(activation), activation, "Unknown activation."),
    };

    /// <summary>f applied to every sum.</summary>
    public static double[] Apply(Act activation, double[] sums)
    {
        var values = new double[sums.Length];
        for (int i = 0; i < sums.Length; i++) values[i] = Apply(activation, sums[i]);
        return values;
    }
}
