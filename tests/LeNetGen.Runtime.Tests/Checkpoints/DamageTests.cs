using System;
using System.Numerics;
using Xunit;

namespace LeNetGen.Runtime.Tests.Checkpoints;

/// <summary>
/// A checkpoint cut at any byte is refused as truncated; one with any byte changed is refused as corrupted, or, where
/// the change falls in the magic or the version, as not a checkpoint or of an unsupported version. Nothing crashes and
/// nothing damaged is accepted.
/// </summary>
public sealed class DamageTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void EveryTruncationOfAFloatCheckpointIsRefusedAsTruncated() => AssertEveryTruncationRefused<float>();

    [Fact]
    public void EveryTruncationOfADoubleCheckpointIsRefusedAsTruncated() => AssertEveryTruncationRefused<double>();

    [Fact]
    public void EveryChangedByteOfAFloatCheckpointIsRefused() => AssertEveryChangeRefused<float>();

    [Fact]
    public void EveryChangedByteOfADoubleCheckpointIsRefused() => AssertEveryChangeRefused<double>();

    private void AssertEveryTruncationRefused<T>()
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        byte[] bytes = CheckpointSamples.Bytes(CheckpointSamples.Small<T>());
        string path = _directory.File("cut.ckpt");
        for (int length = 0; length < bytes.Length; length++)
        {
            CheckpointException refusal = CheckpointSamples.Refusal<T>(path, bytes[..length]);
            Assert.True(refusal.Problem == CheckpointProblem.Truncated, $"cut at {length}: {refusal.Problem}: {refusal.Message}");
            string expectedEnd = length < CheckpointFormat.HeaderSize
                ? $"it ends at byte {length} but a checkpoint header takes {CheckpointFormat.HeaderSize} bytes."
                : $"it ends at byte {length} but the header promises {bytes.Length}.";
            Assert.EndsWith(expectedEnd, refusal.Message);
        }
    }

    private void AssertEveryChangeRefused<T>()
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        byte[] bytes = CheckpointSamples.Bytes(CheckpointSamples.Small<T>());
        string path = _directory.File("changed.ckpt");
        foreach (byte mask in (byte[])[0x01, 0x80, 0xFF])
        {
            for (int at = 0; at < bytes.Length; at++)
            {
                byte[] changed = (byte[])bytes.Clone();
                changed[at] ^= mask;
                CheckpointException refusal = CheckpointSamples.Refusal<T>(path, changed);
                CheckpointProblem expected = at switch
                {
                    < CheckpointFormat.VersionOffset => CheckpointProblem.NotACheckpoint,
                    < CheckpointFormat.ElementSizeOffset => CheckpointProblem.UnsupportedVersion,
                    _ => CheckpointProblem.Corrupted,
                };
                Assert.True(refusal.Problem == expected,
                    $"byte {at} ^ 0x{mask:X2}: expected {expected}, got {refusal.Problem}: {refusal.Message}");
            }
        }
    }
}
