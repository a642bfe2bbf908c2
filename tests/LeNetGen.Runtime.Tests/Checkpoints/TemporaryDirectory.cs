using System;
using System.IO;

namespace LeNetGen.Runtime.Tests.Checkpoints;

/// <summary>A fresh directory under the system's temporary folder, deleted with everything in it on dispose.</summary>
internal sealed class TemporaryDirectory : IDisposable
{
    public TemporaryDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"lenetgen-checkpoints-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    /// <summary>A path inside the directory.</summary>
    public string File(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>The names of the files in the directory, sorted.</summary>
    public string[] FileNames()
    {
        string[] names = Directory.GetFileSystemEntries(Path);
        for (int i = 0; i < names.Length; i++) names[i] = System.IO.Path.GetFileName(names[i]);
        Array.Sort(names, StringComparer.Ordinal);
        return names;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
