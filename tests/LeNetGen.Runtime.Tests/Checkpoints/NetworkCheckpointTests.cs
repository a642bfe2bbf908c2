using System;
using System.IO;
using LeNetGen.TestNetworks;
using Xunit;

namespace LeNetGen.Runtime.Tests.Checkpoints;

/// <summary>A generated network saves and loads its parameters in one call each, and refuses another network's file.</summary>
public sealed class NetworkCheckpointTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void SaveThenFromCheckpointGivesTheSameParametersBitForBit()
    {
        var network = new ModernLeNet5(seed: 5);
        network.Parameters[7] = -0.0f;
        string path = _directory.File("modern.lngckpt");
        network.Save(path);

        ModernLeNet5 loaded = ModernLeNet5.FromCheckpoint(path);
        Assert.Equal(Bits(network.Parameters), Bits(loaded.Parameters));
        Assert.NotEqual(Bits(new ModernLeNet5().Parameters), Bits(loaded.Parameters));

        // Load is what the trainer's checkpoints are read with too: the same file as TrainingCheckpoint.Capture writes.
        var other = new ModernLeNet5(seed: 6);
        other.Load(path);
        Assert.Equal(Bits(network.Parameters), Bits(other.Parameters));
    }

    [Fact]
    public void AnotherNetworksCheckpointIsRefusedAndTheParametersStay()
    {
        string path = _directory.File("classic.lngckpt");
        new ClassicLeNet5().Save(path);
        var network = new ModernLeNet5(seed: 5);
        float[] before = (float[])network.Parameters.Clone();

        var refused = Assert.Throws<CheckpointException>(() => network.Load(path));
        Assert.Equal(CheckpointProblem.WrongNetwork, refused.Problem);
        Assert.Equal(Bits(before), Bits(network.Parameters));
        Assert.Throws<FileNotFoundException>(() => ModernLeNet5.FromCheckpoint(_directory.File("missing.lngckpt")));
    }

    private static int[] Bits(float[] values) => Array.ConvertAll(values, BitConverter.SingleToInt32Bits);
}
