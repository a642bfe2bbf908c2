using System;
using System.Collections.Generic;
using SkiaSharp;

namespace LeNetGen.Samples.Pictures;

/// <summary>A grid of test digits the network got wrong, the worst (highest loss) first, each with its label and the prediction.</summary>
internal static class WorstDigitsPicture
{
    /// <summary>One misclassified digit.</summary>
    public readonly record struct Miss(int Index, int Label, int Predicted, double Loss);

    public static byte[] Render(string title, Dataset test, IReadOnlyList<Miss> worst, int columns = 8)
    {
        const float cell = 3, pad = 14;
        float tile = test.Columns * cell, tileHeight = test.Rows * cell + 34;
        int rows = Math.Max(1, (worst.Count + columns - 1) / columns);
        int width = (int)(columns * (tile + pad) + pad), height = (int)(40 + rows * (tileHeight + pad));
        using var canvas = new Canvas(width, height);
        canvas.Text(title, width / 2f, 22, SKTextAlign.Center, size: 14);
        var pixels = new float[test.ImageSize];
        for (int i = 0; i < worst.Count; i++)
        {
            Miss miss = worst[i];
            ReadOnlySpan<byte> image = test.Image(miss.Index);
            for (int p = 0; p < pixels.Length; p++) pixels[p] = image[p];
            float x = pad + (i % columns) * (tile + pad), y = 36 + (i / columns) * (tileHeight + pad);
            canvas.Image(pixels, test.Rows, test.Columns, x, y, cell, 0, 255);
            canvas.Text($"true {miss.Label}, got {miss.Predicted}", x + tile / 2, y + test.Rows * cell + 14, SKTextAlign.Center, SKColors.DarkRed, 11);
            canvas.Text($"#{miss.Index}", x + tile / 2, y + test.Rows * cell + 27, SKTextAlign.Center, SKColors.Gray, 10);
        }
        return canvas.Png();
    }
}
