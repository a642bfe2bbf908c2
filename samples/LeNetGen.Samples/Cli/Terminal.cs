using System;
using Spectre.Console;

namespace LeNetGen.Samples.Cli;

/// <summary>
/// Where the command line writes: results to stdout, errors to stderr. Output that is not a terminal (a file, a pipe) is
/// not wrapped at 80 columns, so paths and table rows stay whole for whoever reads them.
/// </summary>
internal static class Terminal
{
    /// <summary>The width given to output that is not a terminal: wide enough that nothing is wrapped.</summary>
    private const int UnwrappedWidth = 10_000;

    private static IAnsiConsole? errors;

    /// <summary>Sets up stdout and stderr; call once, first.</summary>
    public static void Configure()
    {
        if (Console.IsOutputRedirected) AnsiConsole.Profile.Width = UnwrappedWidth;
        errors = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        if (Console.IsErrorRedirected) errors.Profile.Width = UnwrappedWidth;
    }

    /// <summary>Writes "error: <paramref name="message"/>" to stderr.</summary>
    public static void Error(string message) => Errors.MarkupLine($"[red]error:[/] {Markup.Escape(message)}");

    /// <summary>Writes "warning: <paramref name="message"/>" to stderr.</summary>
    public static void Warning(string message) => Errors.MarkupLine($"[yellow]warning:[/] {Markup.Escape(message)}");

    private static IAnsiConsole Errors => errors ?? throw new InvalidOperationException("Terminal.Configure was not called.");
}
