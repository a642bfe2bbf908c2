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
