using System;
using System.Collections.Generic;
using LeNetGen.Reference;
using LeNetGen.TestNetworks.Infrastructure;
using Xunit;

namespace LeNetGen.Networks.Tests;

/// <summary>
/// The generated forward pass against the reference: every layer's sums and values in the workspace, and the output,
/// for parameters as initialized (zero biases) and perturbed (every parameter moved, so biases and coefficients count),
/// and random inputs in [-1.5, 1.5].
/// </summary>
public sealed class ForwardTests
{
    [Theory]
    [MemberData(nameof(NetworkCases.NamesAndSeeds), MemberType = typeof(NetworkCases))]
    public void EveryLayerMatchesTheReference(string network, ulong seed)
    {
        NetworkCase net = NetworkCases.Get(network);
        double[] initialized = net.InitializeParameters(seed);
        var noise = new Random((int)seed);
        var perturbed = new double[initialized.Length];
        for (int i = 0; i < perturbed.Length; i++) perturbed[i] = initialized[i] + 0.2 * (2.0 * noise.NextDouble() - 1.0);
        perturbed = net.Round(perturbed);

        var failures = new List<string>();
        foreach (var (label, parameters) in new[] { ("initialized", initialized), ("perturbed", perturbed) })
        {
            for (int sample = 0; sample < 2; sample++)
            {
                double[] input = net.Round(RandomInput(net.InputSize, (int)seed * 100 + sample));
                foreach (string failure in Compare(net, parameters, input))
                    failures.Add($"{network}, seed {seed}, {label} parameters, input {sample}: {failure}");
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>Every mismatching tensor of one forward pass.</summary>
    private static IEnumerable<string> Compare(NetworkCase net, double[] parameters, double[] input)
    {
        ForwardResult expected = net.Reference.Forward(parameters, input);
        var (workspace, output) = net.Forward(parameters, input);
        foreach (LayerActivations layer in expected.Layers)
        {
            int size = layer.Shape.Size;
            if (net.Constant(layer.Name + "SumsOffset") is int sums)
            {
                if (TensorCheck.Compare(layer.Name + " sums", layer.Shape, workspace.AsSpan(sums, size), layer.Sums, net.Tolerance) is string report)
                    yield return report;
            }
            else if (!layer.Sums.AsSpan().SequenceEqual(layer.Values))
            {
                yield return $"{layer.Name}: no {layer.Name}SumsOffset, but its activation changes its sums: they are not kept";
            }
            int values = net.RequiredConstant(layer.Name + "ValuesOffset");
            if (TensorCheck.Compare(layer.Name + " values", layer.Shape, workspace.AsSpan(values, size), layer.Values, net.Tolerance) is string mismatch)
                yield return mismatch;
        }
        if (TensorCheck.Compare("output", new Shape(output.Length, 1, 1), output, expected.Output, net.Tolerance) is string outputs)
            yield return outputs;
    }

    /// <summary>Values uniform in [-1.5, 1.5] from a fixed-seed <see cref="Random"/>.</summary>
    private static double[] RandomInput(int size, int seed)
    {
        var random = new Random(seed);
        var input = new double[size];
        for (int i = 0; i < size; i++) input[i] = 3.0 * random.NextDouble() - 1.5;
        return input;
    }
}
