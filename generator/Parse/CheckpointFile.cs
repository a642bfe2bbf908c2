using System;
using System.IO;
using System.Threading;
using LeNetGen.Generator.Check;
using LeNetGen.Generator.Model;
using Microsoft.CodeAnalysis;

namespace LeNetGen.Generator.Parse;

/// <summary>
/// Reads the bytes of a checkpoint given as an additional file, then parses them (<see cref="CheckpointParser"/>).
/// </summary>
/// <remarks>
/// Roslyn gives additional files as text only: <see cref="AdditionalText.GetText"/> on a binary file such as a
/// checkpoint makes the compiler fail the build with CS2015 ("is a binary file instead of a text file"; seen with the
/// .NET 10 SDK's compiler), and a text decoding would not give the bytes back anyway. So this reads the file the
/// compiler was given, by its path, and never asks for its text. The file is an input of the compilation: when it
/// changes, the compiler hands the generator a new <see cref="AdditionalText"/> and this step runs again.
/// </remarks>
internal static class CheckpointFile
{
    /// <summary>
    /// The largest file read: each byte of a baked parameter takes at least two characters of generated source, so a
    /// larger file could never pass the limit on a network's generated source (LNG0303).
    /// </summary>
    public const long MaxLength = Limits.MaxGeneratedSource / 2;

    /// <summary>Reads and parses <paramref name="file"/>. Never throws, except <see cref="OperationCanceledException"/>.</summary>
    public static ParsedCheckpoint Read(AdditionalText file, CancellationToken cancellationToken)
    {
        string path = file.Path ?? "";
        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            byte[]? bytes = ReadBytes(path, out string? problem);
            if (bytes is null) return new ParsedCheckpoint(path) { Fault = CheckpointFault.Unreadable, Detail = problem ?? "it could not be read" };
            return CheckpointParser.Parse(path, bytes);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return new ParsedCheckpoint(path) { Fault = CheckpointFault.Unreadable, Detail = "it could not be read (" + exception.GetType().Name + ": " + exception.Message + ")" };
        }
    }

#pragma warning disable RS1035 // File IO in an analyzer: the only way to a binary additional file's bytes (see the remarks above).
    private static byte[]? ReadBytes(string path, out string? problem)
    {
        problem = null;
        if (Directory.Exists(path))
        {
            problem = "it is a folder, not a checkpoint file";
            return null;
        }
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            problem = "the compiler was given it, but there is no such file";
            return null;
        }
        // A FIFO (or another file that is not a regular one) reports no length; reading it could wait forever.
        if (info.Length == 0) return Array.Empty<byte>();
        if (info.Length > MaxLength)
        {
            problem = "it is " + info.Length.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) + " bytes long; LeNetGen bakes checkpoints of at most "
                + MaxLength.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) + " bytes (their parameters must fit the generated source's limit, LNG0303)";
            return null;
        }
        return File.ReadAllBytes(path);
    }
#pragma warning restore RS1035
}
