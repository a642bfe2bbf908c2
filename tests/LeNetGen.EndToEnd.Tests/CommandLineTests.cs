using System;
using System.IO;
using System.Linq;
using Xunit;

namespace LeNetGen.EndToEnd.Tests;

/// <summary>
/// The samples' command line as a newcomer uses it: train a short run, evaluate and predict from its checkpoint (a test
/// image and a PNG), and bad input refused with a message. MNIST comes from LENETGEN_MNIST or ../shared.
/// </summary>
[Collection(nameof(BuildTests))]
public sealed class CommandLineTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(15); // a guard against a hang, not a timing: builds on a loaded 2-core machine take minutes
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "lenetgen-cli-" + Guid.NewGuid().ToString("N"));

    public CommandLineTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static (int ExitCode, string Output) Samples(string arguments) =>
        DotnetCli.Run("samples/LeNetGen.Samples/bin/Release/net10.0/lenetgen-samples.dll " + arguments, Timeout);

    [Fact]
    public void TrainThenEvaluateAndPredictFromTheRunsCheckpoint()
    {
        var (built, buildOutput) = DotnetCli.Run("build samples/LeNetGen.Samples -c Release -nologo", Timeout);
        Assert.True(built == 0, buildOutput);

        string json = Path.Combine(_folder, "run.json");
        var (trained, trainOutput) = Samples($"train --network modern --epochs 1 --train-limit 3000 --out {_folder} --json {json}");
        Assert.True(trained == 0, trainOutput);
        Assert.Contains("test error", trainOutput);
        string run = Directory.GetDirectories(_folder).Single();
        string checkpoint = Path.Combine(run, "checkpoint.lngckpt");
        Assert.True(File.Exists(checkpoint));
        Assert.Contains("train --network modern", File.ReadAllText(Path.Combine(run, "command.txt")));
        Assert.Equal(File.ReadAllText(json), File.ReadAllText(Path.Combine(run, "metrics.json")));
        Assert.Contains("\"test_accuracy\"", File.ReadAllText(json));
        Assert.Contains("\"learning_rate_schedule\": \"cosine 0.01 -> 0\"", File.ReadAllText(json));
        Assert.Contains($"\"checkpoint\": {System.Text.Json.JsonSerializer.Serialize(checkpoint)}", File.ReadAllText(json));

        // The pictures beside the checkpoint: real PNGs (their content was looked at by hand; see the README).
        foreach (string picture in new[] { "learning-curve.png", "confusion.png", "c1-kernels.png", "feature-maps.png" })
            AssertPng(Path.Combine(run, picture));

        var (evaluated, evalOutput) = Samples($"eval --network modern --checkpoint {checkpoint}");
        Assert.True(evaluated == 0, evalOutput);
        AssertPng(Path.Combine(run, "eval-confusion.png"));
        AssertPng(Path.Combine(run, "eval-worst-digits.png"));
        Assert.Contains("confusion matrix", evalOutput);
        Assert.Contains("images prepared as (pixel / 255 - 0.1307) / 0.3081", evalOutput); // the checkpoint's normalization
        Assert.DoesNotContain("train loss", evalOutput); // no empty per-pass table

        // The checkpoint records its normalization: another one is refused, not evaluated at chance.
        var (otherNormalization, normalizationOutput) = Samples($"eval --network modern --checkpoint {checkpoint} --normalization paper");
        Assert.Equal(2, otherNormalization);
        Assert.Contains($"error: {checkpoint} was trained on images prepared with --normalization meanstd, not --normalization paper", normalizationOutput);

        // Resuming a run whose passes are all done writes nothing and says so, instead of printing a checkpoint it did not write.
        string again = Path.Combine(_folder, "again");
        var (resumedDone, resumedOutput) = Samples($"train --network modern --epochs 1 --train-limit 3000 --resume {checkpoint} --out {again}");
        Assert.Equal(2, resumedDone);
        Assert.Contains($"error: {checkpoint} has already completed 1 passes, and 1 were asked for: there is nothing to train. Ask for more with --epochs (e.g. --epochs 2).", resumedOutput);
        Assert.False(Directory.Exists(again));

        // A run trained without distortions is not resumed with them (nor the reverse): its passes would mean another thing.
        var (distortedResume, distortedOutput) = Samples($"train --network modern --epochs 2 --train-limit 3000 --distort --resume {checkpoint} --out {again}");
        Assert.Equal(2, distortedResume);
        Assert.Contains($"error: {checkpoint} was trained without distortions: resume it without --distort.", distortedOutput);

        var (predicted, predictOutput) = Samples($"predict --network modern --checkpoint {checkpoint} --index 0");
        Assert.True(predicted == 0, predictOutput);
        Assert.Contains("test image 0 of MNIST test (label 7)", predictOutput);
        Assert.Contains("predicted class:", predictOutput);

        // A hand-drawn 1: a thick dark stroke on white paper, bigger than MNIST's box, off center.
        var pixels = Enumerable.Repeat((byte)255, 60 * 50).ToArray();
        for (int y = 5; y < 55; y++)
            for (int x = 30; x < 36; x++) pixels[y * 50 + x] = 0;
        string png = Path.Combine(_folder, "one.png");
        Png.WriteGray(png, pixels, 50, 60);
        var (fromPng, pngOutput) = Samples($"predict --network modern --checkpoint {checkpoint} --image {png}");
        Assert.True(fromPng == 0, pngOutput);
        Assert.Contains("centered by its center of mass", pngOutput);
        Assert.Contains("predicted class: 1", pngOutput);

        // Another network's checkpoint, and a damaged one, are refused with a message that says which.
        var (wrongNetwork, wrongOutput) = Samples($"eval --network classic --checkpoint {checkpoint}");
        Assert.Equal(2, wrongNetwork);
        Assert.Contains("belongs to another network", wrongOutput);
        Assert.Contains("It is a checkpoint of the modern network: use --network modern.", wrongOutput);

        string notAnImage = Path.Combine(_folder, "notes.png");
        File.WriteAllText(notAnImage, "not an image");
        var (badImage, badImageOutput) = Samples($"predict --network modern --checkpoint {checkpoint} --image {notAnImage}");
        Assert.Equal(2, badImage);
        Assert.Contains($"error: {notAnImage}: not an image this can read", badImageOutput);
        Assert.DoesNotContain("   at ", badImageOutput);

        byte[] bytes = File.ReadAllBytes(checkpoint);
        bytes[bytes.Length / 2] ^= 0x40;
        string damaged = Path.Combine(_folder, "damaged.lngckpt");
        File.WriteAllBytes(damaged, bytes);
        var (corrupt, corruptOutput) = Samples($"eval --network modern --checkpoint {damaged}");
        Assert.Equal(2, corrupt);
        Assert.Contains("corrupted", corruptOutput);

        File.WriteAllBytes(damaged, bytes[..100]);
        var (truncated, truncatedOutput) = Samples($"eval --network modern --checkpoint {damaged}");
        Assert.Equal(2, truncated);
        Assert.Contains("truncated", truncatedOutput);
    }

    private static void AssertPng(string path)
    {
        Assert.True(File.Exists(path), $"{path} was not written");
        byte[] bytes = File.ReadAllBytes(path);
        Assert.True(bytes.Length > 2_000, $"{path} is only {bytes.Length} bytes");
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A }, bytes[..8]);
        // IHDR: width and height, big-endian, at bytes 16 and 20.
        int width = bytes[16] << 24 | bytes[17] << 16 | bytes[18] << 8 | bytes[19], height = bytes[20] << 24 | bytes[21] << 16 | bytes[22] << 8 | bytes[23];
        Assert.InRange(width, 300, 4000);
        Assert.InRange(height, 100, 4000);
    }
}
