using System;
using System.IO;
using System.Linq;
using CsCheck;
using Xunit;

namespace LeNetGen.Runtime.Tests.Checkpoints;

/// <summary>
/// Property tests over checkpoints with several random edits at once (bytes changed, inserted, deleted, the file cut),
/// beyond <see cref="DamageTests"/>' one change at a time: every damaged file is refused with a
/// <see cref="CheckpointException"/>, never another exception, and nothing damaged is loaded. CsCheck shrinks a failure
/// to the fewest edits and prints the bytes.
/// </summary>
public sealed class CheckpointMutationTests : IDisposable
{
    private static readonly int Runs = int.TryParse(Environment.GetEnvironmentVariable("LENETGEN_PROPERTY_RUNS"), out int n) && n > 0 ? n : 1;

    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    private static readonly Gen<(double At, int Kind, byte Value)> Edit = Gen.Select(Gen.Double[0, 1], Gen.Int[0, 3], Gen.Byte);

    [Fact]
    public void CheckpointsWithSeveralEditsAreRefused()
    {
        byte[] original = CheckpointSamples.Bytes(CheckpointSamples.Rich(CheckpointSamples.AwkwardDoubles()));
        int parameters = CheckpointSamples.AwkwardDoubles().Length;
        Gen.Select(Edit.Array[1, 5], edits =>
        {
            var bytes = original.ToList();
            foreach (var (fraction, kind, value) in edits)
            {
                int at = Math.Min(bytes.Count, (int)(fraction * bytes.Count));
                switch (kind)
                {
                    case 0 when at < bytes.Count: bytes[at] = bytes[at] == value ? (byte)~value : value; break;
                    case 1 when at < bytes.Count: bytes.RemoveAt(at); break;
                    case 2: bytes.RemoveRange(at, bytes.Count - at); break;
                    default: bytes.Insert(at, value); break;
                }
            }
            return bytes.ToArray();
        }).Where(bytes => !bytes.AsSpan().SequenceEqual(original)).Sample(bytes =>
        {
            string path = _directory.File($"damaged-{Guid.NewGuid():N}.ckpt");
            CheckpointException refusal = CheckpointSamples.Refusal<double>(path, bytes, parameterCount: parameters);
            Assert.False(string.IsNullOrWhiteSpace(refusal.Message));
            File.Delete(path);
        }, iter: 300L * Runs, print: bytes => Convert.ToHexString(bytes));
    }
}
