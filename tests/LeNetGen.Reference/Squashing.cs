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

    /// <summary>f'(a) for <paramref name="activation"/>, from the sum a (relu: 1 where a &gt; 0, else 0).</summary>
    public static double Derivative(Act activation, double a) => activation switch
    {
        Act.Identity => 1.0,
        Act.Tanh => 1.0 - Math.Tanh(a) * Math.Tanh(a),
        Act.ScaledTanh => 1.7159 * (2.0 / 3.0) * (1.0 - Math.Tanh(2.0 * a / 3.0) * Math.Tanh(2.0 * a / 3.0)),
        Act.Relu => a > 0.0 ? 1.0 : 0.0,
        Act.Sigmoid => 1.0 / (1.0 + Math.Exp(-a)) * (1.0 - 1.0 / (1.0 + Math.Exp(-a))),
        _ => throw new ArgumentOutOfRangeException(nameof(activation), activation, "Unknown activation."),
    };
}
