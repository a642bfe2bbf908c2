using System;
using System.Collections.Generic;

namespace LeNetGen.Reference;

/// <summary>
/// Pooling: each output of map m at (y, x) combines the Window x Window cells of input map m starting at
/// (y*Stride, x*Stride); output side floor((H - Window) / Stride) + 1, or with <see cref="CeilMode"/> PyTorch's
/// ceil_mode size (<see cref="OutputSide"/>), where the cells of a window past the input's end are left out (the
/// window is clipped). Average: the mean of the cells the window covers (PyTorch's divisor, count_include_pad, which
/// without padding counts the cells inside the input). Max: the largest. Subsample (LeNet-5's S2, S4): the sum times
/// coefficient[m] plus bias[m]; parameters coefficients [maps] then biases [maps]. The activation is applied after.
/// </summary>
/// <param name="Kind">How a window is combined.</param>
/// <param name="Window">The side of the square window.</param>
/// <param name="Stride">Step between windows; 0 means the window's side (no overlap).</param>
/// <param name="Activation">Applied to each sum.</param>
/// <param name="CeilMode">PyTorch's ceil_mode (average and max pooling only).</param>
public sealed record PoolLayer(PoolKind Kind, int Window, int Stride = 0, Act Activation = Act.Identity, bool CeilMode = false) : ReferenceLayer
{
    /// <summary>
    /// PyTorch's pooling output size (aten's pooling_output_shape, dilation 1): (input + 2 padding - window + (ceil ?
    /// stride - 1 : 0)) / stride rounded toward negative infinity, + 1; in ceil mode one fewer when the last window would
    /// start at or past the end of the input plus its left padding. Written from PyTorch's formula, not the generator's.
    /// </summary>
    public static int OutputSide(int input, int window, int stride, int padding, bool ceilMode)
    {
        int numerator = input + 2 * padding - (window - 1) - 1 + (ceilMode ? stride - 1 : 0);
        int size = (int)Math.Floor(numerator / (double)stride) + 1;
        if (ceilMode && (size - 1) * stride >= input + padding) size--;
        return size;
    }

    /// <summary>Whether input cell (row, column) of a map exists: a clipped window's cells past the end do not.</summary>
    private static bool Inside(Shape input, int row, int column) => row < input.Height && column < input.Width;

    /// <summary>The step actually taken.</summary>
    public int Step => Stride == 0 ? Window : Stride;

    public override string Label(int position) => "S" + position;

    public override Shape OutputShape(Shape input)
    {
        Require(Window, 1, "window");
        Require(Step, 1, "stride");
        if (Window > input.Height || Window > input.Width)
            throw new ArgumentException($"Window {Window}x{Window} does not fit {input}.");
        if (CeilMode && Kind == PoolKind.Subsample)
            throw new ArgumentException("Ceil mode is for average and max pooling.");
        return new Shape(input.Maps, OutputSide(input.Height, Window, Step, 0, CeilMode), OutputSide(input.Width, Window, Step, 0, CeilMode));
    }

    public override IReadOnlyList<(string Kind, int Length)> Blocks(Shape input) =>
        Kind == PoolKind.Subsample ? [("Coefficients", input.Maps), ("Biases", input.Maps)] : [];

    public override int[] FanIns(Shape input)
    {
        if (Kind != PoolKind.Subsample) return [];
        var fanIns = new int[input.Maps];
        Array.Fill(fanIns, Window * Window);
        return fanIns;
    }

    // input   (maps, H, W)
    // params  subsample only: coefficients (maps), biases (maps)
    // output  (maps, outH, outW)
    public override (double[] Sums, double[] Values) Forward(Shape input, double[] x, ReadOnlySpan<double> parameters)
    {
        Shape output = OutputShape(input);
        var sums = new double[output.Size];
        for (int m = 0; m < output.Maps; m++)
        {
            for (int y = 0; y < output.Height; y++)
            {
                for (int xo = 0; xo < output.Width; xo++)
                {
                    double total = 0.0, largest = double.NegativeInfinity;
                    int cells = 0;
                    for (int ky = 0; ky < Window; ky++)
                    {
                        for (int kx = 0; kx < Window; kx++)
                        {
                            if (!Inside(input, y * Step + ky, xo * Step + kx)) continue;
                            double value = x[input.Index(m, y * Step + ky, xo * Step + kx)];
                            total += value;
                            largest = Math.Max(largest, value);
                            cells++;
                        }
                    }
                    sums[output.Index(m, y, xo)] = Kind switch
                    {
                        PoolKind.Average => total / cells,
                        PoolKind.Max => largest,
                        PoolKind.Subsample => total * parameters[m] + parameters[input.Maps + m],
                        _ => throw new InvalidOperationException($"Unknown pooling {Kind}."),
                    };
                }
            }
        }
        return (sums, Squashing.Apply(Activation, sums));
    }

    /// <summary>
    /// Max pooling: for each output, the index in <paramref name="x"/> of its window's largest value, the first one
    /// (row by row) on a tie. The gradient goes there alone.
    /// </summary>
    public int[] Largest(Shape input, double[] x)
    {
        Shape output = OutputShape(input);
        var largest = new int[output.Size];
        for (int m = 0; m < output.Maps; m++)
        {
            for (int y = 0; y < output.Height; y++)
            {
                for (int xo = 0; xo < output.Width; xo++)
                {
                    int best = input.Index(m, y * Step, xo * Step);
                    for (int ky = 0; ky < Window; ky++)
                    {
                        for (int kx = 0; kx < Window; kx++)
                        {
                            if (!Inside(input, y * Step + ky, xo * Step + kx)) continue;
                            int i = input.Index(m, y * Step + ky, xo * Step + kx);
                            if (x[i] > x[best]) best = i;
                        }
                    }
                    largest[output.Index(m, y, xo)] = best;
                }
            }
        }
        return largest;
    }

    // sums'   (maps, outH, outW) dE/d(sums)
    // result  subsample: dE/d(coefficients), dE/d(biases); dE/dx (maps, H, W)
    public override (double[] ParameterGradients, double[] InputGradients) Backward(Shape input, double[] x, ReadOnlySpan<double> parameters,
        double[] sumGradients)
    {
        Shape output = OutputShape(input);
        var parameterGradients = new double[Kind == PoolKind.Subsample ? 2 * input.Maps : 0];
        var inputGradients = new double[input.Size];
        int[]? largest = Kind == PoolKind.Max ? Largest(input, x) : null;
        for (int m = 0; m < output.Maps; m++)
        {
            for (int y = 0; y < output.Height; y++)
            {
                for (int xo = 0; xo < output.Width; xo++)
                {
                    int o = output.Index(m, y, xo);
                    double g = sumGradients[o];
                    if (largest is not null)
                    {
                        inputGradients[largest[o]] += g;
                        continue;
                    }
                    double total = 0.0;
                    int cells = Cells(input, y, xo);
                    for (int ky = 0; ky < Window; ky++)
                    {
                        for (int kx = 0; kx < Window; kx++)
                        {
                            if (!Inside(input, y * Step + ky, xo * Step + kx)) continue;
                            int i = input.Index(m, y * Step + ky, xo * Step + kx);
                            total += x[i];
                            inputGradients[i] += Kind == PoolKind.Average ? g / cells : parameters[m] * g;
                        }
                    }
                    if (Kind == PoolKind.Subsample)
                    {
                        parameterGradients[m] += total * g;
                        parameterGradients[input.Maps + m] += g;
                    }
                }
            }
        }
        return (parameterGradients, inputGradients);
    }

    // sums''  (maps, outH, outW) d2E/d(sums)2
    // result  subsample a = c * windowsum + b: d2E/dc2 += d2E/da2 windowsum^2, d2E/db2 += d2E/da2, each input c^2 d2E/da2;
    //         average: each input d2E/da2 / area^2; max: d2E/da2 to the largest input
    public override (double[] ParameterCurvatures, double[] InputCurvatures) Curvature(Shape input, double[] x, ReadOnlySpan<double> parameters,
        double[] sumCurvatures)
    {
        Shape output = OutputShape(input);
        var parameterCurvatures = new double[Kind == PoolKind.Subsample ? 2 * input.Maps : 0];
        var inputCurvatures = new double[input.Size];
        int[]? largest = Kind == PoolKind.Max ? Largest(input, x) : null;
        for (int m = 0; m < output.Maps; m++)
        {
            for (int y = 0; y < output.Height; y++)
            {
                for (int xo = 0; xo < output.Width; xo++)
                {
                    int o = output.Index(m, y, xo);
                    double h = sumCurvatures[o];
                    if (largest is not null)
                    {
                        inputCurvatures[largest[o]] += h;
                        continue;
                    }
                    double total = 0.0;
                    double area = Cells(input, y, xo);
                    for (int ky = 0; ky < Window; ky++)
                    {
                        for (int kx = 0; kx < Window; kx++)
                        {
                            if (!Inside(input, y * Step + ky, xo * Step + kx)) continue;
                            int i = input.Index(m, y * Step + ky, xo * Step + kx);
                            total += x[i];
                            inputCurvatures[i] += Kind == PoolKind.Average ? h / (area * area) : parameters[m] * parameters[m] * h;
                        }
                    }
                    if (Kind == PoolKind.Subsample)
                    {
                        parameterCurvatures[m] += total * total * h;
                        parameterCurvatures[input.Maps + m] += h;
                    }
                }
            }
        }
        return (parameterCurvatures, inputCurvatures);
    }

    /// <summary>The cells of output (y, x)'s window that lie inside the input: Window x Window unless clipped.</summary>
    private int Cells(Shape input, int y, int x)
    {
        int cells = 0;
        for (int ky = 0; ky < Window; ky++)
            for (int kx = 0; kx < Window; kx++)
                if (Inside(input, y * Step + ky, x * Step + kx)) cells++;
        return cells;
    }
}
