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

    /// <summary>
    /// Runs one sample forward, then backward from <paramref name="headGradient"/> = dE/d(head sums) (softmax: the
    /// logits; RBF: the penalties): dE/d(every parameter), in buffer order, and dE/d(input).
    /// </summary>
    public BackwardResult Backward(double[] parameters, double[] input, double[] headGradient)
    {
        ForwardResult forward = Forward(parameters, input);
        if (headGradient.Length != OutputSize)
            throw new ArgumentException($"Expected {OutputSize} head gradients; got {headGradient.Length}.", nameof(headGradient));
        var gradients = new double[ParameterCount];
        double[] valueGradients = headGradient; // dE/d(values) of layer i, except the head's: dE/d(sums)
        for (int i = Layers.Count - 1; i >= 0; i--)
        {
            double[] sumGradients = valueGradients;
            if (i < Layers.Count - 1)
            {
                // dE/da = f'(a) dE/dx
                Act activation = ActivationOf(Layers[i]);
                double[] sums = forward.Layers[i].Sums;
                sumGradients = new double[sums.Length];
                for (int u = 0; u < sums.Length; u++) sumGradients[u] = Squashing.Derivative(activation, sums[u]) * valueGradients[u];
            }
            double[] x = i == 0 ? input : forward.Layers[i - 1].Values;
            var (parameterGradients, inputGradients) = Layers[i].Backward(InputShapes[i], x, ParametersOf(i, parameters), sumGradients);
            parameterGradients.CopyTo(gradients, _parameterStarts[i]);
            valueGradients = inputGradients;
        }
        return new BackwardResult(gradients, valueGradients);
    }

    /// <summary>
    /// Runs one sample forward, then the diagonal Gauss-Newton pass from <paramref name="headCurvature"/> =
    /// d2E/d(head sums)2; an RBF head keeps <paramref name="headWeights"/>[k] of unit k's own second derivative
    /// (null: none). Returns d2E/dw2 of every parameter, in buffer order, and d2E/d(input)2.
    /// </summary>
    public BackwardResult Curvature(double[] parameters, double[] input, double[] headCurvature, double[]? headWeights)
    {
        ForwardResult forward = Forward(parameters, input);
        if (headCurvature.Length != OutputSize)
            throw new ArgumentException($"Expected {OutputSize} head curvatures; got {headCurvature.Length}.", nameof(headCurvature));
        var curvatures = new double[ParameterCount];
        double[] valueCurvatures = headCurvature;
        for (int i = Layers.Count - 1; i >= 0; i--)
        {
            double[] sumCurvatures = valueCurvatures;
            if (i < Layers.Count - 1)
            {
                // d2E/da2 = f'(a)^2 d2E/dx2
                Act activation = ActivationOf(Layers[i]);
                double[] sums = forward.Layers[i].Sums;
                sumCurvatures = new double[sums.Length];
                for (int u = 0; u < sums.Length; u++)
                {
                    double slope = Squashing.Derivative(activation, sums[u]);
                    sumCurvatures[u] = slope * slope * valueCurvatures[u];
                }
            }
            double[] x = i == 0 ? input : forward.Layers[i - 1].Values;
            var (parameterCurvatures, inputCurvatures) = Layers[i] is RbfHead rbf && headWeights is not null
                ? rbf.Curvature(InputShapes[i], x, ParametersOf(i, parameters), sumCurvatures, headWeights)
                : Layers[i].Curvature(InputShapes[i], x, ParametersOf(i, parameters), sumCurvatures);
            parameterCurvatures.CopyTo(curvatures, _parameterStarts[i]);
            valueCurvatures = inputCurvatures;
        }
        return new BackwardResult(curvatures, valueCurvatures);
    }

    private static Act ActivationOf(ReferenceLayer layer) => layer switch
    {
        ConvLayer conv => conv.Activation,
        PoolLayer pool => pool.Activation,
        DenseLayer dense => dense.Activation,
        _ => throw new ArgumentException($"{layer.GetType().Name} is a head; only the last layer may be one."),
    };
}
