using System;
using System.Buffers.Binary;
using System.IO;
using System.IO.Compression;

namespace LeNetGen.Runtime.Tests.Data;

/// <summary>Synthetic IDX files, valid or broken on purpose, raw or gzip.</summary>
internal static class IdxBytes
{
    /// <summary>An image file: the header, then <paramref name="count"/> images whose pixel (i, r, c) is <paramref name="pixel"/>.</summary>
    public static byte[] Images(int count, int rows, int columns, Func<int, int, int, byte>? pixel = null, int magic = IdxFile.ImagesMagic)
    {
        pixel ??= (i, r, c) => (byte)(i * 31 + r * 7 + c);
        byte[] bytes = Header(magic, count, rows, columns);
        int start = bytes.Length;
        Array.Resize(ref bytes, start + count * rows * columns);
        for (int i = 0, k = start; i < count; i++)
            for (int r = 0; r < rows; r++)
                for (int c = 0; c < columns; c++)
                    bytes[k++] = pixel(i, r, c);
        return bytes;
    }

    /// <summary>
    /// A four-dimensional image file (magic 0x00000804): the header, then <paramref name="count"/> images of
    /// <paramref name="channels"/> planes whose pixel (i, channel, r, c) is <paramref name="pixel"/>.
    /// </summary>
    public static byte[] ChannelImages(int count, int channels, int rows, int columns, Func<int, int, int, int, byte>? pixel = null)
    {
        pixel ??= (i, k, r, c) => (byte)(i * 31 + k * 57 + r * 7 + c);
        byte[] bytes = Header(IdxFile.ChannelImagesMagic, count, channels, rows, columns);
        int start = bytes.Length;
        Array.Resize(ref bytes, start + count * channels * rows * columns);
        for (int i = 0, at = start; i < count; i++)
            for (int k = 0; k < channels; k++)
                for (int r = 0; r < rows; r++)
                    for (int c = 0; c < columns; c++)
                        bytes[at++] = pixel(i, k, r, c);
        return bytes;
    }

    /// <summary>
    /// A float image file: magic 0x00000D03 (<paramref name="channels"/> null: count, rows, columns) or 0x00000D04 (count,
    /// channels, rows, columns), then each value (i, channel, r, c) of <paramref name="value"/> as a big-endian float32.
    /// </summary>
    public static byte[] FloatImages(int count, int? channels, int rows, int columns, Func<int, int, int, int, float> value)
    {
        int planes = channels ?? 1;
        byte[] bytes = channels is int k
            ? Header(IdxFile.FloatChannelImagesMagic, count, k, rows, columns)
            : Header(IdxFile.FloatImagesMagic, count, rows, columns);
        int at = bytes.Length;
        Array.Resize(ref bytes, at + 4 * count * planes * rows * columns);
        for (int i = 0; i < count; i++)
            for (int p = 0; p < planes; p++)
                for (int r = 0; r < rows; r++)
                    for (int c = 0; c < columns; c++, at += 4)
                        BinaryPrimitives.WriteSingleBigEndian(bytes.AsSpan(at), value(i, p, r, c));
        return bytes;
    }

    /// <summary>A label file holding <paramref name="labels"/>.</summary>
    public static byte[] Labels(byte[] labels, int magic = IdxFile.LabelsMagic) => [.. Header(magic, labels.Length), .. labels];

    /// <summary>A big-endian header: the magic, then each size.</summary>
    public static byte[] Header(int magic, params int[] sizes)
    {
        byte[] header = new byte[4 * (1 + sizes.Length)];
        BinaryPrimitives.WriteInt32BigEndian(header, magic);
        for (int d = 0; d < sizes.Length; d++) BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4 + 4 * d), sizes[d]);
        return header;
    }

    /// <summary><paramref name="raw"/> gzip-compressed.</summary>
    public static byte[] Gzip(byte[] raw)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true)) gzip.Write(raw);
        return buffer.ToArray();
    }

    /// <summary>The first <paramref name="length"/> bytes of <paramref name="bytes"/>.</summary>
    public static byte[] Cut(byte[] bytes, int length) => bytes[..length];
}
