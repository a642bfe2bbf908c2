using System;

namespace LeNetGen.Samples.Cli.Bench;

/// <summary>Order statistics of timings, sorted in place (the timings are not needed in their order afterwards).</summary>
internal static class Percentiles
{
    /// <summary>The value at fraction <paramref name="q"/> (0.5: the median) of <paramref name="values"/>, linearly interpolated.</summary>
    public static double Of(Span<double> values, double q)
    {
        if (values.IsEmpty) throw new ArgumentException("No values.", nameof(values));
        values.Sort();
        double at = q * (values.Length - 1);
        int below = (int)Math.Floor(at), above = Math.Min(below + 1, values.Length - 1);
        return values[below] + (values[above] - values[below]) * (at - below);
    }
}
