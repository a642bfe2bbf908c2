using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;

namespace LeNetGen.Runtime.Tests.Data;

/// <summary>
/// A small HTTP server on 127.0.0.1 for the downloader tests: <c>/good/NAME</c> serves a file, <c>/bad/NAME</c> the same
/// file with one byte changed, <c>/drop/NAME</c> announces the whole length, sends half and closes the connection;
/// anything else is 404. It answers at most <see cref="MaxRequests"/> requests and stops on dispose.
/// </summary>
internal sealed class LoopbackServer : IDisposable
{
    public const int MaxRequests = 64;

    private readonly HttpListener listener = new();
    private readonly IReadOnlyDictionary<string, byte[]> files;
    private readonly Task loop;

    public LoopbackServer(IReadOnlyDictionary<string, byte[]> files)
    {
        this.files = files;
        // A free port: bind port 0, read what was given, release it for the listener.
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        int port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        BaseUri = new Uri($"http://127.0.0.1:{port}/");
        listener.Prefixes.Add(BaseUri.AbsoluteUri);
        listener.Start();
        loop = Task.Run(ServeAsync);
    }

    public Uri BaseUri { get; }

    /// <summary>The paths requested, in order.</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

    public Uri Mirror(string kind) => new(BaseUri, kind + "/");

    private async Task ServeAsync()
    {
        for (int served = 0; served < MaxRequests; served++)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return; // stopped
            }
            try
            {
                await AnswerAsync(context);
            }
            catch (Exception e) when (e is HttpListenerException or System.IO.IOException or ObjectDisposedException)
            {
                // The client went away; serve the next one.
            }
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        string path = context.Request.Url!.AbsolutePath;
        Requests.Enqueue(path);
        HttpListenerResponse response = context.Response;
        string[] parts = path.Trim('/').Split('/');
        if (parts.Length != 2 || !files.TryGetValue(parts[1], out byte[]? body))
        {
            response.StatusCode = 404;
            response.Close();
            return;
        }
        switch (parts[0])
        {
            case "good":
                response.ContentLength64 = body.Length;
                await response.OutputStream.WriteAsync(body);
                response.Close();
                break;
            case "bad":
                byte[] corrupted = (byte[])body.Clone();
                corrupted[corrupted.Length / 2] ^= 0xFF;
                response.ContentLength64 = corrupted.Length;
                await response.OutputStream.WriteAsync(corrupted);
                response.Close();
                break;
            case "drop":
                response.ContentLength64 = body.Length;
                await response.OutputStream.WriteAsync(body.AsMemory(0, body.Length / 2));
                await response.OutputStream.FlushAsync();
                response.Abort(); // the connection closes with half the promised body sent
                break;
            default:
                response.StatusCode = 404;
                response.Close();
                break;
        }
    }

    public void Dispose()
    {
        listener.Stop();
        listener.Close();
        loop.Wait(TimeSpan.FromSeconds(5));
    }
}
