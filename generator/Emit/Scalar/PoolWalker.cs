using System;
using System.Collections.Generic;
using LeNetGen.Generator.Model;
using static LeNetGen.Generator.Emit.Scalar.ScalarCode;

namespace LeNetGen.Generator.Emit.Scalar;

/// <summary>
/// Walks a pooling layer's windows at the layer's unroll depth (Full: every map and position written out; Maps: loops
/// over positions, maps written out; otherwise loops over maps and positions) and lets the caller write what happens
/// at each window. The forward, backward and curvature passes visit the same windows in the same order. In ceil mode
/// the windows of the last output row and column are clipped to the input; the loops then run over each rectangle of
/// positions whose windows have one size (<see cref="PoolWindows"/>), one after another.
/// </summary>
internal static class PoolWalker
{
    /// <param name="atPosition">Writes what opens each position (Maps and Window depths), or null.</param>
    /// <param name="window">Writes one window: its map, its index in the output, where it starts in the input (a
    /// variable, or null, plus a literal offset), and its height and width (the window's side, or less where clipped).</param>
    public static void Walk(SourceWriter w, LayerPlan layer, Unroll depth, Action? atPosition, Action<string, string, string?, long, int, int> window)
    {
        Shape input = layer.In, output = layer.Out;
        int inputArea = input.Height * input.Width, outputArea = output.Height * output.Width;
        IReadOnlyList<PoolBand> rowBands = PoolWindows.RowBands(layer), columnBands = PoolWindows.ColumnBands(layer);
        switch (depth)
        {
            case Unroll.Full:
                for (int m = 0; m < output.Maps; m++)
                    for (int y = 0; y < output.Height; y++)
                        for (int x = 0; x < output.Width; x++)
                            window(Naming.Int(m), Naming.Int((long)m * outputArea + y * output.Width + x), null,
                                (long)m * inputArea + (long)y * layer.Stride * input.Width + (long)x * layer.Stride,
                                PoolWindows.BandOf(rowBands, y).Extent, PoolWindows.BandOf(columnBands, x).Extent);
                break;
            case Unroll.Maps:
                foreach ((PoolBand rows, PoolBand columns) in PoolWindows.Of(layer))
                {
                    if (PoolWindows.AnyClipped(layer)) w.Line($"// windows {rows.Extent}x{columns.Extent}");
                    using (OpenPositionLoops(w, output, layer.Stride, input.Width, rows, columns, out string? position, out string? origin))
                    {
                        atPosition?.Invoke();
                        for (int m = 0; m < output.Maps; m++)
                        {
                            w.Line($"// map {m}");
                            window(Naming.Int(m), Index(position, (long)m * outputArea), origin, (long)m * inputArea, rows.Extent, columns.Extent);
                        }
                    }
                }
                break;
            default:
                using (w.Block($"for (int m = 0; m < {output.Maps}; m++)"))
                {
                    if (outputArea > 1) w.Line($"int first = m * {outputArea};");
                    w.Line($"int map = m * {inputArea};");
                    foreach ((PoolBand rows, PoolBand columns) in PoolWindows.Of(layer))
                    {
                        if (PoolWindows.AnyClipped(layer)) w.Line($"// windows {rows.Extent}x{columns.Extent}");
                        using (OpenPositionLoops(w, output, layer.Stride, input.Width, rows, columns, out string? position, out string? origin))
                        {
                            atPosition?.Invoke();
                            w.Line($"int window = {(origin is null ? "map" : "map + " + origin)};");
                            window("m", position is null ? "m" : "first + " + position, "window", 0, rows.Extent, columns.Extent);
                        }
                    }
                }
                break;
        }
    }
}
