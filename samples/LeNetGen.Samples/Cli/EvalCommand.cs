using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.IO;
using Spectre.Console;

namespace LeNetGen.Samples.Cli;

/// <summary>Evaluates a checkpoint on a test set: error, per-class error, confusion matrix.</summary>
internal sealed class EvalCommand(string checkpoint, string dataset, string? dataPath, Recipe recipe, string? normalization, int threads) : INetworkAction<int>
{
    public int Run<[DynamicallyAccessedMembers(Pictures.LayerMaps.Constants)] TNetwork>(NetworkChoice choice) where TNetwork : INetwork<TNetwork, float>
    {
        Checkpoint<float> saved = Checkpoint<float>.Load<TNetwork>(checkpoint);
        DatasetSplits data = DataSets.Load(dataset, dataPath);
        var test = new BatchConverter<float>(data.Test, recipe.NormalizationFor(saved, checkpoint, normalization));
        Input.RequireSamePadding(saved, checkpoint, test);
        Evaluation evaluation = Evaluation.Of<TNetwork, float>(saved.Parameters, test, recipe.CreateLoss(), threads);
        AnsiConsole.MarkupLine($"{Markup.Escape(checkpoint)} on {Markup.Escape(data.Test.Name)}, images prepared as {Markup.Escape(test.Normalization.ToString())}");
        Results.Write(choice, evaluation, new List<EpochRow>());

        var confusion = new Table().Title("confusion matrix: rows true class, columns predicted");
        confusion.AddColumn("");
        for (int p = 0; p < evaluation.Classes; p++) confusion.AddColumn(new TableColumn($"{p}").RightAligned());
        for (int a = 0; a < evaluation.Classes; a++)
        {
            var cells = new List<string> { $"{a}" };
            for (int p = 0; p < evaluation.Classes; p++)
                cells.Add(a == p ? $"[green]{evaluation.Confusion(a, p)}[/]" : evaluation.Confusion(a, p) == 0 ? "." : $"{evaluation.Confusion(a, p)}");
            confusion.AddRow(cells.ToArray());
        }
        AnsiConsole.Write(confusion);

        string folder = Path.GetDirectoryName(Path.GetFullPath(checkpoint))!;
        List<string> pictures = Pictures.RunPictures.AfterEvaluation<TNetwork>(folder, "eval-", evaluation, saved.Parameters.ToArray(), test, recipe.CreateLoss());
        AnsiConsole.MarkupLine($"pictures: {Markup.Escape(string.Join(", ", pictures))}");
        return 0;
    }
}
