using System;
using System.Globalization;
using System.IO;

namespace LeNetGen.Samples.Cli;

/// <summary>The folder a training run writes into: its checkpoint, its metrics, the command that made it.</summary>
internal sealed class RunFolder
{
    private RunFolder(string path) => Path = path;

    public string Path { get; }

    public string Checkpoint => System.IO.Path.Combine(Path, "checkpoint.lngckpt");

    public string Metrics => System.IO.Path.Combine(Path, "metrics.json");

    /// <summary>Creates runs/{time}-{network} under <paramref name="root"/> and writes the command into it.</summary>
    public static RunFolder Create(string root, NetworkChoice network, string command)
    {
        string name = DateTime.Now.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture) + "-" + network.ToString().ToLowerInvariant();
        string path = System.IO.Path.GetFullPath(System.IO.Path.Combine(root, name));
        for (int i = 2; Directory.Exists(path); i++) path = System.IO.Path.GetFullPath(System.IO.Path.Combine(root, $"{name}-{i}"));
        Directory.CreateDirectory(path);
        File.WriteAllText(System.IO.Path.Combine(path, "command.txt"), command + Environment.NewLine);
        return new RunFolder(path);
    }
}
