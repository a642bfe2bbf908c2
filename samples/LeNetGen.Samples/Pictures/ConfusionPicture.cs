using System;
using ScottPlot;
using SkiaSharp;

namespace LeNetGen.Samples.Pictures;

/// <summary>The confusion matrix as a heatmap: rows the true class, columns the predicted one, each cell's count written in it.</summary>
internal static class ConfusionPicture
{
    public static byte[] Render(string title, Evaluation evaluation, int size = 640)
    {
        int n = evaluation.Classes;
        // Color by the share of the true class, on a log-like scale so that a few errors show beside thousands right.
        var shares = new double[n, n];
        for (int a = 0; a < n; a++)
        {
            int row = 0;
            for (int p = 0; p < n; p++) row += evaluation.Confusion(a, p);
            for (int p = 0; p < n; p++) shares[a, p] = Math.Log10(1 + 1000.0 * evaluation.Confusion(a, p) / Math.Max(1, row));
        }
        var plot = new Plot();
        var colormap = new ScottPlot.Colormaps.Viridis();
        var ticks = new double[n];
        var rows = new string[n];
        var columns = new string[n];
        for (int i = 0; i < n; i++)
        {
            ticks[i] = i;
            columns[i] = $"{i}";
            rows[i] = $"{n - 1 - i}";
        }
        plot.Axes.Bottom.SetTicks(ticks, columns);
        plot.Axes.Left.SetTicks(ticks, rows);
        plot.Axes.SetLimits(-0.5, n - 0.5, -0.5, n - 0.5);
        plot.Title(title);
        plot.XLabel("predicted class");
        plot.YLabel("true class");
        // The plot draws the frame, ticks and labels; the cells and their counts are drawn here (SkiaSharp) into its fixed data area.
        const float left = 70, right = 20, bottom = 60, top = 50;
        plot.Layout.Fixed(new PixelPadding(left: left, right: right, bottom: bottom, top: top));
        using var canvas = new Canvas(size, size);
        canvas.Plot(plot, 0, 0, size, size);
        float cellWidth = (size - left - right) / n, cellHeight = (size - top - bottom) / n;
        double most = Math.Log10(1001);
        using var fill = new SKPaint { IsAntialias = false };
        for (int a = 0; a < n; a++)
            for (int p = 0; p < n; p++)
            {
                Color color = colormap.GetColor(shares[a, p] / most);
                fill.Color = new SKColor(color.R, color.G, color.B);
                canvas.Sk.DrawRect(left + p * cellWidth, top + a * cellHeight, cellWidth, cellHeight, fill);
                int count = evaluation.Confusion(a, p);
                if (count == 0) continue;
                canvas.Text($"{count}", left + (p + 0.5f) * cellWidth, top + (a + 0.5f) * cellHeight + 4, SKTextAlign.Center,
                    shares[a, p] > 0.6 * most ? SKColors.Black : SKColors.White, 11);
            }
        return canvas.Png();
    }
}
