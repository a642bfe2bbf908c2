using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace LeNetGen.Runtime.Tests.Data;

/// <summary>
/// The downloader against a server on loopback (no other request is ever made): a dropped connection and a corrupted
/// file are refused, the next mirror is tried, and no partial file is ever left behind.
/// </summary>
public sealed class MnistDownloaderTests : IDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);

    private readonly Dictionary<string, byte[]> files = new()
    {
        [MnistFiles.TrainImages] = IdxBytes.Gzip(IdxBytes.Images(20, 28, 28, (i, r, c) => (byte)((i * 7919 + r * 131 + c * 17) % 256))),
        [MnistFiles.TrainLabels] = IdxBytes.Gzip(IdxBytes.Labels([.. Enumerable.Range(0, 20).Select(i => (byte)(i % 10))])),
        [MnistFiles.TestImages] = IdxBytes.Gzip(IdxBytes.Images(10, 28, 28)),
        [MnistFiles.TestLabels] = IdxBytes.Gzip(IdxBytes.Labels([.. Enumerable.Range(0, 10).Select(i => (byte)(9 - i))])),
    };

    private readonly LoopbackServer server;
    private readonly HttpClient http = new(new HttpClientHandler { UseProxy = false }) { Timeout = TimeSpan.FromSeconds(10) };
    private readonly TemporaryFolder folder = new();

    public MnistDownloaderTests() => server = new LoopbackServer(files);

    private IReadOnlyList<DataFile> Checksums =>
        [.. MnistFiles.Names.Select(name => new DataFile(name, files[name].Length, Convert.ToHexStringLower(SHA256.HashData(files[name]))))];

    [Fact]
    public async Task ADroppedConnectionAndACorruptFileFallThroughToAGoodMirror()
    {
        var progress = new Recorder();
        var downloader = new MnistDownloader(http)
        {
            Mirrors = [server.Mirror("drop"), server.Mirror("bad"), server.Mirror("good")],
            Files = Checksums,
        };
        using var timeout = new CancellationTokenSource(Bound);
        await downloader.DownloadAsync(folder.Path, progress, timeout.Token);

        Assert.Equal(MnistFiles.Names.Order(), Directory.GetFiles(folder.Path).Select(Path.GetFileName).Order());
        foreach (string name in MnistFiles.Names)
            Assert.Equal(files[name], File.ReadAllBytes(Path.Combine(folder.Path, name)));
        Assert.Equal(MnistFiles.Names.SelectMany(name => new[] { $"/drop/{name}", $"/bad/{name}", $"/good/{name}" }), server.Requests);

        // The last report of each file: every byte of it, from the good mirror, with its total.
        foreach (string name in MnistFiles.Names)
        {
            DownloadProgress last = progress.Reports.Last(p => p.FileName == name);
            Assert.Equal((files[name].Length, (long)files[name].Length, server.Mirror("good").AbsoluteUri), (last.BytesReceived, last.TotalBytes, last.Mirror));
            Assert.Equal(MnistFiles.Names.ToList().IndexOf(name), last.FileIndex);
            Assert.Equal(4, last.FileCount);
        }

        // The files are a loadable data set.
        DatasetSplits splits = MnistLoader.LoadFrom(MnistVariant.Mnist, folder.Path);
        Assert.Equal((20, 10), (splits.Train.Count, splits.Test.Count));
    }

    [Fact]
    public async Task WhenEveryMirrorFailsNoFileIsLeftAndTheMessageSaysWhatEachDid()
    {
        var downloader = new MnistDownloader(http)
        {
            Mirrors = [server.Mirror("drop"), server.Mirror("bad"), server.Mirror("missing")],
            Files = Checksums,
        };
        using var timeout = new CancellationTokenSource(Bound);
        var exception = await Assert.ThrowsAsync<IOException>(() => downloader.DownloadAsync(folder.Path, null, timeout.Token));

        Assert.Empty(Directory.GetFileSystemEntries(folder.Path));
        string[] lines = exception.Message.Split('\n');
        Assert.Equal($"Could not download {MnistFiles.TrainImages} into {folder.Path}; every mirror failed:", lines[0]);
        Assert.StartsWith($"  - {server.Mirror("drop")}{MnistFiles.TrainImages}: The response ended prematurely", lines[1]);
        Assert.StartsWith($"  - {server.Mirror("bad")}{MnistFiles.TrainImages}: expected SHA-256 {Checksums[0].Sha256}, found ", lines[2]);
        Assert.Equal($"  - {server.Mirror("missing")}{MnistFiles.TrainImages}: HTTP 404 Not Found", lines[3]);
        Assert.Equal(3, server.Requests.Count); // it stopped at the first file
    }

    [Fact]
    public async Task ADroppedConnectionAloneLeavesNoPartialFile()
    {
        var downloader = new MnistDownloader(http) { Mirrors = [server.Mirror("drop")], Files = Checksums };
        using var timeout = new CancellationTokenSource(Bound);
        await Assert.ThrowsAsync<IOException>(() => downloader.DownloadAsync(folder.Path, null, timeout.Token));
        Assert.Empty(Directory.GetFileSystemEntries(folder.Path));
    }

    [Fact]
    public async Task FilesAlreadyThereWithTheRightChecksumAreKeptAndWrongOnesReplaced()
    {
        foreach (string name in MnistFiles.Names) folder.Write(name, files[name]);
        File.WriteAllBytes(Path.Combine(folder.Path, MnistFiles.TestLabels), [1, 2, 3]);
        var downloader = new MnistDownloader(http) { Mirrors = [server.Mirror("good")], Files = Checksums };
        using var timeout = new CancellationTokenSource(Bound);
        await downloader.DownloadAsync(folder.Path, null, timeout.Token);
        Assert.Equal([$"/good/{MnistFiles.TestLabels}"], server.Requests);
        Assert.Equal(files[MnistFiles.TestLabels], File.ReadAllBytes(Path.Combine(folder.Path, MnistFiles.TestLabels)));
        Assert.Equal(4, Directory.GetFileSystemEntries(folder.Path).Length);
    }

    [Fact]
    public async Task CancellingLeavesNoPartialFile()
    {
        var downloader = new MnistDownloader(http) { Mirrors = [server.Mirror("good")], Files = Checksums };
        using var cancelled = new CancellationTokenSource();
        var progress = new Recorder(onReport: cancelled.Cancel); // cancel as soon as the first bytes are announced
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => downloader.DownloadAsync(folder.Path, progress, cancelled.Token));
        Assert.Empty(Directory.GetFileSystemEntries(folder.Path));
    }

    [Fact]
    public void TheDefaultsAreMnistsMirrorsAndChecksums()
    {
        var downloader = new MnistDownloader(http);
        Assert.Equal(["https://ossci-datasets.s3.amazonaws.com/mnist/", "https://storage.googleapis.com/cvdf-datasets/mnist/"],
            downloader.Mirrors.Select(m => m.AbsoluteUri));
        Assert.Equal("440fcabf73cc546fa21475e81ea370265605f56be210a4024d2ca8f203523609", downloader.Files[0].Sha256);
        Assert.Same(MnistFiles.Mnist, MnistVariant.Mnist.Downloads);
    }

    public void Dispose()
    {
        server.Dispose();
        http.Dispose();
        folder.Dispose();
    }

    /// <summary>Records reports synchronously, on the thread that makes them (Progress&lt;T&gt; would post them elsewhere).</summary>
    private sealed class Recorder(Action? onReport = null) : IProgress<DownloadProgress>
    {
        private readonly List<DownloadProgress> reports = [];

        public IReadOnlyList<DownloadProgress> Reports
        {
            get { lock (reports) return [.. reports]; }
        }

        public void Report(DownloadProgress value)
        {
            lock (reports) reports.Add(value);
            onReport?.Invoke();
        }
    }
}
