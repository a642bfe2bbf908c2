using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace LeNetGen;

/// <summary>
/// Downloads MNIST's four files from public mirrors, for users with internet. Each file goes to a temporary file in the
/// target folder, its SHA-256 is checked, and only then is it renamed into place; on any failure (HTTP error, dropped
/// connection, wrong checksum) the temporary file is deleted and the next mirror is tried. A file already present with
/// the right checksum is kept. When every mirror fails the <see cref="IOException"/> says what each one did.
/// </summary>
/// <param name="http">The client to download with; the caller owns it (and sets its timeout).</param>
public sealed class MnistDownloader(HttpClient http)
{
    private const int BufferLength = 81920;

    /// <summary>
    /// The mirrors tried by default, in order: PyTorch's copy on Amazon S3, then Google's CVDF copy (yann.lecun.com
    /// itself now asks for a login).
    /// </summary>
    public static IReadOnlyList<Uri> DefaultMirrors { get; } =
    [
        new("https://ossci-datasets.s3.amazonaws.com/mnist/"),
        new("https://storage.googleapis.com/cvdf-datasets/mnist/"),
    ];

    /// <summary>The base URLs tried in order; a file's URL is the base followed by its name.</summary>
    public IReadOnlyList<Uri> Mirrors { get; init; } = DefaultMirrors;

    /// <summary>The files to fetch with their checksums; MNIST's four (<see cref="MnistFiles.Mnist"/>) by default.</summary>
    public IReadOnlyList<DataFile> Files { get; init; } = MnistFiles.Mnist;

    /// <summary>
    /// Makes sure <paramref name="folder"/> holds every file of <see cref="Files"/> with the right checksum, downloading
    /// what is missing or wrong.
    /// </summary>
    /// <param name="folder">The target folder, created if needed; e.g. <see cref="DataLocator.ProgramDataFolder"/>.</param>
    /// <param name="progress">Told the bytes received so far and the total, as they arrive; may be null.</param>
    /// <param name="cancellationToken">Stops the download; the temporary file is deleted.</param>
    /// <exception cref="IOException">Every mirror failed for a file; the message lists each attempt.</exception>
    public async Task DownloadAsync(
        string folder, IProgress<DownloadProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(folder);
        if (Mirrors.Count == 0) throw new InvalidOperationException("No mirrors to download from.");
        Directory.CreateDirectory(folder);
        for (int i = 0; i < Files.Count; i++)
        {
            DataFile file = Files[i];
            string target = Path.Combine(folder, file.Name);
            if (File.Exists(target) && await Sha256Async(target, cancellationToken).ConfigureAwait(false) == file.Sha256.ToLowerInvariant())
            {
                progress?.Report(new(file.Name, i, Files.Count, file.Length, file.Length, Mirror: null));
                continue;
            }

            var failures = new StringBuilder();
            bool done = false;
            foreach (Uri mirror in Mirrors)
            {
                string? failure = await TryDownloadAsync(Resolve(mirror, file.Name), mirror, file, i, target, progress, cancellationToken)
                    .ConfigureAwait(false);
                if (failure is null)
                {
                    done = true;
                    break;
                }
                failures.Append("\n  - ").Append(failure);
            }
            if (!done)
                throw new IOException($"Could not download {file.Name} into {Path.GetFullPath(folder)}; every mirror failed:{failures}");
        }
    }

    /// <summary>One attempt: null on success (the file is in place), else what went wrong. Leaves no temporary file.</summary>
    private async Task<string?> TryDownloadAsync(
        Uri uri, Uri mirror, DataFile file, int index, string target, IProgress<DownloadProgress>? progress, CancellationToken cancellationToken)
    {
        string temporary = $"{target}.{Guid.NewGuid():N}.partial";
        try
        {
            using HttpResponseMessage response = await http.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, cancellationToken)
                .ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
                return $"{uri}: HTTP {(int)response.StatusCode} {response.ReasonPhrase}";
            long total = response.Content.Headers.ContentLength ?? file.Length;

            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            long received = 0;
            await using (Stream body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false))
            await using (var output = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferLength, useAsync: true))
            {
                byte[] buffer = new byte[BufferLength];
                progress?.Report(new(file.Name, index, Files.Count, 0, total, mirror.AbsoluteUri));
                int n;
                while ((n = await body.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
                {
                    hash.AppendData(buffer, 0, n);
                    await output.WriteAsync(buffer.AsMemory(0, n), cancellationToken).ConfigureAwait(false);
                    received += n;
                    progress?.Report(new(file.Name, index, Files.Count, received, total, mirror.AbsoluteUri));
                }
                await output.FlushAsync(cancellationToken).ConfigureAwait(false);
                output.Flush(flushToDisk: true);
            }

            string found = Convert.ToHexStringLower(hash.GetHashAndReset());
            if (!string.Equals(found, file.Sha256, StringComparison.OrdinalIgnoreCase))
                return $"{uri}: expected SHA-256 {file.Sha256.ToLowerInvariant()}, found {found} ({received} bytes)";
            File.Move(temporary, target, overwrite: true);
            return null;
        }
        catch (Exception e) when (e is HttpRequestException or IOException or UnauthorizedAccessException
                                  || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            // A dropped connection, a refused one, a timeout (HttpClient's own cancellation), a disk error: next mirror.
            return $"{uri}: {Describe(e)}";
        }
        finally
        {
            File.Delete(temporary); // nothing if it was renamed or never created
        }
    }

    private static Uri Resolve(Uri mirror, string name) =>
        new(mirror.AbsoluteUri.EndsWith('/') ? mirror : new Uri(mirror.AbsoluteUri + "/"), name);

    private static string Describe(Exception e) =>
        e is OperationCanceledException ? "timed out" : e.InnerException is { } inner ? $"{e.Message} ({inner.Message})" : e.Message;

    private static async Task<string> Sha256Async(string path, CancellationToken cancellationToken)
    {
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferLength, useAsync: true);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(file, cancellationToken).ConfigureAwait(false));
    }
}
