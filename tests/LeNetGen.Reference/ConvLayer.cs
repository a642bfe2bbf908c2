using System;
using System.Collections.Generic;

namespace LeNetGen.Reference;

/// <summary>
/// A convolution: output map m at (y, x) is bias[m] plus, over each input map c it is connected to and each kernel tap
/// (ky, kx), weight x input[c, y*S + ky - P, x*S + kx - P], where the input is zero outside its borders (padding P).
/// Output side: floor((H + 2P - K) / S) + 1.
/// <para>
/// Parameters: weights, then biases [maps]. Without a table the weights are [outMap][inMap][ky][kx]; with one, for each
/// output map in order, for each connected input map ascending, [ky][kx] (so only connected pairs have weights).
/// </para>
/// </summary>
/// <param name="Maps">Output maps.</param>
/// <param name="KernelHeight">Kernel rows.</param>
/// <param name="KernelWidth">Kernel columns.</param>
/// <param name="Stride">Step between windows, both directions.</param>
/// <param name="Padding">Zeros added on each side of every input map.</param>
/// <param name="Table">[inputMap, outputMap]: true where the output map reads the input map (the paper's table 1); null: all.</param>
/// <param name="Activation">Applied to each sum.</param>
public sealed record ConvLayer(int Maps, int KernelHeight, int KernelWidth, int Stride = 1, int Padding = 0, bool[,]? Table = null,
    Act Activation = Act.Identity) : ReferenceLayer
{
    public override string Label(int position) => "C" + position;

    public override Shape OutputShape(Shape input)
    {
        Require(Maps, 1, "maps");
        Require(KernelHeight, 1, "kernel height");
        Require(KernelWidth, 1, "kernel width");
        Require(Stride, 1, "stride");
        Require(Padding, 0, "padding");
        if (Table is not null && (Table.GetLength(0) != input.Maps || Table.GetLength(1) != Maps))
            throw new ArgumentException($"The table is {Table.GetLength(0)}x{Table.GetLength(1)}; the layer needs {input.Maps}x{Maps}.");
        int paddedHeight = input.Height + 2 * Padding, paddedWidth = input.Width + 2 * Padding;
        if (KernelHeight > paddedHeight || KernelWidth > paddedWidth)
            throw new ArgumentException($"Kernel {KernelHeight}x{KernelWidth} does not fit {input} padded by {Padding}.");
        return new Shape(Maps, (paddedHeight - KernelHeight) / Stride + 1, (paddedWidth - KernelWidth) / Stride + 1);
    }

    /// <summary>The input maps output map <paramref name="map"/> reads, ascending.</summary>
    public List<int> ConnectedInputs(Shape input, int map)
    {
        var inputs = new List<int>();
        for (int c = 0; c < input.Maps; c++)
            if (Table is null || Table[c, map]) inputs.Add(c);
        return inputs;
    }

    /// <summary>Where output map <paramref name="map"/>'s weights start: after every earlier map's connected kernels.</summary>
    public int WeightStart(Shape input, int map)
    {
        int start = 0;
        for (int m = 0; m < map; m++) start += ConnectedInputs(input, m).Count * KernelHeight * KernelWidth;
        return start;
    }

    public override IReadOnlyList<(string Kind, int Length)> Blocks(Shape input) =>
        [("Weights", WeightStart(input, Maps)), ("Biases", Maps)];

    public override int[] FanIns(Shape input)
    {
        var fanIns = new List<int>();
        for (int m = 0; m < Maps; m++)
        {
            int fanIn = ConnectedInputs(input, m).Count * KernelHeight * KernelWidth;
            for (int i = 0; i < fanIn; i++) fanIns.Add(fanIn);
        }
        return fanIns.ToArray();
    }

    // input   (inMaps, H, W), zero outside
    // weights per map: (connected inputs, KernelHeight, KernelWidth) at WeightStart(map); biases (Maps) after all weights
    // output  (Maps, outH, outW)
    public override (double[] Sums, double[] Values) Forward(Shape input, double[] x, ReadOnlySpan<double> parameters)
    {
        Shape output = OutputShape(input);
        int weightCount = WeightStart(input, Maps);
        ReadOnlySpan<double> weights = parameters.Slice(0, weightCount), biases = parameters.Slice(weightCount, Maps);
        var sums = new double[output.Size];
        for (int m = 0; m < Maps; m++)
        {
            List<int> inputs = ConnectedInputs(input, m);
            int start = WeightStart(input, m);
            for (int y = 0; y < output.Height; y++)
            {
                for (int xo = 0; xo < output.Width; xo++)
                {
                    double sum = biases[m];
                    for (int j = 0; j < inputs.Count; j++)
                    {
                        for (int ky = 0; ky < KernelHeight; ky++)
                        {
                            for (int kx = 0; kx < KernelWidth; kx++)
                            {
                                int row = y * Stride + ky - Padding, column = xo * Stride + kx - Padding;
                                bool inside = row >= 0 && row < input.Height && column >= 0 && column < input.Width;
                                double value = inside ? x[input.Index(inputs[j], row, column)] : 0.0;
                                sum += value * weights[start + (j * KernelHeight + ky) * KernelWidth + kx];
                            }
                        }
                    }
                    sums[output.Index(m, y, xo)] = sum;
                }
            }
        }
        return (sums, Squashing.Apply(Activation, sums));
    }

    // sums'   (Maps, outH, outW) dE/d(sums)
    // result  dE/d(weights, biases) in buffer order; dE/dx (inMaps, H, W), padding cells dropped
    public override (double[] ParameterGradients, double[] InputGradients) Backward(Shape input, double[] x, ReadOnlySpan<double> parameters,
        double[] sumGradients)
    {
        Shape output = OutputShape(input);
        int weightCount = WeightStart(input, Maps);
        ReadOnlySpan<double> weights = parameters.Slice(0, weightCount);
        var parameterGradients = new double[weightCount + Maps];
        var inputGradients = new double[input.Size];
        for (int m = 0; m < Maps; m++)
        {
            List<int> inputs = ConnectedInputs(input, m);
            int start = WeightStart(input, m);
            for (int y = 0; y < output.Height; y++)
            {
                for (int xo = 0; xo < output.Width; xo++)
                {
                    double g = sumGradients[output.Index(m, y, xo)];
                    parameterGradients[weightCount + m] += g;
                    for (int j = 0; j < inputs.Count; j++)
                    {
                        for (int ky = 0; ky < KernelHeight; ky++)
                        {
                            for (int kx = 0; kx < KernelWidth; kx++)
                            {
                                int row = y * Stride + ky - Padding, column = xo * Stride + kx - Padding;
                                if (row < 0 || row >= input.Height || column < 0 || column >= input.Width) continue; // a zero of the padding
                                int w = start + (j * KernelHeight + ky) * KernelWidth + kx, i = input.Index(inputs[j], row, column);
                                parameterGradients[w] += x[i] * g;
                                inputGradients[i] += weights[w] * g;
                            }
                        }
                    }
                }
            }
        }
        return (parameterGradients, inputGradients);
    }

    // sums''  (Maps, outH, outW) d2E/d(sums)2
    // result  d2E/dw2 = sum over uses of d2E/da2 x^2, d2E/db2 = sum of d2E/da2; d2E/dx2 = sum over uses of w^2 d2E/da2
    public override (double[] ParameterCurvatures, double[] InputCurvatures) Curvature(Shape input, double[] x, ReadOnlySpan<double> parameters,
        double[] sumCurvatures)
    {
        Shape output = OutputShape(input);
        int weightCount = WeightStart(input, Maps);
        ReadOnlySpan<double> weights = parameters.Slice(0, weightCount);
        var parameterCurvatures = new double[weightCount + Maps];
        var inputCurvatures = new double[input.Size];
        for (int m = 0; m < Maps; m++)
        {
            List<int> inputs = ConnectedInputs(input, m);
            int start = WeightStart(input, m);
            for (int y = 0; y < output.Height; y++)
            {
                for (int xo = 0; xo < output.Width; xo++)
                {
                    double h = sumCurvatures[output.Index(m, y, xo)];
                    parameterCurvatures[weightCount + m] += h;
                    for (int j = 0; j < inputs.Count; j++)
                    {
                        for (int ky = 0; ky < KernelHeight; ky++)
                        {
                            for (int kx = 0; kx < KernelWidth; kx++)
                            {
                                int row = y * Stride + ky - Padding, column = xo * Stride + kx - Padding;
                                if (row < 0 || row >= input.Height || column < 0 || column >= input.Width) continue;
                                int w = start + (j * KernelHeight + ky) * KernelWidth + kx, i = input.Index(inputs[j], row, column);
                                parameterCurvatures[w] += x[i] * x[i] * h;
                                inputCurvatures[i] += weights[w] * weights[w] * h;
                            }
                        }
                    }
                }
            }
        }
        return (parameterCurvatures, inputCurvatures);
    }
}
