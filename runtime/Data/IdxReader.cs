using System;
using System.Buffers.Binary;
using System.IO;
using System.IO.Compression;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace LeNetGen;

/// <summary>
/// Reads IDX files strictly, raw or gzip-compressed (told apart by the gzip magic 1f 8b, never by the name). The data is
/// read through the stream straight into the one array that keeps it (float32 values are turned from big-endian into
/// this machine's order in place); nothing else the size of the file is allocated. Anything unexpected (a wrong magic, an
/// IDX data type this reader does not keep, a size the header cannot mean, a file that ends early or goes on after its
/// data, a label outside the classes, a float image value that is NaN or infinite, corrupt gzip data) is refused with a
/// <see cref="DatasetFormatException"/> that names the file, what was expected and what was found.
/// </summary>
public static class IdxReader
{
    private const byte GzipMagic0 = 0x1f, GzipMagic1 = 0x8b;

    /// <summary>The most dimensions a file this reader accepts has: four, for images with channels.</summary>
    private const int MaxDimensions = 4;

    /// <summary>Reads the label file at <paramref name="path"/> (magic 0x00000801); every label must be below <paramref name="classCount"/>.</summary>
    /// <param name="path">The file, raw or gzip.</param>
    /// <param name="classCount">The number of classes; labels run from 0 to <paramref name="classCount"/> - 1.</param>
    /// <returns>The labels, one byte each.</returns>
    public static IdxFile ReadLabels(string path, int classCount)
    {
        using var file = File.OpenRead(path);
        return ReadLabels(file, path, classCount);
    }

    /// <summary>Reads a label file (magic 0x00000801) from <paramref name="stream"/>; every label must be below <paramref name="classCount"/>.</summary>
    /// <param name="stream">The file's bytes, raw or gzip; read to its end, not disposed.</param>
    /// <param name="name">The name messages give the stream, e.g. its path.</param>
    /// <param name="classCount">The number of classes, 1 to 256.</param>
    /// <returns>The labels, one byte each.</returns>
    public static IdxFile ReadLabels(Stream stream, string name, int classCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(classCount, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(classCount, 256);
        IdxFile labels = Read(stream, name, LabelMagics);
        int bad = labels.Data.IndexOfAnyExceptInRange((byte)0, (byte)(classCount - 1));
        if (bad >= 0)
            throw new DatasetFormatException(name,
                $"label {labels.Data[bad]} at index {bad} is outside the {classCount} classes (expected 0 to {classCount - 1})", null);
        return labels;
    }

    /// <summary>
    /// Reads the image file at <paramref name="path"/>: magic 0x00000803 (count, rows, columns, then the pixels) or
    /// 0x00000804 (count, channels, rows, columns, then each image's channels one after the other), one unsigned byte a
    /// pixel; or the same with float32 values, big-endian (magic 0x00000D03 and 0x00000D04), every one finite.
    /// </summary>
    /// <param name="path">The file, raw or gzip.</param>
    /// <returns>The images: one byte per pixel (<see cref="IdxFile.Data"/>) or one float (<see cref="IdxFile.Values"/>).</returns>
    public static IdxFile ReadImages(string path)
    {
        using var file = File.OpenRead(path);
        return ReadImages(file, path);
    }

    /// <summary>
    /// Reads an image file from <paramref name="stream"/>: magic 0x00000803 (count, rows, columns, then the pixels) or
    /// 0x00000804 (count, channels, rows, columns, then each image's channels one after the other), one unsigned byte a
    /// pixel; or the same with float32 values, big-endian (magic 0x00000D03 and 0x00000D04), every one finite.
    /// </summary>
    /// <param name="stream">The file's bytes, raw or gzip; read to its end, not disposed.</param>
    /// <param name="name">The name messages give the stream, e.g. its path.</param>
    /// <returns>The images: one byte per pixel (<see cref="IdxFile.Data"/>) or one float (<see cref="IdxFile.Values"/>).</returns>
    public static IdxFile ReadImages(Stream stream, string name) => Read(stream, name, ImageMagics);

    /// <summary>
    /// Reads the image file at <paramref name="path"/>, first handing the header's sizes (count, [channels,] rows, columns) to
    /// <paramref name="checkHeader"/>, which may throw to refuse the file before a pixel is read.
    /// </summary>
    internal static IdxFile ReadImages(string path, Action<int[]> checkHeader)
    {
        using var file = File.OpenRead(path);
        return Read(file, path, ImageMagics, checkHeader);
    }

    private static readonly int[] LabelMagics = [IdxFile.LabelsMagic];
    private static readonly int[] ImageMagics =
        [IdxFile.ImagesMagic, IdxFile.ChannelImagesMagic, IdxFile.FloatImagesMagic, IdxFile.FloatChannelImagesMagic];

    private static IdxFile Read(Stream stream, string name, int[] expectedMagics, Action<int[]>? checkHeader = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(name);
        Stream rewound = Rewound(stream, out bool gzip);
        if (!gzip)
        {
            // A raw file that can seek says how many bytes follow: when they are all there, the data array is made once.
            long? available = rewound.CanSeek ? rewound.Length - rewound.Position : null;
            return Finite(ReadIdx(rewound, name, expectedMagics, checkHeader, total => available >= total));
        }

        // A gzip file that can seek ends with the data's length mod 2^32 (its trailer); when that agrees with the header and
        // deflate could expand the file that much (at most 1032:1), the data array is made once at its full size.
        long? compressedLength = rewound.CanSeek ? rewound.Length - rewound.Position : null;
        uint? trailerSize = compressedLength >= 18 ? TrailerSize(rewound) : null;

        // The caller owns the stream: the decompressor must not close it (and the wrappers own nothing else).
        var compressed = new TailRecordingStream(rewound);
        using var decompressed = new GZipStream(compressed, CompressionMode.Decompress, leaveOpen: true);
        IdxFile file;
        try
        {
            file = ReadIdx(decompressed, name, expectedMagics, checkHeader,
                total => trailerSize == unchecked((uint)total) && total <= MaxDeflateRatio * compressedLength);
        }
        catch (InvalidDataException e)
        {
            // .NET's own wording ("unsupported compression method", "block type") is about zlib's internals; the
            // decompressor's message stays with the inner exception.
            throw new DatasetFormatException(name, Corrupt, e);
        }
        CheckGzipTrailer(compressed, file, name);
        return Finite(file);
    }

    /// <summary>
    /// <paramref name="file"/>, after checking that a float file's values are all finite: a NaN or an infinity is no
    /// image value, and would make every output and gradient it reaches NaN.
    /// </summary>
    private static IdxFile Finite(IdxFile file)
    {
        if (!file.HoldsFloats) return file;
        ReadOnlySpan<float> values = file.Values;
        for (int i = 0; i < values.Length; i++)
        {
            if (float.IsFinite(values[i])) continue;
            int imageSize = values.Length / file.Count;
            string value = values[i].ToString(System.Globalization.CultureInfo.InvariantCulture);
            throw new DatasetFormatException(file.Name,
                $"value {value} of image {i / imageSize} (at {i % imageSize} in it) is not a finite number: float images must hold finite values", null);
        }
        return file;
    }

    /// <summary>
    /// <paramref name="stream"/> positioned at its start again after a look at its first two bytes (by seeking, or by
    /// replaying them when it cannot seek); <paramref name="gzip"/> tells whether they were the gzip magic 1f 8b.
    /// </summary>
    private static Stream Rewound(Stream stream, out bool gzip)
    {
        byte[] magic = new byte[2];
        int n = stream.ReadAtLeast(magic, 2, throwOnEndOfStream: false);
        gzip = n == 2 && magic[0] == GzipMagic0 && magic[1] == GzipMagic1;
        if (!stream.CanSeek) return new PrefixedStream(magic, n, stream);
        stream.Seek(-n, SeekOrigin.Current);
        return stream;
    }

    /// <summary>
    /// A gzip file cut off after its compressed data, before or inside its 8-byte trailer, decompresses in .NET without
    /// an error; the trailer's size field (the data's length mod 2^32, little-endian, in the last 4 bytes) must match
    /// what was read. (A single-member file, as every MNIST mirror serves; when the trailer is there, the decompressor has
    /// already checked its CRC-32.)
    /// </summary>
    private static void CheckGzipTrailer(TailRecordingStream compressed, IdxFile file, string name)
    {
        uint expected = (uint)(4L * (1 + file.Dimensions.Length) + file.DataBytes);
        ReadOnlySpan<byte> tail = compressed.Tail;
        // Short of 8 bytes, or a size that is not the data's: the file was cut inside its trailer (the last 4 bytes read
        // are then CRC or deflate bytes, whose value means nothing to report) or its end was damaged.
        if (tail.Length < TailRecordingStream.TailLength || BinaryPrimitives.ReadUInt32LittleEndian(tail[4..]) != expected)
            throw new DatasetFormatException(name,
                "the gzip file is incomplete (cut short, as by an interrupted download or copy) or damaged at its end: it " +
                $"should close with an 8-byte trailer giving the size of the data it holds, {expected} bytes, and after " +
                $"{compressed.BytesRead} bytes that trailer is missing or does not match; get a fresh copy of the file",
                null);
    }

    /// <summary>The message for deflate data or a CRC-32 that does not check out.</summary>
    private const string Corrupt =
        "the gzip data is corrupt: the compressed bytes do not decompress to what was compressed (the file was damaged or " +
        "altered after it was made, e.g. on disk or in transfer); get a fresh copy of the file";

    /// <summary>The most a deflate stream expands: 258 bytes from about 2 bits, so about 1032 to 1.</summary>
    private const long MaxDeflateRatio = 1032;

    /// <summary>The size field of a seekable gzip stream's trailer (its last 4 bytes); the position is left where it was.</summary>
    private static uint TrailerSize(Stream stream)
    {
        long start = stream.Position;
        Span<byte> size = stackalloc byte[4];
        stream.Seek(-4, SeekOrigin.End);
        stream.ReadExactly(size);
        stream.Position = start;
        return BinaryPrimitives.ReadUInt32LittleEndian(size);
    }

    /// <param name="input">The IDX bytes.</param>
    /// <param name="name">The name messages give the file.</param>
    /// <param name="expectedMagics">The magic numbers it may start with.</param>
    /// <param name="checkHeader">Sees the header's sizes before any data is read, and may throw to refuse the file.</param>
    /// <param name="allWillArrive">
    /// Told the file's total length (header and data), says whether the source vouches that it holds that many bytes;
    /// then the data array is made at its full size at once, else it grows with what arrives.
    /// </param>
    private static IdxFile ReadIdx(Stream input, string name, int[] expectedMagics, Action<int[]>? checkHeader, Func<long, bool> allWillArrive)
    {
        string what = string.Join(" or ", Array.ConvertAll(expectedMagics, IdxFile.DescribeMagic));

        // Header: magic, then one big-endian int32 per dimension (its last byte says how many).
        Span<byte> header = stackalloc byte[4 * (1 + MaxDimensions)];
        int got = input.ReadAtLeast(header[..4], 4, throwOnEndOfStream: false);
        if (got < 4)
            throw new DatasetFormatException(name, $"expected magic {what}, but the file ends after {got} bytes", null);
        int magic = BinaryPrimitives.ReadInt32BigEndian(header);
        if (Array.IndexOf(expectedMagics, magic) < 0)
            throw new DatasetFormatException(name, WrongMagic(magic, expectedMagics, what), null);
        int valueSize = (magic >> 8 & 0xff) == IdxFile.FloatType ? sizeof(float) : 1;
        int dimensionCount = magic & 0xff;
        int headerLength = 4 * (1 + dimensionCount);
        header = header[..headerLength];
        got += input.ReadAtLeast(header[4..], headerLength - 4, throwOnEndOfStream: false);
        if (got < headerLength)
            throw new DatasetFormatException(name,
                $"expected a {headerLength}-byte header ({dimensionCount} sizes after the magic), but the file ends after {got} bytes", null);

        int[] dimensions = new int[dimensionCount];
        for (int d = 0; d < dimensionCount; d++)
            dimensions[d] = BinaryPrimitives.ReadInt32BigEndian(header[(4 + 4 * d)..]);
        if (dimensions[0] < 0)
            throw new DatasetFormatException(name, $"expected a count of 0 or more in the header, found {dimensions[0]}", null);
        long length = dimensions[0];
        for (int d = 1; d < dimensionCount; d++)
        {
            if (dimensions[d] < 1)
                throw new DatasetFormatException(name,
                    $"expected positive sizes in the header, found {string.Join("x", dimensions[1..])} after the count", null);
            length *= dimensions[d]; // at most (2^31)^2 before the check below: no overflow
            if (length > Array.MaxLength / valueSize)
                throw new DatasetFormatException(name,
                    $"the header says {Describe(dimensions)}, more bytes than an array holds ({Array.MaxLength})", null);
        }

        checkHeader?.Invoke(dimensions);

        bool all = allWillArrive(headerLength + length * valueSize);
        if (valueSize == 1)
            return new IdxFile(name, magic, dimensions, ReadData<byte>(input, name, magic, dimensions, headerLength, length, all));
        float[] values = ReadData<float>(input, name, magic, dimensions, headerLength, length, all);
        // Big-endian in the file: on a little-endian machine each value's bytes are reversed where they lie.
        if (BitConverter.IsLittleEndian)
        {
            Span<int> words = MemoryMarshal.Cast<float, int>(values.AsSpan());
            BinaryPrimitives.ReverseEndianness(words, words);
        }
        return new IdxFile(name, magic, dimensions, values);
    }

    /// <summary>
    /// The <paramref name="count"/> values after the header, as they lie in the file, and a check that nothing follows
    /// them: into an array made once at its full size when <paramref name="allWillArrive"/> (the source vouches for its
    /// length), else one that grows with what actually arrives (doubling, up to the header's size), so a corrupt or
    /// hostile header cannot make a 16-byte file allocate gigabytes before it is found short.
    /// </summary>
    private static T[] ReadData<T>(Stream input, string name, int magic, int[] dimensions, int headerLength, long count, bool allWillArrive)
        where T : unmanaged
    {
        int valueSize = Unsafe.SizeOf<T>();
        T[] data = new T[allWillArrive ? count : Math.Min(count, (1 << 20) / valueSize)];
        int read = 0; // bytes; the header's check keeps count x valueSize within an array
        while (true)
        {
            Span<byte> bytes = MemoryMarshal.AsBytes(data.AsSpan());
            read += input.ReadAtLeast(bytes[read..], bytes.Length - read, throwOnEndOfStream: false);
            if (read < bytes.Length || data.Length == count) break;
            Array.Resize(ref data, (int)Math.Min(count, 2L * data.Length));
        }
        long length = count * valueSize;
        if (read < length)
        {
            long itemLength = length / dimensions[0];
            long items = read / itemLength, extra = read % itemLength;
            throw new DatasetFormatException(name,
                $"the header says {Describe(dimensions)} but the file ends after {Items(items, magic)}" +
                (extra > 0 ? $" and {extra} bytes" : ""), null);
        }
        Span<byte> probe = stackalloc byte[1];
        if (input.Read(probe) > 0)
            throw new DatasetFormatException(name,
                $"the header says {Describe(dimensions)} ({headerLength + length} bytes in all), but the file goes on after them", null);
        return data;
    }

    /// <summary>
    /// Why <paramref name="magic"/> is refused: an IDX file of a data type this reader does not keep (for this kind of
    /// file) is named as such, with the types it does keep; anything else is a wrong magic.
    /// </summary>
    private static string WrongMagic(int magic, int[] expectedMagics, string what)
    {
        int type = magic >> 8 & 0xff;
        string? typeName = IdxFile.DescribeType(type);
        // Another kind of file LeNetGen reads (images for labels), a dimension count the type does not go with, or no IDX file.
        if (IdxFile.IsKnownMagic(magic) || (magic >> 16) != 0 || typeName is null || Array.Exists(expectedMagics, m => (m >> 8 & 0xff) == type))
            return $"expected magic {what}, found {IdxFile.DescribeMagic(magic)}";
        bool images = Array.IndexOf(expectedMagics, IdxFile.ImagesMagic) >= 0;
        return $"the file holds IDX data type 0x{type:X2} ({typeName}; magic {IdxFile.DescribeMagic(magic)}), which LeNetGen does not read: " +
            (images ? "image files must hold unsigned bytes (0x08) or float32 values (0x0D)" : "label files must hold unsigned bytes (0x08)") +
            $", magic {what}";
    }

    /// <summary>"1 image", "1234 images", "0 labels".</summary>
    private static string Items(long count, int magic) =>
        $"{count} {(magic == IdxFile.LabelsMagic ? "label" : "image")}{(count == 1 ? "" : "s")}";

    /// <summary>"60000 images of 28x28", "50000 images of 3x32x32" or "60000 labels", as the header says.</summary>
    private static string Describe(int[] dimensions) => dimensions.Length switch
    {
        1 => $"{dimensions[0]} labels",
        3 => $"{dimensions[0]} images of {dimensions[1]}x{dimensions[2]}",
        4 => $"{dimensions[0]} images of {dimensions[1]}x{dimensions[2]}x{dimensions[3]}",
        _ => string.Join("x", dimensions),
    };
}
