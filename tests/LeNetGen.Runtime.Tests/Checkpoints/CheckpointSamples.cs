using System;
using System.Buffers.Binary;
using System.IO;
using System.Numerics;
using Xunit;

namespace LeNetGen.Runtime.Tests.Checkpoints;

/// <summary>Small checkpoints full of awkward values, and helpers to damage and reseal their bytes.</summary>
internal static class CheckpointSamples
{
    public const ulong Fingerprint = 0x0123456789ABCDEFUL;

    /// <summary>Zeros of both signs, subnormals, extremes, infinities, NaNs with payloads, a signalling NaN.</summary>
    public static float[] AwkwardFloats() =>
    [
        0f, -0f, 1f, -1.5f, float.Epsilon, -float.Epsilon, BitConverter.Int32BitsToSingle(0x00400000),
        float.MaxValue, float.MinValue, float.PositiveInfinity, float.NegativeInfinity,
        BitConverter.Int32BitsToSingle(0x7FC00001), BitConverter.Int32BitsToSingle(0x7F800001),
        BitConverter.Int32BitsToSingle(unchecked((int)0xFFFFFFFF)), BitConverter.Int32BitsToSingle(unchecked((int)0xFFC12345)),
    ];

    /// <summary>The same kinds of values in double precision.</summary>
    public static double[] AwkwardDoubles() =>
    [
        0d, -0d, 1d, -1.5d, double.Epsilon, -double.Epsilon, BitConverter.Int64BitsToDouble(0x0008000000000000),
        double.MaxValue, double.MinValue, double.PositiveInfinity, double.NegativeInfinity,
        BitConverter.Int64BitsToDouble(0x7FF8000000000001), BitConverter.Int64BitsToDouble(0x7FF0000000000001),
        BitConverter.Int64BitsToDouble(unchecked((long)0xFFFFFFFFFFFFFFFF)), BitConverter.Int64BitsToDouble(unchecked((long)0xFFF123456789ABCD)),
    ];

    /// <summary>A checkpoint with a note, every awkward value as parameters, and state of each kind.</summary>
    public static Checkpoint<T> Rich<T>(T[] awkward)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var state = new CheckpointState<T>();
        state.SetCounter("epoch", 3);
        state.SetCounter("step", long.MaxValue);
        state.SetCounter("rng", long.MinValue);
        state.SetValue("learning_rate", 0.01);
        state.SetValue("nan", BitConverter.Int64BitsToDouble(0x7FF8000000000BAD));
        state.SetValue("negative_zero", -0d);
        state.SetBlock("momentum", awkward.AsSpan(0, 7));
        state.SetBlock("hkk", awkward.AsSpan(7));
        state.SetBlock("empty", ReadOnlySpan<T>.Empty);
        return new Checkpoint<T>(Fingerprint, awkward, state, "train --epochs 20 --seed 7 ∂ü");
    }

    /// <summary>A checkpoint small enough to damage at every byte, with one entry in every section.</summary>
    public static Checkpoint<T> Small<T>()
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var state = new CheckpointState<T>();
        state.SetCounter("e", 2);
        state.SetValue("r", 0.5);
        state.SetBlock("m", [T.One, T.NegativeZero]);
        return new Checkpoint<T>(Fingerprint, [T.One, T.NaN, T.NegativeInfinity], state, "n");
    }

    /// <summary>Writes <paramref name="bytes"/> to <paramref name="path"/> and loads them, expecting a refusal.</summary>
    public static CheckpointException Refusal<T>(string path, byte[] bytes, ulong fingerprint = Fingerprint, int parameterCount = 3)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        File.WriteAllBytes(path, bytes);
        return Assert.Throws<CheckpointException>(() => Checkpoint<T>.Load(path, fingerprint, parameterCount));
    }

    /// <summary>The bytes of <paramref name="checkpoint"/> as <see cref="Checkpoint{T}.Save"/> writes them.</summary>
    public static byte[] Bytes<T>(Checkpoint<T> checkpoint)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        CheckpointEncoder.Encode(checkpoint);

    /// <summary>Recomputes both checksums after an edit, so that only the edit itself can be refused.</summary>
    public static byte[] Reseal(byte[] bytes)
    {
        BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(CheckpointFormat.HeaderChecksumOffset), CheckpointHeader.ComputeChecksum(bytes));
        int end = bytes.Length - CheckpointFormat.ChecksumSize;
        BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(end), Fnv1a64.Hash(bytes.AsSpan(0, end)));
        return bytes;
    }
}
