using System;
using System.Collections.Generic;
using System.Linq;
using LeNetGen.Reference;
using LeNetGen.TestNetworks.Infrastructure;
using LeNetGen.TestNetworks;
using Xunit;

namespace LeNetGen.Networks.Tests;

/// <summary>
/// With a connection table only connected weights exist: each one reaches the output (no dead weights), and the
/// gradient is a full-table network's gradient with the unconnected weights fixed at zero, read at the connected ones.
/// </summary>
public sealed class ConnectionTableGradientTests
{
    [Theory]
    [InlineData(nameof(DoubleClassicLeNet5), "C3")]
    [InlineData(nameof(DoubleTableNet), "C1")]
    [InlineData(nameof(DoubleTableNet), "C4")]
    public void EveryWeightOfATableLayerMovesTheOutput(string network, string layer)
    {
        NetworkCase net = NetworkCases.Get(network);
        double[] parameters = Samples.Parameters(net, 1);
        double[] input = Samples.Input(net, 17);
        int offset = net.RequiredConstant(layer + "WeightsOffset"), length = net.RequiredConstant(layer + "WeightsLength");
        NetworkCase.Probe probe = net.CreateProbe(parameters, input);
        double[] unmoved = probe.HeadSums();
        var dead = new List<int>();
        for (int k = 0; k < length; k++)
        {
            probe.SetParameter(offset + k, parameters[offset + k] + 1e-3);
            if (probe.HeadSums().AsSpan().SequenceEqual(unmoved)) dead.Add(k);
            probe.SetParameter(offset + k, parameters[offset + k]);
        }
        Assert.True(dead.Count == 0, $"{network}: moving {layer} weights {string.Join(", ", dead.Take(20))} changes no output ({dead.Count} of {length})");
    }

    [Theory]
    [InlineData(nameof(DoubleClassicLeNet5))]
    [InlineData(nameof(DoubleTableNet))]
    public void GradientIsAFullTableGradientWithTheMissingWeightsAtZero(string network)
    {
        NetworkCase net = NetworkCases.Get(network);
        ReferenceNetwork table = net.Reference;
        // The same layers with every table dropped: all inputs to all outputs.
        var full = new ReferenceNetwork(table.Input, table.Layers.Select(l => l is ConvLayer conv ? conv with { Table = null } : l).ToArray());
        int[] fullIndexOf = FullIndices(table, full); // table parameter i is full parameter fullIndexOf[i]
        double[] parameters = Samples.Parameters(net, 2);
        var fullParameters = new double[full.ParameterCount]; // unconnected weights stay zero
        for (int i = 0; i < parameters.Length; i++) fullParameters[fullIndexOf[i]] = parameters[i];
        double[] input = Samples.Input(net, 23);
        double[] headGradient = Samples.Uniform(net.OutputSize, 24, -1.0, 1.0);

        BackwardResult generated = net.Backward(parameters, input, headGradient);
        BackwardResult expected = full.Backward(fullParameters, input, headGradient);
        var connected = new double[parameters.Length];
        for (int i = 0; i < connected.Length; i++) connected[i] = expected.Parameters[fullIndexOf[i]];
        Assert.Null(TensorCheck.Compare("gradients", new Shape(connected.Length, 1, 1), generated.Parameters, connected, net.Tolerance));
        Assert.Null(TensorCheck.Compare("input gradient", table.Input, generated.Input, expected.Input, net.Tolerance));
    }

    /// <summary>Where each parameter of <paramref name="table"/> sits in <paramref name="full"/>, the same network without tables.</summary>
    private static int[] FullIndices(ReferenceNetwork table, ReferenceNetwork full)
    {
        var indices = new List<int>();
        for (int l = 0; l < table.Layers.Count; l++)
        {
            int start = full.ParameterBlocks.Where(b => b.Layer == full.Names[l]).Select(b => b.Offset).DefaultIfEmpty(-1).First();
            Shape input = table.InputShapes[l];
            if (table.Layers[l] is ConvLayer { Table: not null } conv)
            {
                int taps = conv.KernelHeight * conv.KernelWidth;
                for (int m = 0; m < conv.Maps; m++)
                    foreach (int c in conv.ConnectedInputs(input, m))
                        for (int t = 0; t < taps; t++) indices.Add(start + (m * input.Maps + c) * taps + t);
                int biases = start + conv.Maps * input.Maps * taps;
                for (int m = 0; m < conv.Maps; m++) indices.Add(biases + m);
            }
            else
            {
                for (int k = 0; k < table.Layers[l].ParameterCount(input); k++) indices.Add(start + k);
            }
        }
        return indices.ToArray();
    }
}
