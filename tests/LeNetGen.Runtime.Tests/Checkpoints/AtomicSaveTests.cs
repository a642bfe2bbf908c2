using System;
using System.IO;
using Xunit;

namespace LeNetGen.Runtime.Tests.Checkpoints;

/// <summary>
/// Saving replaces the file all at once: a failure part-way leaves the old checkpoint byte for byte, and no temporary
/// file is left behind, whether the save succeeds or fails.
/// </summary>
public sealed class AtomicSaveTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();
    private readonly string _path;

    public AtomicSaveTests() => _path = _directory.File("run.ckpt");

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void SavingReplacesTheOldCheckpointAndLeavesNoTemporaryFile()
    {
        Checkpoint(1f).Save(_path);
        Checkpoint(2f).Save(_path);

        Assert.Equal(["run.ckpt"], _directory.FileNames());
        Assert.Equal(2f, Checkpoint<float>.Load(_path, CheckpointSamples.Fingerprint, 1).Parameters[0]);
    }

    [Fact]
    public void TemporariesAKilledSaveLeftAreRemovedByTheNextSaveButNotOneInUseNorOthers()
    {
        // What a kill between creating the temporary file and renaming it leaves: run.ckpt.tmp-<guid>.
        string stale = _path + ".tmp-" + Guid.NewGuid().ToString("N"), inUse = _path + ".tmp-" + Guid.NewGuid().ToString("N");
        string notOurs = _path + ".tmp-notes", otherCheckpoint = _directory.File("other.ckpt") + ".tmp-" + Guid.NewGuid().ToString("N");
        foreach (string file in new[] { stale, inUse, notOurs, otherCheckpoint }) File.WriteAllBytes(file, [1, 2, 3]);

        using (new FileStream(inUse, FileMode.Open, FileAccess.Write, FileShare.None)) // another writer, still writing
            Checkpoint(1f).Save(_path);

        Assert.Equal(
            new[] { "other.ckpt" + otherCheckpoint[^37..], "run.ckpt", "run.ckpt" + inUse[^37..], "run.ckpt.tmp-notes" },
            _directory.FileNames());
    }

    [Fact]
    public void TemporariesAKilledSaveLeftAreRemovedWhenTheCheckpointIsLoaded()
    {
        Checkpoint(1f).Save(_path);
        string stale = _path + ".tmp-" + Guid.NewGuid().ToString("N");
        File.WriteAllBytes(stale, [1, 2, 3]);
        Checkpoint<float>.Load(_path, CheckpointSamples.Fingerprint, 1);
        Assert.Equal(["run.ckpt"], _directory.FileNames());
    }

    [Fact]
    public void AFailureWhileWritingLeavesTheOldCheckpointUntouched()
    {
        Checkpoint(1f).Save(_path);
        byte[] old = File.ReadAllBytes(_path);
        byte[] replacement = CheckpointSamples.Bytes(Checkpoint(2f));

        var failure = Assert.Throws<IOException>(() => AtomicFile.Write(_path, stream =>
        {
            stream.Write(replacement, 0, replacement.Length / 2);
            throw new IOException("No space left on device (simulated).");
        }));

        Assert.Equal("No space left on device (simulated).", failure.Message);
        Assert.Equal(["run.ckpt"], _directory.FileNames());
        Assert.Equal(old, File.ReadAllBytes(_path));
        Assert.Equal(1f, Checkpoint<float>.Load(_path, CheckpointSamples.Fingerprint, 1).Parameters[0]);
    }

    [Fact]
    public void AFailureWhileWritingTheFirstCheckpointLeavesNothing()
    {
        Assert.Throws<InvalidOperationException>(() => AtomicFile.Write(_path, stream =>
        {
            stream.WriteByte(1);
            throw new InvalidOperationException("killed");
        }));

        Assert.Empty(_directory.FileNames());
    }

    [Fact]
    public void AFailedRenameLeavesNoTemporaryFile()
    {
        Directory.CreateDirectory(_path); // a directory where the checkpoint should go: the rename fails

        Assert.ThrowsAny<Exception>(() => Checkpoint(1f).Save(_path));

        Assert.Equal(["run.ckpt"], _directory.FileNames());
        Assert.True(Directory.Exists(_path));
    }

    [Fact]
    public void SavingIntoAMissingDirectoryFailsAndCreatesNothing()
    {
        string path = _directory.File(Path.Combine("absent", "run.ckpt"));

        Assert.Throws<DirectoryNotFoundException>(() => Checkpoint(1f).Save(path));

        Assert.Empty(_directory.FileNames());
    }

    private static Checkpoint<float> Checkpoint(float parameter) => new(CheckpointSamples.Fingerprint, [parameter]);
}
