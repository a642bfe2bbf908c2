using System;
using System.Runtime.Intrinsics;
using Xunit;
using Xunit.Abstractions;

namespace LeNetGen.Runtime.Tests.Kernels;

/// <summary>
/// The tile kernels' vector activations against double-precision Math at every width, over a dense grid of inputs
/// from -20 to 20 and tiny ones near 0: float within 1e-6 of the exact value relative to it (plus 1e-30 absolute for
/// sigmoid's underflow), double per lane within 1e-15.
/// </summary>
public sealed class VectorActivationsTests(ITestOutputHelper output)
{
    private static double[] Grid()
    {
        var values = new System.Collections.Generic.List<double>();
        for (double x = -20; x <= 20; x += 0.000731) values.Add(x);
        for (double x = 1e-9; x < 1; x *= 1.07) { values.Add(x); values.Add(-x); }
        values.Add(0);
        return values.ToArray();
    }

    [Theory]
    [InlineData("tanh")]
    [InlineData("scaled tanh")]
    [InlineData("sigmoid")]
    public void FloatActivationsAreWithinAMillionthAtEveryWidth(string function)
    {
        Func<double, double> exact = Exact(function);
        double worst512 = 0, worst256 = 0, worst128 = 0;
        foreach (double value in Grid())
        {
            float x = (float)value;
            double expected = exact(x);
            worst512 = Math.Max(worst512, Error(Float512(function, x), expected));
            worst256 = Math.Max(worst256, Error(Float256(function, x), expected));
            worst128 = Math.Max(worst128, Error(Float128(function, x), expected));
        }
        output.WriteLine($"{function}: largest relative error 512 {worst512:E2}, 256 {worst256:E2}, 128 {worst128:E2}");
        Assert.True(worst512 <= 1e-6 && worst256 <= 1e-6 && worst128 <= 1e-6, $"{function}: {worst512:E2} / {worst256:E2} / {worst128:E2}");
    }

    [Theory]
    [InlineData("tanh")]
    [InlineData("scaled tanh")]
    public void FloatTanhKeepsNaNAndSaturatesAtInfinityAtEveryWidth(string function)
    {
        // A diverging sum must stay NaN through the activation, or the loss would look finite.
        Assert.True(float.IsNaN(Float512(function, float.NaN)));
        Assert.True(float.IsNaN(Float256(function, float.NaN)));
        Assert.True(float.IsNaN(Float128(function, float.NaN)));
        float amplitude = function == "tanh" ? 1f : 1.7159f;
        foreach (float infinity in new[] { float.PositiveInfinity, float.NegativeInfinity })
        {
            float expected = Math.Sign(infinity) * amplitude;
            Assert.Equal(expected, Float512(function, infinity), 1e-6f);
            Assert.Equal(expected, Float256(function, infinity), 1e-6f);
            Assert.Equal(expected, Float128(function, infinity), 1e-6f);
        }
    }

    [Theory]
    [InlineData("tanh")]
    [InlineData("scaled tanh")]
    [InlineData("sigmoid")]
    public void DoubleActivationsAreExactToRounding(string function)
    {
        Func<double, double> exact = Exact(function);
        double worst = 0;
        foreach (double x in Grid())
        {
            Vector512<double> v = Vector512.Create(x);
            double got = function switch
            {
                "tanh" => VectorActivations.Tanh(v)[3],
                "scaled tanh" => VectorActivations.ScaledTanh(Vector256.Create(x))[1],
                _ => VectorActivations.Sigmoid(Vector128.Create(x))[1],
            };
            worst = Math.Max(worst, Error(got, exact(x)));
        }
        output.WriteLine($"{function}: largest relative error {worst:E2}");
        Assert.True(worst <= 1e-15, $"{function}: {worst:E2}");
    }

    private static Func<double, double> Exact(string function) => function switch
    {
        "tanh" => Math.Tanh,
        "scaled tanh" => a => 1.7159 * Math.Tanh(2.0 / 3.0 * a),
        _ => a => 1.0 / (1.0 + Math.Exp(-a)),
    };

    private static double Error(double got, double expected) => Math.Abs(got - expected) / (Math.Abs(expected) + 1e-30);

    private static float Float512(string function, float x) => function switch
    {
        "tanh" => VectorActivations.Tanh(Vector512.Create(x))[7],
        "scaled tanh" => VectorActivations.ScaledTanh(Vector512.Create(x))[7],
        _ => VectorActivations.Sigmoid(Vector512.Create(x))[7],
    };

    private static float Float256(string function, float x) => function switch
    {
        "tanh" => VectorActivations.Tanh(Vector256.Create(x))[5],
        "scaled tanh" => VectorActivations.ScaledTanh(Vector256.Create(x))[5],
        _ => VectorActivations.Sigmoid(Vector256.Create(x))[5],
    };

    private static float Float128(string function, float x) => function switch
    {
        "tanh" => VectorActivations.Tanh(Vector128.Create(x))[2],
        "scaled tanh" => VectorActivations.ScaledTanh(Vector128.Create(x))[2],
        _ => VectorActivations.Sigmoid(Vector128.Create(x))[2],
    };
}
