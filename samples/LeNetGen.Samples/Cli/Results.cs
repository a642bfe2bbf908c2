using System.Collections.Generic;
using System.Text.Json.Serialization;
using Spectre.Console;

namespace LeNetGen.Samples.Cli;

/// <summary>One pass's figures.</summary>
internal sealed record EpochRow(int Epoch, double TrainLoss, double TrainError, double TestLoss, double TestError, double Seconds, double ImagesPerSecond);

/// <summary>What a run writes to metrics.json and to --json.</summary>
internal sealed record Metrics(
    string Network, string Dataset, string Optimizer, Recipe Recipe, ulong Seed, List<EpochRow> Epochs,
    double TestError, double TestAccuracy, double[] TestErrorPerClass, string? Checkpoint, string Command, bool Distorted);

[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, UseStringEnumConverter = true)]
[JsonSerializable(typeof(Metrics))]
internal sealed partial class MetricsJson : JsonSerializerContext
{
    /// <summary>As <see cref="JsonSerializerContext"/>'s default, but writing "->" and non-ASCII paths as they are, not as \u escapes.</summary>
    /// <remarks>Made on first use: the generated <c>Default</c> is not yet set while this class's static fields are.</remarks>
    public static MetricsJson Readable => readable ??= new(new System.Text.Json.JsonSerializerOptions(Default.Options)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    private static MetricsJson? readable;
}

/// <summary>The results table a run ends with.</summary>
internal static class Results
{
    /// <summary>The per-pass table (when there were passes: eval has none), the error per class, the test error.</summary>
    public static void Write(NetworkChoice network, Evaluation final, IReadOnlyList<EpochRow> rows)
    {
        if (rows.Count > 0)
        {
            var table = new Table().Title(Networks.Title(network));
            foreach (string column in new[] { "pass", "train loss", "train error", "test loss", "test error", "seconds", "images/s" })
                table.AddColumn(new TableColumn(column).RightAligned());
            foreach (EpochRow row in rows)
                table.AddRow($"{row.Epoch}", $"{row.TrainLoss:F4}", $"{row.TrainError:P2}", $"{row.TestLoss:F4}", $"{row.TestError:P2}",
                    $"{row.Seconds:F1}", $"{row.ImagesPerSecond:N0}");
            AnsiConsole.Write(table);
        }
        else
        {
            AnsiConsole.MarkupLine($"[bold]{Markup.Escape(Networks.Title(network))}[/]");
        }

        var perClass = new Table().Title("test error per class");
        var cells = new List<string>();
        for (int c = 0; c < final.Classes; c++)
        {
            perClass.AddColumn(new TableColumn($"{c}").RightAligned());
            cells.Add($"{final.ClassError(c):P1}");
        }
        perClass.AddRow(cells.ToArray());
        AnsiConsole.Write(perClass);
        AnsiConsole.MarkupLine($"[bold]test error {final.ErrorRate:P2}[/] ({final.Count - final.Correct} of {final.Count:N0} wrong), accuracy {final.Accuracy:P2}");
    }
}
