using System;
using System.IO;

namespace LeNetGen;

/// <summary>
/// Replaces a file all at once: readers see the old contents or the new, never a mix, and a crash or failure while
/// writing leaves the old file in place.
/// </summary>
internal static class AtomicFile
{
    /// <summary>
    /// Runs <paramref name="write"/> on a new temporary file beside <paramref name="path"/>, flushes it to disk, and renames
    /// it over <paramref name="path"/>. If any step throws, the temporary file is deleted and the exception passes on.
    /// </summary>
    /// <remarks>
    /// The rename is atomic on one file system, which is why the temporary file lives in the target's directory. Whether
    /// the rename itself survives a power cut is up to the file system (a directory fsync is not available from .NET).
    /// </remarks>
    public static void Write(string path, Action<Stream> write)
    {
        RemoveStaleTemporaries(path);
        string temporary = $"{path}.tmp-{Guid.NewGuid():N}";
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 0))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temporary, path, overwrite: true);
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
    }

    /// <summary>
    /// Deletes the temporary files a write of <paramref name="path"/> left behind when its process was killed
    /// (<c>{path}.tmp-{32 hex digits}</c>), except one another writer still has open (each writer holds its own with
    /// <see cref="FileShare.None"/>, which locks it). Failures are ignored: a leftover is untidy, not wrong.
    /// </summary>
    public static void RemoveStaleTemporaries(string path)
    {
        string? directory = Path.GetDirectoryName(Path.GetFullPath(path));
        string prefix = Path.GetFileName(path) + ".tmp-";
        if (directory is null || !Directory.Exists(directory)) return;
        string[] candidates;
        try
        {
            candidates = Directory.GetFiles(directory, prefix + "*");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return;
        }
        foreach (string candidate in candidates)
        {
            string suffix = Path.GetFileName(candidate)[prefix.Length..];
            if (suffix.Length != 32 || !Guid.TryParseExact(suffix, "N", out _)) continue;
            try
            {
                // Opening it unshared fails while its writer has it open.
                using (new FileStream(candidate, FileMode.Open, FileAccess.ReadWrite, FileShare.None)) { }
                File.Delete(candidate);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
            }
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // The original failure is the one to report.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
