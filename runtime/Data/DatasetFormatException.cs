using System;

namespace LeNetGen;

/// <summary>
/// A dataset file that cannot be used as it stands: a wrong magic number, a file that ends before its header says it
/// does, images and labels that disagree, a label outside the classes, or corrupt gzip data. The message says which file,
/// what was expected and what was found.
/// </summary>
public sealed class DatasetFormatException : Exception
{
    /// <summary>Creates the exception with a generic message.</summary>
    public DatasetFormatException() : base("The dataset file is not in the expected format.") { }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    /// <param name="message">Which file, what was expected and what was found.</param>
    public DatasetFormatException(string message) : base(message) { }

    /// <summary>Creates the exception with <paramref name="message"/> and the exception that revealed the problem.</summary>
    /// <param name="message">Which file, what was expected and what was found.</param>
    /// <param name="innerException">The underlying error, e.g. the decompressor's.</param>
    public DatasetFormatException(string message, Exception? innerException) : base(message, innerException) { }

    /// <summary>Creates the exception for the file <paramref name="fileName"/>; the message starts with the file's name.</summary>
    /// <param name="fileName">The file (or stream) name the problem was found in.</param>
    /// <param name="problem">What was expected and what was found.</param>
    /// <param name="innerException">The underlying error, if any.</param>
    public DatasetFormatException(string fileName, string problem, Exception? innerException)
        : base($"{fileName}: {problem}", innerException) => FileName = fileName;

    /// <summary>The file the problem was found in, when one file is to blame.</summary>
    public string? FileName { get; }
}
