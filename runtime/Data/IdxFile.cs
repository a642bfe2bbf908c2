using System;

namespace LeNetGen;

/// <summary>
/// One IDX file as read by <see cref="IdxReader"/>: its name, magic number, dimensions and unsigned-byte data, kept as
/// bytes: labels (count), grayscale images (count, rows, columns) or images of several channels (count, channels, rows,
/// columns). IDX (LeCun's MNIST format) is big-endian: a 32-bit magic <c>0x0000TTDD</c> (data type TT, 0x08 for unsigned
/// byte, and DD dimensions), DD 32-bit sizes, then the data, last dimension fastest.
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

    private readonly int[] dimensions;
    private readonly byte[] data;

    internal IdxFile(string name, int magic, int[] dimensions, byte[] data)
    {
        Name = name;
        Magic = magic;
        this.dimensions = dimensions;
        this.data = data;
    }

    /// <summary>The file's path, or the name given for a stream; error messages start with it.</summary>
    public string Name { get; }

    /// <summary>The magic number, <see cref="LabelsMagic"/>, <see cref="ImagesMagic"/> or <see cref="ChannelImagesMagic"/>.</summary>
    public int Magic { get; }

    /// <summary>
    /// The sizes from the header, outermost first: (count) for labels, (count, rows, columns) for grayscale images,
    /// (count, channels, rows, columns) for images with channels.
    /// </summary>
    public ReadOnlySpan<int> Dimensions => dimensions;

    /// <summary>The number of items (labels or images): the first dimension.</summary>
    public int Count => dimensions[0];

    /// <summary>The data after the header, last dimension fastest: one byte per label or pixel.</summary>
    public ReadOnlySpan<byte> Data => data;

    /// <summary>The data array itself, handed to a <see cref="Dataset"/> without a copy.</summary>
    internal byte[] DataArray => data;

    /// <summary>Whether this is an image file, of either kind.</summary>
    public bool HoldsImages => Magic is ImagesMagic or ChannelImagesMagic;

    /// <summary>The channels of each image: 1 for a three-dimensional image file, the second size for a four-dimensional one.</summary>
    public int Channels => Magic == ChannelImagesMagic ? dimensions[1] : 1;

    /// <summary>Describes a magic number for messages: "0x00000803 (images)".</summary>
    internal static string DescribeMagic(int magic) => magic switch
    {
        LabelsMagic => "0x00000801 (labels)",
        ImagesMagic => "0x00000803 (images)",
        ChannelImagesMagic => "0x00000804 (images with channels)",
        _ => $"0x{magic:X8}",
    };
}
