using System.Collections.Generic;
using LeNetGen.Generator.Model;

namespace LeNetGen.Generator.Emit;

/// <summary>
/// A pooling layer's output positions grouped by window size, for the emitters: each pair of a row band and a column
/// band (<see cref="LayerPlan.RowBands"/>, <see cref="LayerPlan.ColumnBands"/>) is a rectangle of positions whose windows
/// all have the same height and width. Under the floor rule that is one rectangle, the whole output, with whole windows;
/// in ceil mode the last row and column of windows, clipped to the input, are rectangles of their own.
/// </summary>
internal static class PoolWindows
{
    /// <summary>The rectangles in row-major order of their bands.</summary>
    public static IEnumerable<(PoolBand Rows, PoolBand Columns)> Of(LayerPlan layer)
    {
        foreach (PoolBand rows in RowBands(layer))
            foreach (PoolBand columns in ColumnBands(layer))
                yield return (rows, columns);
    }

    /// <summary>The header of the loop of <paramref name="variable"/> over the output rows (or columns) of <paramref name="band"/>.</summary>
    public static string Loop(string variable, PoolBand band) =>
        $"for (int {variable} = {band.First}; {variable} < {band.First + band.Count}; {variable}++)";

    /// <summary>The band of output row (or column) <paramref name="index"/>.</summary>
    public static PoolBand BandOf(IReadOnlyList<PoolBand> bands, int index)
    {
        foreach (PoolBand band in bands)
            if (index >= band.First && index < band.First + band.Count) return band;
        return bands[bands.Count - 1];
    }

    public static IReadOnlyList<PoolBand> RowBands(LayerPlan layer) =>
        layer.RowBands.Count > 0 ? layer.RowBands : new[] { new PoolBand(0, layer.Out.Height, layer.Window) };

    public static IReadOnlyList<PoolBand> ColumnBands(LayerPlan layer) =>
        layer.ColumnBands.Count > 0 ? layer.ColumnBands : new[] { new PoolBand(0, layer.Out.Width, layer.Window) };

    /// <summary>Whether some window is clipped (ceil mode with a last row or column that reaches past the input).</summary>
    public static bool AnyClipped(LayerPlan layer)
    {
        foreach (PoolBand band in RowBands(layer)) if (band.Extent != layer.Window) return true;
        foreach (PoolBand band in ColumnBands(layer)) if (band.Extent != layer.Window) return true;
        return false;
    }

    /// <summary>What the generated comments add for ceil mode: whether its last windows are clipped.</summary>
    public static string CeilNote(LayerPlan layer) =>
        !layer.CeilMode ? "" : AnyClipped(layer) ? ", ceil mode (last windows clipped to the input)" : ", ceil mode (no window clipped)";
}
