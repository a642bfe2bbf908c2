using System.Collections.Generic;
using System.Linq;
using LeNetGen.Samples.Cli;
using ScottPlot;
using SkiaSharp;

namespace LeNetGen.Samples.Pictures;

/// <summary>The learning curve of a run: loss per pass (left) and error per pass (right), training and test.</summary>
internal static class LearningCurvePicture
{
    public static byte[] Render(string title, IReadOnlyList<EpochRow> rows, int width = 1000, int height = 420)
    {
        double[] passes = rows.Select(r => (double)r.Epoch).ToArray();
        Plot loss = Panel("loss per pass", "mean loss", passes, rows.Select(r => r.TrainLoss).ToArray(), rows.Select(r => r.TestLoss).ToArray());
        Plot error = Panel("error per pass", "error (%)", passes, rows.Select(r => 100 * r.TrainError).ToArray(), rows.Select(r => 100 * r.TestError).ToArray());
        using var canvas = new Canvas(width, height);
        canvas.Text(title, width / 2f, 20, SKTextAlign.Center, size: 15);
        canvas.Plot(loss, 0, 28, width / 2, height - 28);
        canvas.Plot(error, width / 2f, 28, width - width / 2, height - 28);
        return canvas.Png();
    }

    private static Plot Panel(string title, string yLabel, double[] passes, double[] train, double[] test)
    {
        var plot = new Plot();
        var trainLine = plot.Add.Scatter(passes, train);
        trainLine.LegendText = "training (each sample before its update)";
        var testLine = plot.Add.Scatter(passes, test);
        testLine.LegendText = "test";
        testLine.LinePattern = LinePattern.Solid;
        plot.Title(title);
        plot.XLabel("pass");
        plot.YLabel(yLabel);
        plot.ShowLegend(Alignment.UpperRight);
        plot.Axes.SetLimitsY(0, System.Math.Max(train.DefaultIfEmpty(0).Max(), test.DefaultIfEmpty(0).Max()) * 1.1);
        return plot;
    }
}
