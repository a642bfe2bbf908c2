using System;
using System.Collections.Generic;
using System.Linq;
using LeNetGen.Generator.Model;
using static LeNetGen.Generator.Emit.Scalar.ScalarCode;

namespace LeNetGen.Generator.Emit.Scalar;

/// <summary>
/// Walks a convolution's loop nest at the layer's unroll depth and lets the caller write what happens at each output
/// unit and each tap (one input value times one weight). The backward and curvature passes visit exactly the taps the
/// forward pass visits, in the same order, so one walk serves them all; only the statements differ.
/// </summary>
internal static class ConvWalker
{
    /// <summary>Where one unit of the walk is: its output map and its index in the layer's output, as expressions.</summary>
    public readonly record struct Unit(string Map, string OutputIndex);

    /// <param name="maps">The output maps to visit (a group, for Maps and Full; all maps otherwise).</param>
    /// <param name="open">Writes what starts a unit (e.g. loading its delta).</param>
    /// <param name="tap">One statement for a tap, from the input index and the weight index expressions.</param>
    /// <param name="close">Writes what ends a unit, or null.</param>
    public static void Walk(SourceWriter w, LayerPlan layer, IReadOnlyList<int> maps,
        Action<Unit> open, Func<string, string, string> tap, Action<Unit>? close = null)
    {
        Shape input = layer.PaddedIn, output = layer.Out;
        int kernelArea = layer.KernelHeight * layer.KernelWidth, inputArea = input.Height * input.Width;
        int outputArea = output.Height * output.Width, fanIn = input.Maps * kernelArea;

        void Field(int map, string? origin, long originOffset, string? weightBase, int weightStart, IReadOnlyList<int> inputs)
        {
            for (int j = 0; j < inputs.Count; j++)
                for (int ky = 0; ky < layer.KernelHeight; ky++)
                    for (int kx = 0; kx < layer.KernelWidth; kx++)
                    {
                        long at = originOffset + (long)inputs[j] * inputArea + (long)ky * input.Width + kx;
                        int weight = weightStart + j * kernelArea + ky * layer.KernelWidth + kx;
                        w.Line(tap(Index(origin, at), Index(weightBase, weight)));
                    }
        }

        (IReadOnlyList<int> Inputs, int Start) Connections(int map) => layer.HasTable
            ? (layer.Table[map], layer.MapWeightStarts[map])
            : (Enumerable.Range(0, input.Maps).ToList(), map * fanIn);

        switch (layer.Unroll)
        {
            case Unroll.Full:
                foreach (int m in maps)
                {
                    var (inputs, start) = Connections(m);
                    for (int y = 0; y < output.Height; y++)
                        for (int x = 0; x < output.Width; x++)
                        {
                            var unit = new Unit(Naming.Int(m), Naming.Int((long)m * outputArea + y * output.Width + x));
                            open(unit);
                            Field(m, null, (long)y * layer.Stride * input.Width + (long)x * layer.Stride, null, start, inputs);
                            close?.Invoke(unit);
                        }
                }
                break;

            case Unroll.Maps:
                using (OpenPositionLoops(w, output, layer.Stride, input.Width, out string? position, out string? origin))
                {
                    foreach (int m in maps)
                    {
                        var (inputs, start) = Connections(m);
                        w.Line($"// map {m} <- input map{(inputs.Count == 1 ? "" : "s")} {string.Join(", ", inputs)}");
                        var unit = new Unit(Naming.Int(m), Index(position, (long)m * outputArea));
                        open(unit);
                        Field(m, origin, 0, null, start, inputs);
                        close?.Invoke(unit);
                    }
                }
                break;

            case Unroll.Kernel:
                using (w.Block($"for (int m = 0; m < {output.Maps}; m++)"))
                {
                    w.Line($"int wi = m * {fanIn};");
                    if (outputArea > 1) w.Line($"int first = m * {outputArea};");
                    using (OpenPositionLoops(w, output, layer.Stride, input.Width, out string? position, out string? origin))
                    {
                        var unit = new Unit("m", position is null ? "m" : "first + " + position);
                        open(unit);
                        Field(0, origin, 0, "wi", 0, Enumerable.Range(0, input.Maps).ToList());
                        close?.Invoke(unit);
                    }
                }
                break;

            default:
                using (w.Block($"for (int m = 0; m < {output.Maps}; m++)"))
                {
                    if (outputArea > 1) w.Line($"int first = m * {outputArea};");
                    using (OpenPositionLoops(w, output, layer.Stride, input.Width, out string? position, out string? origin))
                    {
                        var unit = new Unit("m", position is null ? "m" : "first + " + position);
                        open(unit);
                        using (w.Block($"for (int c = 0; c < {input.Maps}; c++)"))
                        {
                            w.Line($"int window = {(origin is null ? "" : origin + " + ")}c * {inputArea};");
                            w.Line($"int wi = m * {fanIn} + c * {kernelArea};");
                            Field(0, "window", 0, "wi", 0, new[] { 0 });
                        }
                        close?.Invoke(unit);
                    }
                }
                break;
        }
    }
}
