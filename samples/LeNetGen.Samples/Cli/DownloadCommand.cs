using System;
using System.Net.Http;
using System.Threading.Tasks;
using Spectre.Console;

namespace LeNetGen.Samples.Cli;

/// <summary>
/// Downloads MNIST's four files from the usual mirrors into a folder (by default data/mnist beside the program, where
/// `train` looks), checking each file's SHA-256 and leaving no partial file behind on failure.
/// </summary>
internal static class DownloadCommand
{
    public static async Task<int> RunAsync(string? folder)
    {
        folder ??= DataLocator.Default.ProgramDataFolder(MnistVariant.Mnist);
        using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(2) };
        var downloader = new MnistDownloader(http);
        await AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new DownloadedColumn(), new TransferSpeedColumn())
            .StartAsync(async context =>
            {
                ProgressTask? task = null;
                string? current = null;
                var progress = new SynchronousProgress<DownloadProgress>(p =>
                {
                    if (p.FileName != current)
                    {
                        current = p.FileName;
                        task = context.AddTask($"{p.FileName} ({p.FileIndex + 1}/{p.FileCount})", maxValue: Math.Max(1, p.TotalBytes));
                    }
                    task!.Value = p.BytesReceived;
                });
                await downloader.DownloadAsync(folder, progress);
            });
        AnsiConsole.MarkupLine($"MNIST is in [bold]{Markup.Escape(folder)}[/], every file checked against its SHA-256.");
        return 0;
    }

    private sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
