using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Runtime.CompilerServices;

namespace LeNetGen.EndToEnd.Tests;

/// <summary>Runs the real `dotnet` command line, as a user would, and captures what it prints.</summary>
internal static class DotnetCli
{
    public static string RepositoryRoot { get; } = FindRoot();

    /// <summary>Runs dotnet in the repository (or in <paramref name="workingDirectory"/>), stdout and stderr together.</summary>
    public static (int ExitCode, string Output) Run(string arguments, TimeSpan timeout, string? workingDirectory = null,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var (exitCode, stdout, stderr) = RunSplit(arguments, timeout, workingDirectory, environment);
        return (exitCode, stdout + stderr);
    }

    /// <summary>Runs dotnet with stdout and stderr kept apart (both redirected: neither is a terminal).</summary>
    public static (int ExitCode, string Stdout, string Stderr) RunSplit(string arguments, TimeSpan timeout,
        string? workingDirectory = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo("dotnet", arguments)
        {
            WorkingDirectory = workingDirectory ?? RepositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        if (environment is not null)
            foreach (var (name, value) in environment) start.Environment[name] = value;
        using Process process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet {arguments} did not finish within {timeout}.");
        }
        return (process.ExitCode, output.Result, error.Result);
    }

    private static string FindRoot([CallerFilePath] string thisFile = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(thisFile)!, "..", ".."));
}
