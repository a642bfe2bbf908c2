using System;
using System.Collections.Generic;

namespace LeNetGen.Reference;

/// <summary>
/// Pooling: each output of map m at (y, x) combines the Window x Window cells of input map m starting at
/// (y*Stride, x*Stride); output side floor((H - Window) / Stride) + 1. Average: the mean. Max: the largest.
/// Subsample (LeNet-5's S2, S4): the sum times coefficient[m] plus bias[m]; parameters coefficients [maps] then
/// biases [maps]. The activation is applied after.
/// </summary>
/// <param name="Kind">How a window is combined.</param>
/// <param name="Window">The side of the square window.</param>
/// <param name="Stride">Step between windows; 0 means the window's side (no overlap).</param>
/// <param name="Activation">Applied to each sum.</param>
public sealed record PoolLayer(PoolKind Kind, int Window, int Stride = 0, Act Activation = Act.Identity) : ReferenceLayer
{
    /// <summary>The step actually taken.</summary>
    public int Step => Stride == 0 ? Window : Stride;

    public override string Label(int position) => "S" + position;

    public override Shape OutputShape(Shape input)
    {
        Require(Window, 1, "window");
        Require(Step, 1, "stride");
        if (Window > input.Height || Window > input.Width)
            throw new ArgumentException($"Window {Window}x{Window} does not fit {input}.");
        return new Shape(input.Maps, (input.Height - Window) / Step + 1, (input.Width - Window) / Step + 1);
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
                    for (int ky = 0; ky < Window; ky++)
                    {
                        for (int kx = 0; kx < Window; kx++)
                        {
                            double value = x[input.Index(m, y * Step + ky, xo * Step + kx)];
                            total += value;
                            largest = Math.Max(largest, value);
                        }
                    }
                    sums[output.Index(m, y, xo)] = Kind switch
                    {
                        PoolKind.Average => total / (Window * Window),
                        PoolKind.Max => largest,
                        PoolKind.Subsample => total * parameters[m] + parameters[input.Maps + m],
                        _ => throw new InvalidOperationException($"Unknown pooling {Kind}."),
                    };
                }
            }
        }
        return (sums, Squashing.Apply(Activation, sums));
    }
}
