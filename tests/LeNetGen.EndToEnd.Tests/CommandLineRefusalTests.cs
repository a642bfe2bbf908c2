using System;
using System.IO;
using Xunit;

namespace LeNetGen.EndToEnd.Tests;

/// <summary>
/// Bad command lines and inputs, as a user types them: refused by the parser or the command with a message on stderr
/// and the documented exit code (1: the command line; 2: an input), nothing on stdout but the usage, no stack trace; and
/// output that is not a terminal is not wrapped.
/// </summary>
[Collection(nameof(BuildTests))]
public sealed class CommandLineRefusalTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "lenetgen-cli-" + Guid.NewGuid().ToString("N"));

    public CommandLineRefusalTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData("train --epochs -3", "--epochs -3: must be 1 or more.")]
    [InlineData("train --epochs 0", "--epochs 0: must be 1 or more.")]
    [InlineData("train --epochs abc", "--epochs takes a whole number; 'abc' is not one.")]
    [InlineData("train --lr -1", "--lr -1: must be a positive number.")]
    [InlineData("train --threads -2", "--threads -2: must be 0 (one per processor) or more.")]
    [InlineData("train --train-limit 0", "--train-limit 0: must be 1 or more.")]
    [InlineData("train --batch 0", "--batch 0: must be 1 or more.")]
    [InlineData("train --mu 0", "--mu 0: must be a positive number.")]
    [InlineData("train --mu -0.2", "--mu -0.2: must be a positive number.")]
    [InlineData("train --momentum 1", "--momentum 1: must be from 0 to below 1.")]
    [InlineData("train --gamma 0", "--gamma 0: must be above 0 and at most 1.")]
    [InlineData("train --checkpoint-every -1", "--checkpoint-every -1: must be 0 or more.")]
    [InlineData("predict -c x --index -1", "--index -1: must be 0 or more.")]
    public void ABadValueIsRefusedByTheParserOnStderrWithExitCode1(string arguments, string message)
    {
        var (exitCode, stdout, stderr) = SamplesCli.Run(arguments);
        Assert.Equal(1, exitCode);
        Assert.Equal(message, stderr.Trim());
        Assert.StartsWith("Description:", stdout); // the usage, to stdout as --help prints it
        Assert.DoesNotContain("System.", stderr);
    }

    [Fact]
    public void HelpShowsDefaultsChoicesAndExitCodes()
    {
        var (exitCode, stdout, _) = SamplesCli.Run("train --help");
        Assert.Equal(0, exitCode);
        Assert.Contains("--dataset <fashion|fashion-mnist|mnist>", stdout);
        Assert.Contains("--optimizer <sdlm|sgd>", stdout);
        Assert.Contains("--schedule <constant|cosine|paper|step>", stdout);
        Assert.Contains("--normalization <meanstd|paper|unit>", stdout);
        Assert.Contains("[default: 2]", stdout); // --epochs
        Assert.Contains("[default: classic 0.0005, modern 0.01, tiny 0.05]", stdout); // --lr
        Assert.Contains("seed of initialization and sample order [default: 1]", stdout);

        var (_, root, _) = SamplesCli.Run("--help");
        Assert.Contains("Exit codes: 0 done; 1 the command line is wrong; 2 an input was refused", root.Replace("\n", " ").Replace("  ", " "));
    }

    [Fact]
    public void AMissingCheckpointIsAMessageOnOneUnwrappedLine()
    {
        // Longer than 80 columns: output that is not a terminal keeps it whole.
        string path = Path.Combine(_folder, "a-folder-with-a-long-name-so-that-the-path-goes-past-eighty-columns", "missing.lngckpt");
        var (exitCode, stdout, stderr) = SamplesCli.Run($"eval --network modern --checkpoint {path}");
        Assert.Equal(2, exitCode);
        Assert.Equal("", stdout);
        Assert.Equal($"error: Cannot load '{path}': there is no such file.\n", stderr.Replace("\r\n", "\n"));
    }

    [Fact]
    public void ACheckpointThatIsAFolderIsRefusedWithExitCode2()
    {
        var (exitCode, _, stderr) = SamplesCli.Run($"eval --network modern --checkpoint {_folder}");
        Assert.Equal(2, exitCode);
        Assert.Equal($"error: Cannot load '{_folder}': it is a folder, not a checkpoint file.", stderr.Trim());
        var (resumed, _, resumeError) = SamplesCli.Run($"train --network modern --resume {_folder} --out {_folder}");
        Assert.Equal(2, resumed);
        Assert.Equal($"error: Cannot load '{_folder}': it is a folder, not a checkpoint file.", resumeError.Trim());
    }

    [Fact]
    public void MissingDataPointsAtTheDownloadCommand()
    {
        string none = Path.Combine(_folder, "no-data");
        var (exitCode, _, stderr) = SamplesCli.Run($"train --data {none} --out {_folder}");
        Assert.Equal(2, exitCode);
        string text = stderr.Replace("\r\n", "\n");
        Assert.StartsWith("error: MNIST was not found (", text);
        Assert.Contains($"\n  - {none} (given): no such folder\n", text);
        Assert.Contains("To get it: run `lenetgen-samples download`", text);
        Assert.DoesNotContain("MnistDownloader", text);
    }
}
