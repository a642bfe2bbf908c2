using System;
using System.Threading;
using Xunit;

namespace LeNetGen.EndToEnd.Tests;

/// <summary>The samples' command line, built in Release once per test run and run as a user runs it.</summary>
internal static class SamplesCli
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(15); // a guard against a hang, not a timing: builds on a loaded 2-core machine take minutes
    private static readonly Lazy<bool> built = new(() =>
    {
        var (exitCode, output) = DotnetCli.Run("build samples/LeNetGen.Samples -c Release -nologo", Timeout);
        Assert.True(exitCode == 0, output);
        return true;
    }, LazyThreadSafetyMode.ExecutionAndPublication);

    public static (int ExitCode, string Stdout, string Stderr) Run(string arguments)
    {
        _ = built.Value;
        return DotnetCli.RunSplit("samples/LeNetGen.Samples/bin/Release/net10.0/lenetgen-samples.dll " + arguments, Timeout);
    }
}
