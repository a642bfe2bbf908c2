using System;

namespace LeNetGen;

/// <summary>
/// One IDX file as read by <see cref="IdxReader"/>: its name, magic number, dimensions and data: labels (count), grayscale
/// images (count, rows, columns) or images of several channels (count, channels, rows, columns), as unsigned bytes or,
/// for images, as 32-bit floats. IDX (LeCun's MNIST format) is big-endian: a 32-bit magic <c>0x0000TTDD</c> (data type
/// TT: 0x08 unsigned byte, 0x09 signed byte, 0x0B int16, 0x0C int32, 0x0D float32, 0x0E float64; and DD dimensions), DD
/// 32-bit sizes, then the data, last dimension fastest. This reader keeps unsigned bytes (0x08) and, for images, float32
/// (0x0D); a file of another type is refused by name.
/// </summary>
public sealed class IdxFile
{
    /// <summary>The magic number of a label file: unsigned bytes, one dimension (count).</summary>
    public const int LabelsMagic = 0x00000801;

    /// <summary>The magic number of an image file: unsigned bytes, three dimensions (count, rows, columns).</summary>
    public const int ImagesMagic = 0x00000803;

    /// <summary>
    /// The magic number of an image file with channels: unsigned bytes, four dimensions (count, channels, rows, columns),
    /// each image's channels one after the other (planar, as a network's input maps are), each row by row.
    /// </summary>
    public const int ChannelImagesMagic = 0x00000804;

    /// <summary>The magic number of a float image file: big-endian float32 values, three dimensions (count, rows, columns).</summary>
    public const int FloatImagesMagic = 0x00000D03;

    /// <summary>
    /// The magic number of a float image file with channels: big-endian float32 values, four dimensions (count, channels,
    /// rows, columns), laid out as <see cref="ChannelImagesMagic"/>'s bytes are.
    /// </summary>
    public const int FloatChannelImagesMagic = 0x00000D04;

    /// <summary>The IDX type byte of unsigned bytes.</summary>
    internal const int UnsignedByteType = 0x08;

    /// <summary>The IDX type byte of big-endian float32 values.</summary>
    internal const int FloatType = 0x0D;

    private readonly int[] dimensions;
    private readonly byte[]? data;
    private readonly float[]? values;

    internal IdxFile(string name, int magic, int[] dimensions, byte[] data)
        : this(name, magic, dimensions)
    {
        this.data = data;
    }

    internal IdxFile(string name, int magic, int[] dimensions, float[] values)
        : this(name, magic, dimensions)
    {
        this.values = values;
    }

    private IdxFile(string name, int magic, int[] dimensions)
    {
        Name = name;
        Magic = magic;
        this.dimensions = dimensions;
    }

    /// <summary>The file's path, or the name given for a stream; error messages start with it.</summary>
    public string Name { get; }

    /// <summary>
    /// The magic number: <see cref="LabelsMagic"/>, <see cref="ImagesMagic"/>, <see cref="ChannelImagesMagic"/>,
    /// <see cref="FloatImagesMagic"/> or <see cref="FloatChannelImagesMagic"/>.
    /// </summary>
    public int Magic { get; }

    /// <summary>
    /// The sizes from the header, outermost first: (count) for labels, (count, rows, columns) for grayscale images,
    /// (count, channels, rows, columns) for images with channels.
    /// </summary>
    public ReadOnlySpan<int> Dimensions => dimensions;

    /// <summary>The number of items (labels or images): the first dimension.</summary>
    public int Count => dimensions[0];

    /// <summary>Whether the data are float32 values (<see cref="Values"/>) rather than unsigned bytes (<see cref="Data"/>).</summary>
    public bool HoldsFloats => values is not null;

    /// <summary>The data after the header, last dimension fastest: one byte per label or pixel.</summary>
    /// <exception cref="InvalidOperationException">The file holds float32 values (<see cref="HoldsFloats"/>).</exception>
    public ReadOnlySpan<byte> Data => data ?? throw new InvalidOperationException($"{Name} holds float32 values, not bytes: read them with Values.");

    /// <summary>The data after the header of a float file, last dimension fastest, in this machine's byte order; every value finite.</summary>
    /// <exception cref="InvalidOperationException">The file holds unsigned bytes (not <see cref="HoldsFloats"/>).</exception>
    public ReadOnlySpan<float> Values => values ?? throw new InvalidOperationException($"{Name} holds unsigned bytes, not floats: read them with Data.");

    /// <summary>The byte array itself, handed to a <see cref="Dataset"/> without a copy.</summary>
    internal byte[]? DataArray => data;

    /// <summary>The float array itself, handed to a <see cref="Dataset"/> without a copy.</summary>
    internal float[]? ValuesArray => values;

    /// <summary>The length of the data after the header in the file, in bytes.</summary>
    internal long DataBytes => data?.LongLength ?? 4L * values!.LongLength;

    /// <summary>Whether this is an image file, of any of the four kinds.</summary>
    public bool HoldsImages => Magic is ImagesMagic or ChannelImagesMagic or FloatImagesMagic or FloatChannelImagesMagic;

    /// <summary>The channels of each image: 1 for a three-dimensional image file, the second size for a four-dimensional one.</summary>
    public int Channels => Magic is ChannelImagesMagic or FloatChannelImagesMagic ? dimensions[1] : 1;

    /// <summary>Whether <paramref name="magic"/> is that of a kind of file this reader reads (labels, or images of either type).</summary>
    internal static bool IsKnownMagic(int magic) =>
        magic is LabelsMagic or ImagesMagic or ChannelImagesMagic or FloatImagesMagic or FloatChannelImagesMagic;

    /// <summary>Describes a magic number for messages: "0x00000803 (images)".</summary>
    internal static string DescribeMagic(int magic) => magic switch
    {
        LabelsMagic => "0x00000801 (labels)",
        ImagesMagic => "0x00000803 (images)",
        ChannelImagesMagic => "0x00000804 (images with channels)",
        FloatImagesMagic => "0x00000D03 (float images)",
        FloatChannelImagesMagic => "0x00000D04 (float images with channels)",
        _ => $"0x{magic:X8}",
    };

    /// <summary>
    /// The name of an IDX data type byte and the size of one value, for messages ("float64, 8 bytes a value"); null for a
    /// byte that is no IDX type.
    /// </summary>
    internal static string? DescribeType(int type) => type switch
    {
        UnsignedByteType => "unsigned byte, 1 byte a value",
        0x09 => "signed byte, 1 byte a value",
        0x0B => "int16, 2 bytes a value",
        0x0C => "int32, 4 bytes a value",
        FloatType => "float32, 4 bytes a value",
        0x0E => "float64, 8 bytes a value",
        _ => null,
    };
}
