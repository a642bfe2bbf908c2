using System;
using System.Diagnostics.CodeAnalysis;
using SkiaSharp;

namespace LeNetGen.Samples.Pictures;

/// <summary>The learned C1 kernels, one per map: positive weights red, negative blue, on one scale for all.</summary>
internal static class KernelPicture
{
    /// <summary>The picture, or null when the network has no C1 convolution over one input map.</summary>
    public static byte[]? Render<[DynamicallyAccessedMembers(LayerMaps.Constants)] TNetwork>(string title, ReadOnlySpan<float> parameters)
    {
        int? offset = LayerMaps.Constant<TNetwork>("C1WeightsOffset"), length = LayerMaps.Constant<TNetwork>("C1WeightsLength");
        int? maps = LayerMaps.Constant<TNetwork>("C1Maps"), inputs = LayerMaps.Constant<TNetwork>("InputMaps");
        if (offset is not int o || length is not int l || maps is not int m || inputs is not 1) return null;
        int area = l / m, side = (int)Math.Round(Math.Sqrt(area));
        if (side * side != area) return null; // weights (maps, 1, k, k) only
        ReadOnlySpan<float> weights = parameters.Slice(o, l);
        float magnitude = 0;
        foreach (float w in weights) magnitude = Math.Max(magnitude, Math.Abs(w));
        const float cell = 18, gap = 22;
        float tile = side * cell;
        int width = (int)(m * (tile + gap) + gap), height = (int)(tile + 90);
        using var canvas = new Canvas(width, height);
        canvas.Text(title, width / 2f, 20, SKTextAlign.Center, size: 14);
        for (int k = 0; k < m; k++)
        {
            float x = gap + k * (tile + gap);
            canvas.Image(weights.Slice(k * area, area), side, side, x, 40, cell, -magnitude, magnitude, diverging: true);
            canvas.Text($"map {k}", x + tile / 2, 40 + tile + 18, SKTextAlign.Center);
        }
        canvas.Text($"{side}x{side} weights; red positive, blue negative, full colour at |w| = {magnitude:G3}", width / 2f, height - 8, SKTextAlign.Center, size: 11);
        return canvas.Png();
    }
}
