using System;
using System.Diagnostics.CodeAnalysis;
using System.IO;
using Spectre.Console;

namespace LeNetGen.Samples.Cli;

/// <summary>Predicts the class of one test image, or of a PNG prepared as MNIST's digits were.</summary>
internal sealed class PredictCommand(string checkpoint, int? index, string? png, string dataset, string? dataPath, Recipe recipe, string? normalization) : INetworkAction<int>
{
    public int Run<[DynamicallyAccessedMembers(Pictures.LayerMaps.Constants)] TNetwork>(NetworkChoice choice) where TNetwork : INetwork<TNetwork, float>
    {
        Checkpoint<float> saved = Checkpoint<float>.Load<TNetwork>(checkpoint);
        ImageNormalization prepared = recipe.NormalizationFor(saved, checkpoint, normalization);
        var input = new float[TNetwork.InputSize];
        int? label = null;
        if (png is not null && index is not null) throw new ArgumentException("Give --index or --image, not both.");
        if (png is not null)
        {
            Dataset one = PngDigit.Load(png);
            var converter = new BatchConverter<float>(one, prepared);
            Input.RequireSamePadding(saved, checkpoint, converter);
            converter.FillImage(0, input);
            AnsiConsole.WriteLine($"{png}: scaled into 20x20, centered by its center of mass in 28x28, as MNIST's digits are");
            AnsiConsole.WriteLine(PngDigit.Draw(one.Image(0), one.Rows, one.Columns));
        }
        else
        {
            DatasetSplits data = DataSets.Load(dataset, dataPath);
            int i = index ?? 0;
            if (i >= data.Test.Count) throw new ArgumentException($"--index {i}: {data.Test.Name} has {data.Test.Count:N0} images, so it must be from 0 to {data.Test.Count - 1}.");
            var converter = new BatchConverter<float>(data.Test, prepared);
            Input.RequireSamePadding(saved, checkpoint, converter);
            converter.FillImage(i, input);
            label = data.Test.Label(i);
            AnsiConsole.WriteLine($"test image {i} of {data.Test.Name} (label {label}):");
            AnsiConsole.WriteLine(PngDigit.Draw(data.Test.Image(i), data.Test.Rows, data.Test.Columns));
        }

        var workspace = new float[TNetwork.WorkspaceSize];
        var output = new float[TNetwork.OutputSize];
        TNetwork.ForwardSample(saved.Parameters, input, workspace, output);
        int predicted = TNetwork.PredictedClass(output);
        string what = TNetwork.Head == OutputHead.Rbf ? "penalties (smallest wins)" : "probabilities";
        AnsiConsole.WriteLine($"{what}: {string.Join("  ", Array.ConvertAll(output, v => v.ToString("F3", System.Globalization.CultureInfo.InvariantCulture)))}");
        AnsiConsole.MarkupLine($"predicted class: [bold]{predicted}[/]" + (label is int l ? (l == predicted ? " [green](right)[/]" : $" [red](wrong: {l})[/]") : ""));
        return 0;
    }
}
