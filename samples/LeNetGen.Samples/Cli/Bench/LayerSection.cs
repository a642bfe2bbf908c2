using System;
using System.Diagnostics;

namespace LeNetGen.Samples.Cli.Bench;

/// <summary>
/// Where a training step's time goes: one full tile of test images through the generated <c>TimeTileLayers</c>, which
/// runs the same tile kernels as training one layer at a time between two timestamps, on one thread. Each layer's
/// forward and backward microseconds per image are the median over repeated runs; their share of the whole is printed
/// beside them.
/// </summary>
internal sealed class LayerSection : IBenchSection
{
    public string Title => "time per layer and direction (tile kernels, one thread)";

    public void Run<TNetwork>(BenchContext context) where TNetwork : INetwork<TNetwork, float>
    {
        BenchSettings settings = context.Settings;
        var parameters = new float[TNetwork.ParameterCount];
        TNetwork.InitializeParameters(parameters, settings.Seed);
        var test = new BatchConverter<float>(context.Data.Test, Recipe.For(context.Choice).ImageNormalization);
        int tile = TNetwork.TileSize, layers = TNetwork.LayerNames.Count;
        var indices = new int[tile];
        for (int i = 0; i < tile; i++) indices[i] = i;
        var inputs = new float[tile * TNetwork.InputSize];
        test.FillImages(indices, inputs);
        Span<float> workspace = AlignedScratch.Allocate<float>(TNetwork.TileWorkspaceSize).Span; // as the trainer's
        var outputs = new float[tile * TNetwork.OutputSize];
        var heads = new float[tile * TNetwork.OutputSize];
        var gradients = new float[TNetwork.ParameterCount];
        TNetwork.ForwardTile(parameters, inputs, workspace, outputs);
        // A fixed, plausible dE/d(head sums): the outputs minus one at the labels (the softmax cross-entropy gradient).
        for (int l = 0; l < tile; l++)
        {
            outputs.AsSpan(l * TNetwork.OutputSize, TNetwork.OutputSize).CopyTo(heads.AsSpan(l * TNetwork.OutputSize));
            heads[l * TNetwork.OutputSize + test.Dataset.Label(l) % TNetwork.OutputSize] -= 1f;
        }

        int runs = settings.Quick ? 20 : 200;
        var forward = new double[layers][];
        var backward = new double[layers][];
        for (int k = 0; k < layers; k++) { forward[k] = new double[runs]; backward[k] = new double[runs]; }
        var f = new long[layers];
        var b = new long[layers];
        for (int r = 0; r < runs / 4; r++) TNetwork.TimeTileLayers(parameters, workspace, heads, gradients, f, b); // warm-up
        double perImage = 1e6 / Stopwatch.Frequency / tile;
        for (int r = 0; r < runs; r++)
        {
            Array.Clear(f);
            Array.Clear(b);
            TNetwork.TimeTileLayers(parameters, workspace, heads, gradients, f, b);
            for (int k = 0; k < layers; k++)
            {
                forward[k][r] = f[k] * perImage;
                backward[k][r] = b[k] * perImage;
            }
        }

        var medians = new (double Forward, double Backward)[layers];
        double total = 0;
        for (int k = 0; k < layers; k++)
        {
            medians[k] = (Percentiles.Of(forward[k], 0.5), Percentiles.Of(backward[k], 0.5));
            total += medians[k].Forward + medians[k].Backward;
        }
        BenchReport.Comment($"one tile of {tile} test images, median of {runs} runs; microseconds per image; share of the step's kernel time");
        for (int k = 0; k < layers; k++)
        {
            string name = TNetwork.LayerNames[k];
            BenchReport.Comment($"{name,-7} forward {medians[k].Forward,7:F2} us ({medians[k].Forward / total,6:P1})   backward {medians[k].Backward,7:F2} us ({medians[k].Backward / total,6:P1})");
            context.Report.Info($"{context.Key}_layer_{name}_forward_us", medians[k].Forward);
            context.Report.Info($"{context.Key}_layer_{name}_backward_us", medians[k].Backward);
        }
        context.Report.Add($"{context.Key}_tile_step_us_per_image", total, "us");
    }
}
