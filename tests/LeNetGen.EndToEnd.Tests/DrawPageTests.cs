using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Playwright;
using Xunit;

namespace LeNetGen.EndToEnd.Tests;

/// <summary>
/// `serve` in a real browser: Debian's chromium (/usr/bin/chromium, which .ci/run installs) driven by Playwright draws a
/// 1 with mouse strokes on the page, and the page shows the network's prediction, its ten bars and the feature maps.
/// </summary>
[Collection(nameof(BuildTests))]
public sealed class DrawPageTests : IDisposable
{
    private const string Chromium = "/usr/bin/chromium";
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "lenetgen-serve-" + Guid.NewGuid().ToString("N"));

    public DrawPageTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task ADigitDrawnWithTheMouseIsPredictedAsItIsDrawnAndItsFeatureMapsShow()
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: install Debian's chromium (apt-get install -y chromium), as .ci/run does.");
        var (trained, trainOutput, trainErrors) = SamplesCli.Run($"train --network modern --epochs 1 --train-limit 3000 --out {_folder}");
        Assert.True(trained == 0, trainOutput + trainErrors);
        string checkpoint = Path.Combine(Directory.GetDirectories(_folder).Single(), "checkpoint.lngckpt");

        int port = FreePort();
        var start = new ProcessStartInfo("dotnet", $"samples/LeNetGen.Samples/bin/Release/net10.0/lenetgen-samples.dll serve --network modern --checkpoint {checkpoint} --port {port}")
        {
            WorkingDirectory = DotnetCli.RepositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using Process server = Process.Start(start)!;
        var serverOutput = server.StandardOutput.ReadToEndAsync();
        var serverErrors = server.StandardError.ReadToEndAsync();
        try
        {
            string url = $"http://127.0.0.1:{port}/";
            await WaitUntilServing(url, server);

            using IPlaywright playwright = await Playwright.CreateAsync();
            await using IBrowser browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = Chromium, Headless = true, Args = ["--no-sandbox"],
            });
            IPage page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1300, Height = 820 } });
            await page.GotoAsync(url);
            Assert.Equal("-", await page.TextContentAsync("#prediction"));

            // A 1: one vertical stroke down the middle of the pad, in small mouse moves.
            var pad = (await page.Locator("#pad").BoundingBoxAsync())!;
            float x = pad.X + pad.Width / 2, top = pad.Y + 40, bottom = pad.Y + pad.Height - 40;
            await page.Mouse.MoveAsync(x + 6, top);
            await page.Mouse.DownAsync();
            await page.Mouse.MoveAsync(x, bottom, new MouseMoveOptions { Steps = 25 });
            await page.Mouse.UpAsync();
            // Every update answered (the page predicts while the stroke is drawn, then once more when it ends).
            await page.WaitForFunctionAsync("() => Number(document.body.dataset.predictions) > 1 && document.body.dataset.busy === 'false'",
                null, new PageWaitForFunctionOptions { Timeout = 30_000 });

            Assert.Equal("1", await page.TextContentAsync("#prediction"));
            Assert.Equal("bar best", await page.GetAttributeAsync("#bar1", "class"));
            Assert.Equal("", await page.TextContentAsync("#message"));
            Assert.Contains("probabilities", await page.TextContentAsync("#head"));
            // The feature maps and the prepared digit are real images the browser decoded.
            Assert.True(await page.EvalOnSelectorAsync<int>("#maps", "m => m.complete ? m.naturalWidth : 0") > 500);
            Assert.Equal(112, await page.EvalOnSelectorAsync<int>("#digit", "d => d.complete ? d.naturalWidth : 0"));
            int barWidth = await page.EvalOnSelectorAsync<int>("#bar1 div", "d => d.getBoundingClientRect().width");
            Assert.True(barWidth > 100, $"the bar of the predicted 1 is only {barWidth} px wide");

            string screenshot = Path.Combine(Path.GetTempPath(), "lenetgen-draw-page.png");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot, FullPage = true });
            Assert.True(new FileInfo(screenshot).Length > 10_000);

            // A blank pad is answered with the message predict --image gives, not a prediction.
            await page.ClickAsync("#clear");
            string blank = await page.EvaluateAsync<string>(
                "async () => { const b = await new Promise(r => document.getElementById('pad').toBlob(r, 'image/png')); const a = await fetch('predict', { method: 'POST', body: b }); return a.status + ' ' + (await a.json()).error; }");
            Assert.Equal("400 the drawing: the image has no ink (it is blank).", blank);
        }
        finally
        {
            if (!server.HasExited) server.Kill(entireProcessTree: true);
            server.WaitForExit(10_000);
        }
        _ = await serverErrors;
        _ = await serverOutput;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task WaitUntilServing(string url, Process server)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(90))
        {
            Assert.False(server.HasExited, $"serve exited with code {(server.HasExited ? server.ExitCode : 0)} before serving");
            try
            {
                using HttpResponseMessage response = await http.GetAsync(url);
                if (response.IsSuccessStatusCode) return;
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(250);
        }
        throw new TimeoutException($"serve did not answer {url} within 90 s.");
    }
}
