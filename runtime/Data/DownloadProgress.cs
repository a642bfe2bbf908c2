namespace LeNetGen;

/// <summary>How far a download has got, reported as the bytes arrive; enough for a command line to draw a bar.</summary>
/// <param name="FileName">The file being downloaded.</param>
/// <param name="FileIndex">Its position in the list, from 0.</param>
/// <param name="FileCount">The number of files in the list.</param>
/// <param name="BytesReceived">The bytes of this file received so far.</param>
/// <param name="TotalBytes">This file's size: the server's Content-Length, else the expected size.</param>
/// <param name="Mirror">The base URL being downloaded from; null when the file was already there and checked.</param>
public readonly record struct DownloadProgress(
    string FileName, int FileIndex, int FileCount, long BytesReceived, long TotalBytes, string? Mirror);
