using System;
using System.Collections.Generic;
using System.IO;
using System.Numerics;
using System.Runtime.InteropServices;
using LeNetGen.TestNetworks;
using Xunit;

namespace LeNetGen.Runtime.Tests.Checkpoints;

/// <summary>What is saved comes back bit for bit: NaN payloads, -0.0, every counter, value, block and the note.</summary>
public sealed class RoundTripTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void FloatCheckpointComesBackBitForBit() => AssertRoundTrip(CheckpointSamples.Rich(CheckpointSamples.AwkwardFloats()));

    [Fact]
    public void DoubleCheckpointComesBackBitForBit() => AssertRoundTrip(CheckpointSamples.Rich(CheckpointSamples.AwkwardDoubles()));

    [Fact]
    public void EmptyCheckpointComesBack()
    {
        Checkpoint<float> loaded = SaveAndLoad(new Checkpoint<float>(42, ReadOnlySpan<float>.Empty));
        Assert.Equal(0, loaded.ParameterCount);
        Assert.Equal("", loaded.Note);
        Assert.Empty(loaded.State.Counters);
        Assert.Empty(loaded.State.Values);
        Assert.Empty(loaded.State.Blocks);
    }

    [Fact]
    public void LongestNameComesBack()
    {
        string name = new string('é', CheckpointFormat.MaxNameBytes / 2) + "x"; // 255 UTF-8 bytes
        var state = new CheckpointState<float>();
        state.SetCounter(name, 1);
        Checkpoint<float> loaded = SaveAndLoad(new Checkpoint<float>(42, [1f], state));
        Assert.Equal(1, loaded.State.GetCounter(name));
    }

    [Fact]
    public void EqualCheckpointsSaveToEqualBytesWhateverTheOrderOfSetting()
    {
        var first = new CheckpointState<double>();
        first.SetCounter("b", 2);
        first.SetCounter("a", 1);
        first.SetBlock("z", [1d]);
        first.SetBlock("Z", [2d]);
        var second = new CheckpointState<double>();
        second.SetBlock("Z", [2d]);
        second.SetBlock("z", [1d]);
        second.SetCounter("a", 1);
        second.SetCounter("b", 2);

        new Checkpoint<double>(7, [3d], first, "same").Save(_directory.File("first.ckpt"));
        new Checkpoint<double>(7, [3d], second, "same").Save(_directory.File("second.ckpt"));

        Assert.Equal(File.ReadAllBytes(_directory.File("first.ckpt")), File.ReadAllBytes(_directory.File("second.ckpt")));
    }

    [Fact]
    public void GeneratedNetworksCheckpointThroughTheirContract()
    {
        var parameters = new float[TableNet.ParameterCount];
        TableNet.InitializeParameters(parameters, seed: 5);
        var state = new CheckpointState<float>();
        state.SetBlock("momentum", parameters);
        string path = _directory.File("table.ckpt");
        Checkpoint<float>.Create<TableNet>(parameters, state, "TableNet").Save(path);

        Checkpoint<float> loaded = Checkpoint<float>.Load<TableNet>(path);

        Assert.Equal(TableNet.SpecFingerprint, loaded.SpecFingerprint);
        Assert.True(loaded.Parameters.SequenceEqual(parameters));
        var momentum = new float[TableNet.ParameterCount];
        loaded.State.CopyBlockTo("momentum", momentum);
        Assert.Equal(parameters, momentum);

        var doubles = new double[EdgeNet.ParameterCount];
        EdgeNet.InitializeParameters(doubles, seed: 4);
        string doublePath = _directory.File("edge.ckpt");
        Checkpoint<double>.Create<EdgeNet>(doubles).Save(doublePath);
        Assert.True(Checkpoint<double>.Load<EdgeNet>(doublePath).Parameters.SequenceEqual(doubles));
    }

    [Fact]
    public void CreateRefusesParametersOfTheWrongLength()
    {
        var exception = Assert.Throws<ArgumentException>(() => Checkpoint<float>.Create<TableNet>(new float[TableNet.ParameterCount - 1]));
        Assert.Contains(TableNet.ParameterCount.ToString(), exception.Message);
    }

    [Fact]
    public void OnlyFloatAndDoubleAreSupported()
    {
        Assert.Throws<NotSupportedException>(() => new Checkpoint<Half>(1, [Half.One]));
        Assert.Throws<NotSupportedException>(() => Checkpoint<Half>.Load(_directory.File("none"), 1, 1));
    }

    private Checkpoint<T> SaveAndLoad<T>(Checkpoint<T> checkpoint)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        string path = _directory.File("checkpoint.ckpt");
        checkpoint.Save(path);
        Assert.Equal(["checkpoint.ckpt"], _directory.FileNames());
        return Checkpoint<T>.Load(path, checkpoint.SpecFingerprint, checkpoint.ParameterCount);
    }

    private void AssertRoundTrip<T>(Checkpoint<T> saved)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Checkpoint<T> loaded = SaveAndLoad(saved);

        Assert.Equal(saved.SpecFingerprint, loaded.SpecFingerprint);
        Assert.Equal(saved.Note, loaded.Note);
        AssertSameBits(saved.Parameters, loaded.Parameters);
        Assert.Equal(saved.State.Counters, loaded.State.Counters);
        Assert.Equal(Bits(saved.State.Values), Bits(loaded.State.Values));
        Assert.Equal(saved.State.Blocks.Keys, loaded.State.Blocks.Keys);
        foreach (KeyValuePair<string, ReadOnlyMemory<T>> block in saved.State.Blocks)
        {
            var copy = new T[block.Value.Length];
            loaded.State.CopyBlockTo(block.Key, copy);
            AssertSameBits(block.Value.Span, copy);
        }
    }

    private static void AssertSameBits<T>(ReadOnlySpan<T> expected, ReadOnlySpan<T> actual)
        where T : unmanaged =>
        Assert.Equal(MemoryMarshal.AsBytes(expected).ToArray(), MemoryMarshal.AsBytes(actual).ToArray());

    private static List<KeyValuePair<string, long>> Bits(IReadOnlyDictionary<string, double> values)
    {
        var bits = new List<KeyValuePair<string, long>>();
        foreach (KeyValuePair<string, double> value in values) bits.Add(new(value.Key, BitConverter.DoubleToInt64Bits(value.Value)));
        return bits;
    }
}
