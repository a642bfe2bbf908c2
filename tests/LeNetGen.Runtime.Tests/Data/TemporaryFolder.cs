using System;
using System.IO;

namespace LeNetGen.Runtime.Tests.Data;

/// <summary>A fresh folder under the system's temporary folder, deleted with everything in it on dispose.</summary>
internal sealed class TemporaryFolder : IDisposable
{
    public TemporaryFolder() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "lenetgen-tests-" + Guid.NewGuid().ToString("N"));

    /// <summary>Writes <paramref name="bytes"/> to <paramref name="name"/> in this folder (creating subfolders) and returns its path.</summary>
    public string Write(string name, byte[] bytes)
    {
        string path = System.IO.Path.Combine(Path, name);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public void Dispose()
    {
        if (Directory.Exists(Path)) Directory.Delete(Path, recursive: true);
    }
}
