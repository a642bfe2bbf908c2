using System;
using System.Buffers.Binary;
using System.Text;
using Xunit;

namespace LeNetGen.Runtime.Tests.Checkpoints;

/// <summary>The bytes on disk follow the table at the top of Checkpoint.cs, read here field by field with literal offsets.</summary>
public sealed class FormatTests
{
    [Fact]
    public void TheLayoutIsTheDocumentedOne()
    {
        var state = new CheckpointState<float>();
        state.SetCounter("step", 7);
        state.SetValue("lr", 0.25);
        state.SetBlock("m", [-0f, 2f]);
        byte[] b = CheckpointSamples.Bytes(new Checkpoint<float>(0xFEDCBA9876543210UL, [1f, -1f, 0.5f], state, "hi"));

        Assert.Equal("LNGCKPT\0"u8.ToArray(), b[..8]);
        Assert.Equal(1, I32(b, 8));                                  // version
        Assert.Equal(4, I32(b, 12));                                 // element size
        Assert.Equal(0xFEDCBA9876543210UL, BinaryPrimitives.ReadUInt64LittleEndian(b.AsSpan(16)));
        Assert.Equal(3, I32(b, 24));                                 // parameters
        Assert.Equal(1, I32(b, 28));                                 // counters
        Assert.Equal(1, I32(b, 32));                                 // values
        Assert.Equal(1, I32(b, 36));                                 // blocks
        Assert.Equal(b.Length, BinaryPrimitives.ReadInt64LittleEndian(b.AsSpan(40)));
        Assert.Equal(Fnv(b, 0, 48), BinaryPrimitives.ReadUInt64LittleEndian(b.AsSpan(48)));

        Assert.Equal(2, I32(b, 56));                                 // note
        Assert.Equal("hi", Encoding.UTF8.GetString(b, 60, 2));
        Assert.Equal([1f, -1f, 0.5f], [F32(b, 62), F32(b, 66), F32(b, 70)]);
        Assert.Equal(4, I32(b, 74));                                 // counter "step" = 7
        Assert.Equal("step", Encoding.UTF8.GetString(b, 78, 4));
        Assert.Equal(7L, BinaryPrimitives.ReadInt64LittleEndian(b.AsSpan(82)));
        Assert.Equal(2, I32(b, 90));                                 // value "lr" = 0.25
        Assert.Equal("lr", Encoding.UTF8.GetString(b, 94, 2));
        Assert.Equal(0.25, BinaryPrimitives.ReadDoubleLittleEndian(b.AsSpan(96)));
        Assert.Equal(1, I32(b, 104));                                // block "m" = [-0, 2]
        Assert.Equal((byte)'m', b[108]);
        Assert.Equal(2, I32(b, 109));
        Assert.Equal(unchecked((int)0x80000000), I32(b, 113));
        Assert.Equal(2f, F32(b, 117));
        Assert.Equal(129, b.Length);                                 // then the checksum
        Assert.Equal(Fnv(b, 0, 121), BinaryPrimitives.ReadUInt64LittleEndian(b.AsSpan(121)));
    }

    private static int I32(byte[] b, int at) => BinaryPrimitives.ReadInt32LittleEndian(b.AsSpan(at));

    private static float F32(byte[] b, int at) => BinaryPrimitives.ReadSingleLittleEndian(b.AsSpan(at));

    // FNV-1a 64 written out again from its definition.
    private static ulong Fnv(byte[] b, int start, int end)
    {
        ulong h = 14695981039346656037UL;
        for (int i = start; i < end; i++) h = (h ^ b[i]) * 1099511628211UL;
        return h;
    }
}
