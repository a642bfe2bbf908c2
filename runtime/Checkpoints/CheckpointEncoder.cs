using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Numerics;

namespace LeNetGen;

/// <summary>Lays a checkpoint out in the version-1 format (drawn at the top of <c>Checkpoint.cs</c>), in one byte array.</summary>
internal static class CheckpointEncoder
{
    public static byte[] Encode<T>(Checkpoint<T> checkpoint)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int e = Checkpoint<T>.ElementSize;
        CheckpointState<T> state = checkpoint.State;
        byte[] note = CheckpointFormat.TextBytes(checkpoint.Note, nameof(checkpoint.Note));

        // Sizes first: the header records the file's length, and the array is allocated once.
        long length = CheckpointFormat.HeaderSize + sizeof(int) + note.Length + (long)checkpoint.ParameterCount * e;
        foreach (string name in state.Counters.Keys) length += NameSize(name) + sizeof(long);
        foreach (string name in state.Values.Keys) length += NameSize(name) + sizeof(double);
        foreach (KeyValuePair<string, ReadOnlyMemory<T>> block in state.Blocks)
            length += NameSize(block.Key) + sizeof(int) + (long)block.Value.Length * e;
        length += CheckpointFormat.ChecksumSize;
        if (length > CheckpointFormat.MaxLength)
            throw new InvalidOperationException(
                $"The checkpoint would take {length} bytes; the format's reader holds at most {CheckpointFormat.MaxLength}.");

        byte[] bytes = new byte[length];
        new CheckpointHeader(CheckpointFormat.Version, e, checkpoint.SpecFingerprint, checkpoint.ParameterCount,
            state.Counters.Count, state.Values.Count, state.Blocks.Count, length).Write(bytes);

        int at = CheckpointFormat.HeaderSize;
        at = WriteString(bytes, at, note);
        CheckpointFormat.WriteElements(checkpoint.Parameters, bytes.AsSpan(at));
        at += checkpoint.ParameterCount * e;
        foreach (KeyValuePair<string, long> counter in state.Counters)
        {
            at = WriteString(bytes, at, CheckpointFormat.Utf8.GetBytes(counter.Key));
            BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan(at), counter.Value);
            at += sizeof(long);
        }
        foreach (KeyValuePair<string, double> value in state.Values)
        {
            at = WriteString(bytes, at, CheckpointFormat.Utf8.GetBytes(value.Key));
            BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan(at), BitConverter.DoubleToInt64Bits(value.Value));
            at += sizeof(double);
        }
        foreach (KeyValuePair<string, ReadOnlyMemory<T>> block in state.Blocks)
        {
            at = WriteString(bytes, at, CheckpointFormat.Utf8.GetBytes(block.Key));
            BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(at), block.Value.Length);
            at += sizeof(int);
            CheckpointFormat.WriteElements(block.Value.Span, bytes.AsSpan(at));
            at += block.Value.Length * e;
        }

        BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(at), Fnv1a64.Hash(bytes.AsSpan(0, at)));
        return bytes;
    }

    private static long NameSize(string name) => sizeof(int) + CheckpointFormat.Utf8.GetByteCount(name);

    private static int WriteString(byte[] bytes, int at, byte[] text)
    {
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(at), text.Length);
        text.CopyTo(bytes, at + sizeof(int));
        return at + sizeof(int) + text.Length;
    }
}
