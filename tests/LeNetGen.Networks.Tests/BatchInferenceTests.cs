using System;
using LeNetGen.TestNetworks.Infrastructure;
using LeNetGen.TestNetworks;
using Xunit;

namespace LeNetGen.Networks.Tests;

/// <summary>
/// BatchInference over batches that are not a multiple of the tile (1, 15, 17, 33 samples): each sample's outputs equal
/// the scalar Forward's within float rounding, and are the same bit for bit on one thread and on several.
/// </summary>
public sealed class BatchInferenceTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(15)]
    [InlineData(17)]
    [InlineData(33)]
    public void EverySampleEqualsTheScalarForwardOnAnyNumberOfThreads(int count)
    {
        NetworkCase net = NetworkCases.Get(nameof(ModernLeNet5));
        float[] parameters = Array.ConvertAll(Samples.Parameters(net, 3), v => (float)v);
        var inputs = new float[count * ModernLeNet5.InputSize];
        for (int l = 0; l < count; l++) Array.ConvertAll(Samples.Input(net, 50 + l), v => (float)v).CopyTo(inputs, l * ModernLeNet5.InputSize);
        var one = new float[count * ModernLeNet5.OutputSize];
        var two = new float[count * ModernLeNet5.OutputSize];
        new BatchInference<ModernLeNet5, float>(threads: 1).Forward(parameters, inputs, one);
        new BatchInference<ModernLeNet5, float>(threads: 2).Forward(parameters, inputs, two);
        Assert.Equal(one, two);

        var workspace = new float[ModernLeNet5.WorkspaceSize];
        var output = new float[ModernLeNet5.OutputSize];
        for (int l = 0; l < count; l++)
        {
            ModernLeNet5.Forward(parameters, inputs.AsSpan(l * ModernLeNet5.InputSize, ModernLeNet5.InputSize), workspace, output);
            for (int k = 0; k < output.Length; k++)
                Assert.True(Math.Abs(one[l * output.Length + k] - output[k]) <= 1e-5 * Math.Max(1, Math.Abs(output[k])),
                    $"sample {l}, output {k}: batch {one[l * output.Length + k]}, scalar {output[k]}");
        }
    }
}
