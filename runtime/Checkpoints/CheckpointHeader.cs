using System;
using System.Buffers.Binary;

namespace LeNetGen;

/// <summary>The fixed 56-byte header of a checkpoint file, field by field.</summary>
internal readonly record struct CheckpointHeader(
    int Version,
    int ElementSize,
    ulong Fingerprint,
    int ParameterCount,
    int CounterCount,
    int ValueCount,
    int BlockCount,
    long FileLength)
{
    /// <summary>Writes the header and its checksum to the first <see cref="CheckpointFormat.HeaderSize"/> bytes.</summary>
    public void Write(Span<byte> bytes)
    {
        CheckpointFormat.Magic.CopyTo(bytes);
        BinaryPrimitives.WriteInt32LittleEndian(bytes[CheckpointFormat.VersionOffset..], Version);
        BinaryPrimitives.WriteInt32LittleEndian(bytes[CheckpointFormat.ElementSizeOffset..], ElementSize);
        BinaryPrimitives.WriteUInt64LittleEndian(bytes[CheckpointFormat.FingerprintOffset..], Fingerprint);
        BinaryPrimitives.WriteInt32LittleEndian(bytes[CheckpointFormat.ParameterCountOffset..], ParameterCount);
        BinaryPrimitives.WriteInt32LittleEndian(bytes[CheckpointFormat.CounterCountOffset..], CounterCount);
        BinaryPrimitives.WriteInt32LittleEndian(bytes[CheckpointFormat.ValueCountOffset..], ValueCount);
        BinaryPrimitives.WriteInt32LittleEndian(bytes[CheckpointFormat.BlockCountOffset..], BlockCount);
        BinaryPrimitives.WriteInt64LittleEndian(bytes[CheckpointFormat.FileLengthOffset..], FileLength);
        BinaryPrimitives.WriteUInt64LittleEndian(bytes[CheckpointFormat.HeaderChecksumOffset..], ComputeChecksum(bytes));
    }

    /// <summary>Reads the fields of a whole header; the magic and the checksum are the caller's to check.</summary>
    public static CheckpointHeader Read(ReadOnlySpan<byte> bytes) => new(
        BinaryPrimitives.ReadInt32LittleEndian(bytes[CheckpointFormat.VersionOffset..]),
        BinaryPrimitives.ReadInt32LittleEndian(bytes[CheckpointFormat.ElementSizeOffset..]),
        BinaryPrimitives.ReadUInt64LittleEndian(bytes[CheckpointFormat.FingerprintOffset..]),
        BinaryPrimitives.ReadInt32LittleEndian(bytes[CheckpointFormat.ParameterCountOffset..]),
        BinaryPrimitives.ReadInt32LittleEndian(bytes[CheckpointFormat.CounterCountOffset..]),
        BinaryPrimitives.ReadInt32LittleEndian(bytes[CheckpointFormat.ValueCountOffset..]),
        BinaryPrimitives.ReadInt32LittleEndian(bytes[CheckpointFormat.BlockCountOffset..]),
        BinaryPrimitives.ReadInt64LittleEndian(bytes[CheckpointFormat.FileLengthOffset..]));

    /// <summary>The checksum the header records.</summary>
    public static ulong StoredChecksum(ReadOnlySpan<byte> bytes) =>
        BinaryPrimitives.ReadUInt64LittleEndian(bytes[CheckpointFormat.HeaderChecksumOffset..]);

    /// <summary>The checksum of the header's fields: FNV-1a 64 of its first 48 bytes.</summary>
    public static ulong ComputeChecksum(ReadOnlySpan<byte> bytes) =>
        Fnv1a64.Hash(bytes[..CheckpointFormat.HeaderChecksumOffset]);
}
