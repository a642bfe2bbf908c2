using System;
using System.Collections.Generic;

namespace LeNetGen.Reference;

/// <summary>
/// A network as the reference sees it: an input shape and layers in order. Shapes, names and the parameter layout are
/// worked out once here, from the layers alone; the parameter buffer holds each layer's blocks in layer order.
/// </summary>
public sealed class ReferenceNetwork
{
    private readonly int[] _parameterStarts;

    /// <summary>Checks every shape and lays out the parameters; throws <see cref="ArgumentException"/> when a layer does not fit.</summary>
    public ReferenceNetwork(Shape input, params ReferenceLayer[] layers)
    {
        if (layers.Length == 0) throw new ArgumentException("A network needs at least one layer.", nameof(layers));
        Input = input;
        Layers = layers;
        var names = new string[layers.Length];
        var inputs = new Shape[layers.Length];
        var outputs = new Shape[layers.Length];
        var blocks = new List<ParameterBlock>();
        _parameterStarts = new int[layers.Length];
        Shape current = input;
        int offset = 0;
        for (int i = 0; i < layers.Length; i++)
        {
            names[i] = layers[i].Label(i + 1);
            inputs[i] = current;
            outputs[i] = layers[i].OutputShape(current);
            _parameterStarts[i] = offset;
            foreach (var (kind, length) in layers[i].Blocks(current))
            {
                blocks.Add(new ParameterBlock(names[i], kind, offset, length));
                offset += length;
            }
            FixedValueCount += layers[i].FixedValueCount;
            current = outputs[i];
        }
        Names = names;
        InputShapes = inputs;
        OutputShapes = outputs;
        ParameterBlocks = blocks;
        ParameterCount = offset;
    }

    /// <summary>One sample's shape.</summary>
    public Shape Input { get; }

    /// <summary>The layers, in order.</summary>
    public IReadOnlyList<ReferenceLayer> Layers { get; }

    /// <summary>Each layer's label (C1, S2, ..., Output).</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>The shape each layer receives.</summary>
    public IReadOnlyList<Shape> InputShapes { get; }

    /// <summary>The shape each layer produces.</summary>
    public IReadOnlyList<Shape> OutputShapes { get; }

    /// <summary>Every block of the parameter buffer, in buffer order.</summary>
    public IReadOnlyList<ParameterBlock> ParameterBlocks { get; }

    /// <summary>The length of the parameter buffer.</summary>
    public int ParameterCount { get; }

    /// <summary>Values used but not trained (fixed RBF prototypes).</summary>
    public int FixedValueCount { get; }

    /// <summary>The values of one output: the last layer's size.</summary>
    public int OutputSize => OutputShapes[^1].Size;

    /// <summary>Layer <paramref name="index"/>'s slice of <paramref name="parameters"/>.</summary>
    public ReadOnlySpan<double> ParametersOf(int index, double[] parameters) =>
        parameters.AsSpan(_parameterStarts[index], Layers[index].ParameterCount(InputShapes[index]));

    /// <summary>Runs one sample through every layer, keeping each layer's sums and values.</summary>
    public ForwardResult Forward(double[] parameters, double[] input)
    {
        if (parameters.Length != ParameterCount)
            throw new ArgumentException($"Expected {ParameterCount} parameters; got {parameters.Length}.", nameof(parameters));
        if (input.Length != Input.Size)
            throw new ArgumentException($"Expected {Input.Size} input values ({Input}); got {input.Length}.", nameof(input));
        var activations = new LayerActivations[Layers.Count];
        double[] x = input;
        for (int i = 0; i < Layers.Count; i++)
        {
            var (sums, values) = Layers[i].Forward(InputShapes[i], x, ParametersOf(i, parameters));
            activations[i] = new LayerActivations(Names[i], OutputShapes[i], sums, values);
            x = values;
        }
        return new ForwardResult(activations, x);
    }
}
