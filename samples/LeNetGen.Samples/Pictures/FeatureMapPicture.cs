using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using SkiaSharp;

namespace LeNetGen.Samples.Pictures;

/// <summary>
/// One digit through the first layers: the network's input, then the feature maps of C1, S2 and C3 after a forward pass,
/// each layer in gray from its own lowest (black) to its highest (white) value.
/// </summary>
internal static class FeatureMapPicture
{
    public static readonly string[] Layers = ["C1", "S2", "C3"];

    /// <summary>The picture of <paramref name="workspace"/> after a forward pass of <paramref name="input"/>.</summary>
    public static byte[] Render<[DynamicallyAccessedMembers(LayerMaps.Constants)] TNetwork>(string title, ReadOnlySpan<float> input, int inputRows, int inputColumns, ReadOnlySpan<float> workspace, int width = 900)
    {
        var layers = new List<LayerMaps>();
        foreach (string name in Layers)
            if (LayerMaps.Of<TNetwork>(name) is LayerMaps maps) layers.Add(maps);

        const float gap = 8, left = 60;
        float y = 36;
        var rows = new List<(LayerMaps Layer, float Cell, int PerRow, float Top)>();
        foreach (LayerMaps layer in layers)
        {
            // As many maps a row as fit at a scale of at least 2 pixels a value.
            float cell = Math.Max(2, Math.Min(6, (width - left - gap) / (layer.Maps * (layer.Width + 2f))));
            int perRow = Math.Max(1, (int)((width - left) / (layer.Width * cell + gap)));
            int lines = (layer.Maps + perRow - 1) / perRow;
            rows.Add((layer, cell, perRow, y));
            y += lines * (layer.Height * cell + gap) + 12;
        }
        float inputCell = 4;
        int height = (int)Math.Max(y + 10, 36 + inputRows * inputCell + 30);
        int total = (int)(width + inputColumns * inputCell + 30);
        using var canvas = new Canvas(total, height);
        canvas.Text(title, total / 2f, 20, SKTextAlign.Center, size: 14);
        MinMax(input, out float inLow, out float inHigh);
        canvas.Image(input, inputRows, inputColumns, 10, 36, inputCell, inLow, inHigh);
        canvas.Text("input", 10 + inputColumns * inputCell / 2, 36 + inputRows * inputCell + 16, SKTextAlign.Center);
        float origin = 10 + inputColumns * inputCell + 20;
        foreach (var (layer, cell, perRow, top) in rows)
        {
            ReadOnlySpan<float> all = workspace.Slice(layer.Offset, layer.Maps * layer.Height * layer.Width);
            MinMax(all, out float low, out float high);
            canvas.Text(layer.Layer, origin, top + 16);
            canvas.Text($"{layer.Maps}@{layer.Height}x{layer.Width}", origin, top + 30, size: 10);
            for (int m = 0; m < layer.Maps; m++)
            {
                float x = origin + left + (m % perRow) * (layer.Width * cell + gap), my = top + (m / perRow) * (layer.Height * cell + gap);
                canvas.Image(layer.Map(workspace, m), layer.Height, layer.Width, x, my, cell, low, high);
            }
        }
        return canvas.Png();
    }

    private static void MinMax(ReadOnlySpan<float> values, out float low, out float high)
    {
        low = float.MaxValue;
        high = float.MinValue;
        foreach (float v in values)
        {
            low = Math.Min(low, v);
            high = Math.Max(high, v);
        }
    }
}
