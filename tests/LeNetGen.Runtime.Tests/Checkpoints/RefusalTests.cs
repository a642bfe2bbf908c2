using System;
using System.Buffers.Binary;
using System.IO;
using LeNetGen.TestNetworks;
using Xunit;

namespace LeNetGen.Runtime.Tests.Checkpoints;

/// <summary>Each check on load refuses with its own problem and a message saying what was expected and what was found.</summary>
public sealed class RefusalTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();
    private readonly string _path;

    public RefusalTests() => _path = _directory.File("checkpoint.ckpt");

    public void Dispose() => _directory.Dispose();

    private static byte[] SmallFloat => CheckpointSamples.Bytes(CheckpointSamples.Small<float>());

    [Fact]
    public void AnotherKindOfFileIsNotACheckpoint()
    {
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13];
        CheckpointException refusal = CheckpointSamples.Refusal<float>(_path, png);
        AssertRefusal(refusal, CheckpointProblem.NotACheckpoint,
            $"Cannot load '{_path}': it is not a LeNetGen checkpoint: expected the magic bytes 4C-4E-47-43-4B-50-54-00 (\"LNGCKPT\\0\"), found 89-50-4E-47-0D-0A-1A-0A.");
    }

    [Fact]
    public void AShortFileThatStartsLikeACheckpointIsTruncated()
    {
        CheckpointException refusal = CheckpointSamples.Refusal<float>(_path, "LNG"u8.ToArray());
        AssertRefusal(refusal, CheckpointProblem.Truncated,
            $"Cannot load '{_path}': the file is truncated: it ends at byte 3 but a checkpoint header takes 56 bytes.");
    }

    [Fact]
    public void AnEmptyFileIsTruncated()
    {
        CheckpointException refusal = CheckpointSamples.Refusal<float>(_path, []);
        Assert.Equal(CheckpointProblem.Truncated, refusal.Problem);
        Assert.Contains("it ends at byte 0 but a checkpoint header takes 56 bytes", refusal.Message);
    }

    [Fact]
    public void AFifoIsRefusedWithoutWaitingForAWriter()
    {
        // Opening a FIFO for reading blocks until something writes to it: the load must not open it.
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", _path)) mkfifo.WaitForExit();
        var refusal = Assert.Throws<CheckpointException>(() => Checkpoint<float>.Load(_path, CheckpointSamples.Fingerprint, 3));
        AssertRefusal(refusal, CheckpointProblem.Truncated,
            $"Cannot load '{_path}': the file is truncated (it is empty, or not a regular file): it ends at byte 0 but a checkpoint header takes 56 bytes.");
    }

    [Fact]
    public void ANewerFormatVersionIsUnsupported()
    {
        byte[] bytes = SmallFloat;
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(CheckpointFormat.VersionOffset), 2);
        AssertRefusal(CheckpointSamples.Refusal<float>(_path, bytes), CheckpointProblem.UnsupportedVersion,
            $"Cannot load '{_path}': unsupported checkpoint format version: expected 1, found 2 (written by a newer LeNetGen?).");
    }

    [Fact]
    public void DoublesAreRefusedWhereFloatsAreExpected()
    {
        byte[] bytes = CheckpointSamples.Bytes(CheckpointSamples.Small<double>());
        AssertRefusal(CheckpointSamples.Refusal<float>(_path, bytes), CheckpointProblem.ElementTypeMismatch,
            $"Cannot load '{_path}': it holds double values, this network float: expected element size 4, found 8.");
    }

    [Fact]
    public void FloatsAreRefusedWhereDoublesAreExpected()
    {
        CheckpointException refusal = CheckpointSamples.Refusal<double>(_path, SmallFloat);
        Assert.Equal(CheckpointProblem.ElementTypeMismatch, refusal.Problem);
        Assert.EndsWith("expected element size 8, found 4.", refusal.Message);
    }

    [Fact]
    public void AnotherNetworksCheckpointIsRefusedNamingBothFingerprints()
    {
        Checkpoint<float>.Create<TableNet>(new float[TableNet.ParameterCount]).Save(_path);

        var refusal = Assert.Throws<CheckpointException>(() => Checkpoint<float>.Load<ClassicLeNet5>(_path));

        AssertRefusal(refusal, CheckpointProblem.WrongNetwork,
            $"Cannot load '{_path}': this checkpoint belongs to another network: spec fingerprint 0x{TableNet.SpecFingerprint:X16}, " +
            $"this network's is 0x{ClassicLeNet5.SpecFingerprint:X16}.");
        Assert.Equal(TableNet.SpecFingerprint, refusal.FileFingerprint);
    }

    [Theory]
    [InlineData(float.NaN, "NaN")]
    [InlineData(float.NegativeInfinity, "-Infinity")]
    public void ANetworksCheckpointWithANonFiniteParameterIsRefused(float value, string shown)
    {
        // Valid checksums: the file is as written, but what was written cannot compute.
        var parameters = new float[TableNet.ParameterCount];
        TableNet.InitializeParameters(parameters, seed: 5);
        parameters[17] = value;
        parameters[40] = float.NaN;
        Checkpoint<float>.Create<TableNet>(parameters).Save(_path);

        var refusal = Assert.Throws<CheckpointException>(() => Checkpoint<float>.Load<TableNet>(_path));

        AssertRefusal(refusal, CheckpointProblem.NonFiniteParameters,
            $"Cannot load '{_path}': parameter 17 of {TableNet.ParameterCount} is {shown} (2 are not finite): a network with it " +
            "cannot compute. The run that wrote it had diverged; use an earlier checkpoint.");
        Assert.True(float.IsNaN(Checkpoint<float>.Load(_path, TableNet.SpecFingerprint, TableNet.ParameterCount).Parameters[40])); // stored bits come back
    }

    [Fact]
    public void AnotherParameterCountIsRefused()
    {
        CheckpointException refusal = CheckpointSamples.Refusal<float>(_path, SmallFloat, parameterCount: 4);
        AssertRefusal(refusal, CheckpointProblem.ParameterCountMismatch,
            $"Cannot load '{_path}': it holds another number of parameters: expected 4, found 3.");
    }

    [Fact]
    public void AFileCutShortIsTruncatedNamingWhereItEndsAndWhatTheHeaderPromises()
    {
        byte[] bytes = SmallFloat;
        CheckpointException refusal = CheckpointSamples.Refusal<float>(_path, bytes[..^10]);
        AssertRefusal(refusal, CheckpointProblem.Truncated,
            $"Cannot load '{_path}': the file is truncated: it ends at byte {bytes.Length - 10} but the header promises {bytes.Length}.");
    }

    [Fact]
    public void AChangedHeaderIsCorrupted()
    {
        byte[] bytes = SmallFloat;
        ulong checksum = BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan(CheckpointFormat.HeaderChecksumOffset));
        bytes[CheckpointFormat.FingerprintOffset] ^= 1;
        CheckpointException refusal = CheckpointSamples.Refusal<float>(_path, bytes);
        AssertRefusal(refusal, CheckpointProblem.Corrupted,
            $"Cannot load '{_path}': the header is corrupted: expected header checksum 0x{checksum:X16} (stored in the file), " +
            $"found 0x{CheckpointHeader.ComputeChecksum(bytes):X16} (computed from the header).");
    }

    [Fact]
    public void AChangedParameterIsCorrupted()
    {
        byte[] bytes = SmallFloat;
        int end = bytes.Length - CheckpointFormat.ChecksumSize;
        ulong checksum = BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan(end));
        bytes[CheckpointFormat.HeaderSize + 5] ^= 0x40; // in the first parameter, after the 1-byte note
        CheckpointException refusal = CheckpointSamples.Refusal<float>(_path, bytes);
        AssertRefusal(refusal, CheckpointProblem.Corrupted,
            $"Cannot load '{_path}': the contents are corrupted: expected checksum 0x{checksum:X16} (stored in the file), " +
            $"found 0x{Fnv1a64.Hash(bytes.AsSpan(0, end)):X16} (computed from its contents).");
    }

    [Fact]
    public void BytesAfterTheChecksumAreCorruption()
    {
        byte[] bytes = SmallFloat;
        CheckpointException refusal = CheckpointSamples.Refusal<float>(_path, [.. bytes, 0]);
        AssertRefusal(refusal, CheckpointProblem.Corrupted,
            $"Cannot load '{_path}': the file is longer than its header says: expected {bytes.Length} bytes, found {bytes.Length + 1}.");
    }

    [Fact]
    public void AHeaderPromisingGigabytesIsRefusedWithoutAllocatingThem()
    {
        byte[] bytes = SmallFloat;
        BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan(CheckpointFormat.FileLengthOffset), 2_000_000_000);
        File.WriteAllBytes(_path, CheckpointSamples.Reseal(bytes));

        long before = GC.GetAllocatedBytesForCurrentThread();
        var refusal = Assert.Throws<CheckpointException>(() => Checkpoint<float>.Load(_path, CheckpointSamples.Fingerprint, 3));
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(CheckpointProblem.Truncated, refusal.Problem);
        Assert.EndsWith($"it ends at byte {bytes.Length} but the header promises 2000000000.", refusal.Message);
        Assert.True(allocated < 1_000_000, $"allocated {allocated} bytes");
    }

    [Fact]
    public void AHeaderPromisingMoreThanAnyCheckpointIsCorrupted()
    {
        byte[] bytes = SmallFloat;
        BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan(CheckpointFormat.FileLengthOffset), long.MaxValue);
        CheckpointException refusal = CheckpointSamples.Refusal<float>(_path, CheckpointSamples.Reseal(bytes));
        Assert.Equal(CheckpointProblem.Corrupted, refusal.Problem);
        Assert.Contains($"the header promises {long.MaxValue} bytes, outside the 68 to {Array.MaxLength}", refusal.Message);
    }

    [Fact]
    public void NegativeCountsAreCorrupted()
    {
        byte[] bytes = SmallFloat;
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(CheckpointFormat.BlockCountOffset), -1);
        CheckpointException refusal = CheckpointSamples.Refusal<float>(_path, CheckpointSamples.Reseal(bytes));
        Assert.Equal(CheckpointProblem.Corrupted, refusal.Problem);
        Assert.EndsWith("the header counts 1 counters, 1 values and -1 state blocks.", refusal.Message);
    }

    [Fact]
    public void ABlockLengthReachingPastTheFileIsRefusedBeforeAllocating()
    {
        byte[] bytes = SmallFloat;
        int lengthAt = bytes.Length - CheckpointFormat.ChecksumSize - 2 * sizeof(float) - sizeof(int); // block "m"'s length
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(lengthAt), int.MaxValue);
        File.WriteAllBytes(_path, CheckpointSamples.Reseal(bytes));

        long before = GC.GetAllocatedBytesForCurrentThread();
        var refusal = Assert.Throws<CheckpointException>(() => Checkpoint<float>.Load(_path, CheckpointSamples.Fingerprint, 3));
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        AssertRefusal(refusal, CheckpointProblem.Corrupted,
            $"Cannot load '{_path}': the contents are corrupted at byte {lengthAt + sizeof(int)}: state block 'm' takes {4L * int.MaxValue} bytes, but 8 remain before the checksum.");
        Assert.True(allocated < 1_000_000, $"allocated {allocated} bytes");
    }

    [Fact]
    public void ADuplicateNameIsCorrupted()
    {
        var state = new CheckpointState<float>();
        state.SetCounter("a", 1);
        state.SetCounter("b", 2);
        byte[] bytes = CheckpointSamples.Bytes(new Checkpoint<float>(CheckpointSamples.Fingerprint, [1f, 2f, 3f], state));
        int second = CheckpointFormat.HeaderSize + 4 + 3 * sizeof(float) + (4 + 1 + 8); // the second counter
        bytes[second + 4] = (byte)'a';
        CheckpointException refusal = CheckpointSamples.Refusal<float>(_path, CheckpointSamples.Reseal(bytes));
        AssertRefusal(refusal, CheckpointProblem.Corrupted,
            $"Cannot load '{_path}': the contents are corrupted at byte {second}: a second counter named 'a'.");
    }

    [Fact]
    public void ANoteThatIsNotUtf8IsCorrupted()
    {
        byte[] bytes = SmallFloat;
        bytes[CheckpointFormat.HeaderSize + 4] = 0xFF;
        CheckpointException refusal = CheckpointSamples.Refusal<float>(_path, CheckpointSamples.Reseal(bytes));
        AssertRefusal(refusal, CheckpointProblem.Corrupted,
            $"Cannot load '{_path}': the contents are corrupted at byte {CheckpointFormat.HeaderSize}: the note is not valid UTF-8.");
    }

    [Fact]
    public void AMissingFileIsAnIOErrorNotARefusal() =>
        Assert.Throws<FileNotFoundException>(() => Checkpoint<float>.Load(_directory.File("absent.ckpt"), 1, 1));

    private static void AssertRefusal(CheckpointException refusal, CheckpointProblem problem, string message)
    {
        Assert.Equal(problem, refusal.Problem);
        Assert.Equal(message, refusal.Message);
    }
}
