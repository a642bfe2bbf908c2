using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Xunit;

namespace LeNetGen.EndToEnd.Tests;

/// <summary>
/// Runs that do not end as planned: Ctrl+C saves and says where; a run that diverges after a resume names the
/// checkpoint it resumed from as the last good one; a run that collapses to chance without a NaN is stopped (exit 3).
/// </summary>
[Collection(nameof(BuildTests))]
public sealed class InterruptedRunTests : IDisposable
{
    private const string Run = "samples/LeNetGen.Samples/bin/Release/net10.0/lenetgen-samples.dll";
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "lenetgen-cli-" + Guid.NewGuid().ToString("N"));

    public InterruptedRunTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>
    /// Enough images that pass 2 is still running when the signal, sent once pass 1 is reported, arrives: with the tile
    /// kernels a pass over 3,000 images takes a tenth of a second, and the run could end before the signal.
    /// </summary>
    private const int CtrlCImages = 30_000;

    [Fact]
    public async Task CtrlCFinishesTheStepSavesTheCheckpointAndSaysWhere()
    {
        SamplesCli.Run("--help"); // built
        var start = new ProcessStartInfo("dotnet", $"{Run} train --network modern --epochs 20 --train-limit {CtrlCImages} --out {_folder}")
        {
            WorkingDirectory = DotnetCli.RepositoryRoot, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        using Process process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = new StringBuilder();
        // Once the first pass has ended, as a user would after watching it: SIGINT, what Ctrl+C sends.
        for (string? line; (line = process.StandardOutput.ReadLine()) is not null;)
        {
            stdout.AppendLine(line);
            if (line.StartsWith("pass 1: ", StringComparison.Ordinal))
            {
                using Process kill = Process.Start("kill", $"-INT {process.Id}")!;
                kill.WaitForExit();
                break;
            }
        }
        stdout.Append(process.StandardOutput.ReadToEnd());
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(5)), "the run did not stop after Ctrl+C");

        string errors = await stderr;
        Assert.True(process.ExitCode == 130, stdout + errors);
        string checkpoint = Path.Combine(Directory.GetDirectories(_folder).Single(), "checkpoint.lngckpt");
        string message = errors.Trim();
        Assert.StartsWith("error: Stopped by Ctrl+C in pass 2 after ", message);
        Assert.EndsWith($"checkpoint saved: {checkpoint}. Continue with: lenetgen-samples train --resume {checkpoint} and the same settings.", message);

        var (resumed, resumedOut, resumedErr) = SamplesCli.Run($"train --network modern --epochs 2 --train-limit {CtrlCImages} --resume {checkpoint} --out {_folder}");
        Assert.True(resumed == 0, resumedOut + resumedErr);
        Assert.Contains($"resumed from {checkpoint}: pass 1, step ", resumedOut);
    }

    [Fact]
    public void ARunThatDivergesAfterAResumeNamesTheCheckpointItResumedFrom()
    {
        // --lr 3 diverges at step 4; with a checkpoint every 2 updates the first run leaves the one of step 2.
        string first = Path.Combine(_folder, "first"), second = Path.Combine(_folder, "second");
        var (diverged, _, firstError) = SamplesCli.Run($"train --network modern --lr 3 --epochs 1 --train-limit 3000 --checkpoint-every 2 --out {first}");
        Assert.Equal(3, diverged);
        string checkpoint = Path.Combine(Directory.GetDirectories(first).Single(), "checkpoint.lngckpt");
        Assert.EndsWith($"error: The last good checkpoint is {checkpoint}.", firstError.Trim());

        var (again, _, secondError) = SamplesCli.Run($"train --network modern --lr 3 --epochs 1 --train-limit 3000 --resume {checkpoint} --out {second}");
        Assert.Equal(3, again);
        Assert.StartsWith("error: Training diverged: the loss was NaN at epoch 1, step 4.", secondError.Trim());
        Assert.EndsWith($"error: No checkpoint was written in this run: the last good one is {checkpoint}, which it resumed from.", secondError.Trim());
    }

    [Fact]
    public void ARunThatCollapsesToChanceWithoutANaNIsStopped()
    {
        var (exitCode, stdout, stderr) = SamplesCli.Run($"train --network modern --lr 0.5 --epochs 2 --train-limit 3000 --out {_folder}");
        Assert.True(exitCode == 3, stdout + stderr);
        string checkpoint = Path.Combine(Directory.GetDirectories(_folder).Single(), "checkpoint.lngckpt");
        string[] lines = stderr.Trim().Split('\n');
        Assert.StartsWith("warning: Training collapsed in pass 1: test error ", lines[0]);
        Assert.EndsWith($"where guessing gives 90 %. The checkpoint {checkpoint} holds this collapsed network.", lines[0]);
        Assert.Equal("error: Stopped: training collapsed. Lower --lr (or raise --mu for SDLM), or pass --keep-going to go on anyway.", lines[1]);
        Assert.DoesNotContain("pass 2:", stdout);

        var (keptGoing, keptOut, keptErr) = SamplesCli.Run($"train --network modern --lr 0.5 --epochs 1 --train-limit 3000 --keep-going --out {_folder}");
        Assert.True(keptGoing == 0, keptOut + keptErr);
        Assert.StartsWith("warning: Training collapsed in pass 1", keptErr.Trim());
    }
}
