using System;
using System.Linq;
using Xunit;

namespace LeNetGen.EndToEnd.Tests;

/// <summary>
/// Through `dotnet build`, not the in-memory driver: the generator is loaded by the SDK's compiler (so a Roslyn
/// version mismatch, CS9057, would show here), spec errors fail the build with file, line and column, and the
/// samples build and run.
/// </summary>
[Collection(nameof(BuildTests))] // one dotnet build at a time
public sealed class BuildTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(15); // a guard against a hang, not a timing: builds on a loaded 2-core machine take minutes

    [Fact]
    public void ASpecErrorFailsTheBuildWithItsIdFileLineAndColumn()
    {
        var (exitCode, output) = DotnetCli.Run("build tests/LeNetGen.EndToEnd.Tests/Fixtures/BrokenSpec -nologo -clp:NoSummary", Timeout);

        Assert.NotEqual(0, exitCode);
        // Network.cs line 11 is [Conv(120, Kernel = 5, ...)]; column 21 is the 5 of "Kernel = 5".
        Assert.Contains("Network.cs(11,21): error LNG0101: Layer 5 (conv 120@5x5): kernel 5x5 does not fit its input 16x4x4 " +
            "(input 1x28x28 -> C1 6x24x24 -> S2 6x12x12 -> C3 16x8x8 -> S4 16x4x4); a kernel of at most 4x4 fits", output);
        // Broken.lenet.json line 5: the table's second row "X.X." has 4 columns for 3 maps; column 70 is its opening quote.
        Assert.Contains("Broken.lenet.json(5,70): error LNG0104", output);
        // #pragma warning disable works on LeNetGen's warnings: the unsuppressed network's LNG0111 (line 25; an error
        // here, as the repository treats warnings as errors) shows, the suppressed one's (line 19) does not.
        Assert.Contains("Network.cs(25,31): error LNG0111", output);
        Assert.DoesNotContain("Network.cs(19,", output);
        Assert.DoesNotContain("CS9057", output);
        Assert.DoesNotContain("CS8785", output);
    }

    [Fact]
    public void TheSamplesBuildWithoutWarningsAndRun()
    {
        var (buildExit, buildOutput) = DotnetCli.Run("build samples/LeNetGen.Samples -nologo -warnaserror", Timeout);
        Assert.True(buildExit == 0, buildOutput);
        Assert.Contains("0 Warning(s)", buildOutput);

        var (runExit, runOutput) = DotnetCli.Run("run --no-build --project samples/LeNetGen.Samples -- summary", Timeout);
        Assert.True(runExit == 0, runOutput);
        Assert.Contains("C3      conv 16@5x5 (table: 60 of 96)  scaled tanh  16@10x10       1,516      151,600", runOutput);
        Assert.Contains("total                                                             60,000      340,908", runOutput);
        Assert.Contains("61,706", runOutput);
        Assert.Contains("TinyNet (JSON", runOutput);
        Assert.Contains("LeNet-5 of the TorchSharp peer", runOutput);
        Assert.Equal(4, runOutput.Split("predicted class (untrained): ").Length - 1);
    }

    [Fact]
    public void PublishPropertiesOnTheCommandLineDoNotReachTheGenerator()
    {
        // `dotnet publish -r linux-x64 -p:PublishAot=true` (or -p:PublishTrimmed=true) hands those properties to every
        // referenced project; the netstandard2.0 generator refused them (NETSDK1207, NETSDK1124). Building with them
        // runs the same restore and framework checks, and the AOT and trim analyzers over the app and the runtime.
        var (exitCode, output) = DotnetCli.Run("build tests/LeNetGen.EndToEnd.Tests/Fixtures/PublishedApp -r linux-x64 " +
            "-p:PublishAot=true -p:PublishTrimmed=true -warnaserror -nologo", Timeout);
        Assert.True(exitCode == 0, output);
        Assert.Contains("0 Warning(s)", output);
        Assert.DoesNotContain("NETSDK", output);

        var (runExit, runOutput) = DotnetCli.Run("run --no-build -r linux-x64 --project tests/LeNetGen.EndToEnd.Tests/Fixtures/PublishedApp", Timeout);
        Assert.True(runExit == 0, runOutput);
        Assert.Matches(@"predicted class \(untrained\): \d", runOutput);
    }
}

