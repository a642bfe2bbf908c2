namespace LeNetGen;

/// <summary>A file to download: its name on the mirrors and in the target folder, its size and its SHA-256.</summary>
/// <param name="Name">The file name, e.g. <c>train-images-idx3-ubyte.gz</c>.</param>
/// <param name="Length">Its size in bytes; the progress total when a server does not send one.</param>
/// <param name="Sha256">Its SHA-256 as 64 hex digits; a download that does not match is refused.</param>
public sealed record DataFile(string Name, long Length, string Sha256);
