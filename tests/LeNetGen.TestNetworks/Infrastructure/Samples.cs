using System;

namespace LeNetGen.TestNetworks.Infrastructure;

/// <summary>Parameters and inputs for the gradient and curvature tests, from fixed seeds.</summary>
internal static class Samples
{
    /// <summary>
    /// The network's initialization for <paramref name="seed"/> with every parameter moved by up to 0.05, so biases and
    /// coefficients are not at their starting values, rounded to the network's element type.
    /// </summary>
    public static double[] Parameters(NetworkCase net, ulong seed)
    {
        double[] parameters = net.InitializeParameters(seed);
        var noise = new Random((int)seed + 1000);
        for (int i = 0; i < parameters.Length; i++) parameters[i] += 0.05 * (2.0 * noise.NextDouble() - 1.0);
        return net.Round(parameters);
    }

    /// <summary>Values uniform in [-1.5, 1.5], rounded to the network's element type.</summary>
    public static double[] Input(NetworkCase net, int seed) => net.Round(Uniform(net.InputSize, seed, -1.5, 1.5));

    /// <summary><paramref name="count"/> values uniform in [<paramref name="low"/>, <paramref name="high"/>].</summary>
    public static double[] Uniform(int count, int seed, double low, double high)
    {
        var random = new Random(seed);
        var values = new double[count];
        for (int i = 0; i < count; i++) values[i] = low + (high - low) * random.NextDouble();
        return values;
    }
}
