using System;
using System.Text.RegularExpressions;
using LeNetGen.TestNetworks.Infrastructure;
using LeNetGen.TestNetworks;
using Xunit;

namespace LeNetGen.Networks.Tests;

/// <summary>A span of the wrong length is refused with an <see cref="ArgumentException"/> that names the expected size.</summary>
public sealed class LengthGuardTests
{
    [Theory]
    [MemberData(nameof(NetworkCases.Names), MemberType = typeof(NetworkCases))]
    public void WrongLengthsAreRefusedWithTheExpectedSize(string network)
    {
        NetworkCase net = NetworkCases.Get(network);
        int p = net.ParameterCount, x = net.InputSize, w = net.WorkspaceSize, y = net.OutputSize;
        AssertRefused(() => net.Forward(p + 1, x, w, y), "parameters", p);
        AssertRefused(() => net.Forward(p, x - 1, w, y), "input", x);
        AssertRefused(() => net.Forward(p, x, w - 1, y), "workspace", w);
        AssertRefused(() => net.Forward(p, x, w, y + 1), "output", y);
        AssertRefused(() => net.InitializeParametersOfLength(p - 1), "parameters", p);
        AssertRefused(() => net.PredictedClass(new double[y + 1]), "output", y);
        net.Forward(p, x, w, y); // the right lengths pass
    }

    [Fact]
    public void ClassicLeNet5RefusesA1023LongInput()
    {
        var exception = Assert.Throws<ArgumentException>(() =>
            ClassicLeNet5.Forward(new float[ClassicLeNet5.ParameterCount], new float[1023], new float[ClassicLeNet5.WorkspaceSize], new float[10]));
        Assert.Contains("1024", exception.Message);
        Assert.Equal("input", exception.ParamName);
    }

    private static void AssertRefused(Action call, string parameter, int expected)
    {
        var exception = Assert.Throws<ArgumentException>(call);
        Assert.Equal(parameter, exception.ParamName);
        Assert.Matches($@"\b{expected}\b", Regex.Replace(exception.Message, @"(?<=\d),(?=\d)", ""));
    }
}
