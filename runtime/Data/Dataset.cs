using System;

namespace LeNetGen;

/// <summary>
/// Labelled images of <see cref="Channels"/> x <see cref="Rows"/> x <see cref="Columns"/>, kept as the source gave
/// them: bytes (an IDX file's, or the caller's own) or floats (the caller's own, e.g. already normalized). MNIST's 60,000
/// training images are 47 MB as bytes, where padded to 32x32 as floats they would be 245 MB. <see cref="BatchConverter{T}"/>
/// turns a batch at a time into network input. Each image's channels lie one after the other (planar), each row by
/// row, as a network's input maps do.
/// </summary>
public sealed class Dataset
{
    private readonly byte[]? pixels;
    private readonly float[]? values;
    private readonly byte[] labels;

    /// <summary>
    /// Creates a dataset of one-channel byte images over <paramref name="pixels"/> and <paramref name="labels"/>, which it
    /// keeps without copying: do not change them afterwards. A dataset holds at least one image: there is nothing to
    /// train on or evaluate in an empty one.
    /// </summary>
    /// <param name="name">What the set is, for messages and reports, e.g. "MNIST train".</param>
    /// <param name="rows">The height of each image.</param>
    /// <param name="columns">The width of each image.</param>
    /// <param name="classCount">The number of classes; every label is below it.</param>
    /// <param name="pixels">The images, one after the other, row by row, one byte per pixel (0 background).</param>
    /// <param name="labels">One label per image.</param>
    public Dataset(string name, int rows, int columns, int classCount, byte[] pixels, byte[] labels)
        : this(name, 1, rows, columns, classCount, pixels, labels)
    {
    }

    /// <summary>
    /// Creates a dataset of byte images of <paramref name="channels"/> x <paramref name="rows"/> x
    /// <paramref name="columns"/> over <paramref name="pixels"/> and <paramref name="labels"/>, which it keeps without
    /// copying: do not change them afterwards.
    /// </summary>
    /// <param name="name">What the set is, for messages and reports, e.g. "my photos train".</param>
    /// <param name="channels">The channels of each image: 1 for grayscale, 3 for colour.</param>
    /// <param name="rows">The height of each image.</param>
    /// <param name="columns">The width of each image.</param>
    /// <param name="classCount">The number of classes; every label is below it.</param>
    /// <param name="pixels">The images, one after the other; each its channels one after the other, each row by row; one byte per pixel.</param>
    /// <param name="labels">One label per image.</param>
    public Dataset(string name, int channels, int rows, int columns, int classCount, byte[] pixels, byte[] labels)
        : this(name, channels, rows, columns, classCount, labels, Check(pixels, nameof(pixels)).LongLength, nameof(pixels))
    {
        this.pixels = pixels;
    }

    private Dataset(string name, int channels, int rows, int columns, int classCount, float[] values, byte[] labels)
        : this(name, channels, rows, columns, classCount, labels, Check(values, nameof(values)).LongLength, nameof(values))
    {
        this.values = values;
    }

    private Dataset(string name, int channels, int rows, int columns, int classCount, byte[] labels, long imageValues, string imagesParameter)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentOutOfRangeException.ThrowIfLessThan(channels, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(rows, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(columns, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(classCount, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(classCount, 256);
        if (labels.Length == 0)
            throw new ArgumentException($"{name} holds no images: a dataset needs at least one.", nameof(labels));
        long expected = (long)labels.Length * channels * rows * columns;
        if (expected != imageValues)
            throw new ArgumentException(
                $"Expected {labels.Length} x {(channels == 1 ? "" : $"{channels}x")}{rows}x{columns} = {expected} pixels (one image per label); got {imageValues}.",
                imagesParameter);
        if ((long)channels * rows * columns > Array.MaxLength)
            throw new ArgumentException($"{name}'s images of {channels}x{rows}x{columns} are larger than an array holds.", nameof(rows));
        int bad = labels.AsSpan().IndexOfAnyExceptInRange((byte)0, (byte)(classCount - 1));
        if (bad >= 0)
            throw new ArgumentException(
                $"Label {labels[bad]} at index {bad} is outside the {classCount} classes (expected 0 to {classCount - 1}).", nameof(labels));
        Name = name;
        Channels = channels;
        Rows = rows;
        Columns = columns;
        ClassCount = classCount;
        this.labels = labels;
    }

    private static TArray Check<TArray>(TArray array, string name) where TArray : class
    {
        ArgumentNullException.ThrowIfNull(array, name);
        return array;
    }

    /// <summary>
    /// Creates a dataset of float images of <paramref name="channels"/> x <paramref name="rows"/> x
    /// <paramref name="columns"/> over <paramref name="values"/> and <paramref name="labels"/>, which it keeps without
    /// copying: do not change them afterwards. The values reach the network through the converter's normalization as
    /// bytes do (<c>Scale x value + Offset</c>); <see cref="ImageNormalization.AsIs"/> takes them as they are.
    /// </summary>
    /// <param name="name">What the set is, for messages and reports.</param>
    /// <param name="channels">The channels of each image: 1 for grayscale, 3 for colour.</param>
    /// <param name="rows">The height of each image.</param>
    /// <param name="columns">The width of each image.</param>
    /// <param name="classCount">The number of classes; every label is below it.</param>
    /// <param name="values">The images, one after the other; each its channels one after the other, each row by row; finite.</param>
    /// <param name="labels">One label per image.</param>
    public static Dataset FromFloats(string name, int channels, int rows, int columns, int classCount, float[] values, byte[] labels)
    {
        var set = new Dataset(name, channels, rows, columns, classCount, values, labels);
        for (int i = 0; i < values.Length; i++)
            if (!float.IsFinite(values[i]))
                throw new ArgumentException(
                    $"{name}: value {values[i]} of image {i / set.ImageSize} (at {i % set.ImageSize} in it) is not finite.", nameof(values));
        return set;
    }

    /// <summary>
    /// Pairs an image file with its label file, which must hold as many items; the bytes (or a float file's values) are
    /// taken over without a copy.
    /// </summary>
    /// <param name="name">What the set is, e.g. "MNIST train".</param>
    /// <param name="images">
    /// An image file from <see cref="IdxReader.ReadImages(string)"/>, three-dimensional (one channel) or four (channels),
    /// of bytes or of float32 values (then the dataset <see cref="HoldsFloats"/>).
    /// </param>
    /// <param name="labels">A label file from <see cref="IdxReader.ReadLabels(string, int)"/>, checked against <paramref name="classCount"/>.</param>
    /// <param name="classCount">The number of classes.</param>
    /// <exception cref="DatasetFormatException">The two files disagree on the count, or hold no images.</exception>
    public static Dataset FromIdx(string name, IdxFile images, IdxFile labels, int classCount)
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(labels);
        if (!images.HoldsImages)
            throw new ArgumentException($"{images.Name} is not an image file.", nameof(images));
        if (labels.Magic != IdxFile.LabelsMagic)
            throw new ArgumentException($"{labels.Name} is not a label file.", nameof(labels));
        if (images.Count != labels.Count) throw Disagree(name, images.Name, images.Count, labels.Name, labels.Count);
        if (images.Count == 0) throw Empty(name, images.Name);
        ReadOnlySpan<int> size = images.Dimensions;
        byte[] labelBytes = labels.DataArray!;
        // The reader has checked that a float file's values are finite, as FromFloats requires.
        return images.ValuesArray is float[] values
            ? new Dataset(name, images.Channels, size[^2], size[^1], classCount, values, labelBytes)
            : new Dataset(name, images.Channels, size[^2], size[^1], classCount, images.DataArray!, labelBytes);
    }

    /// <summary>
    /// Reads a dataset from an IDX image file and its label file (each raw or gzip). The labels are read first and the image
    /// file's count is compared with theirs from its header, before any pixel is read.
    /// </summary>
    /// <param name="name">What the set is, e.g. "MNIST train".</param>
    /// <param name="imagesPath">
    /// The image file: magic 0x00000803 (bytes), 0x00000804 (bytes, images with channels), 0x00000D03 (float32) or
    /// 0x00000D04 (float32, images with channels).
    /// </param>
    /// <param name="labelsPath">The label file (magic 0x00000801).</param>
    /// <param name="classCount">The number of classes.</param>
    /// <exception cref="DatasetFormatException">Either file is malformed, they disagree, or they hold no images.</exception>
    public static Dataset Load(string name, string imagesPath, string labelsPath, int classCount)
    {
        // Labels first: they are small, and a bad label file is found before 47 MB of pixels are read.
        IdxFile labels = IdxReader.ReadLabels(labelsPath, classCount);
        IdxFile images = IdxReader.ReadImages(imagesPath, dimensions =>
        {
            if (dimensions[0] != labels.Count) throw Disagree(name, imagesPath, dimensions[0], labels.Name, labels.Count);
            if (dimensions[0] == 0) throw Empty(name, imagesPath);
        });
        return FromIdx(name, images, labels, classCount);
    }

    private static DatasetFormatException Empty(string name, string imagesName) =>
        new(imagesName, $"{name} holds no images (the header's count is 0): there is nothing to train on or evaluate", null);

    private static DatasetFormatException Disagree(string name, string imagesName, int images, string labelsName, int labels) =>
        new($"{name} images ({images}) and labels ({labels}) disagree: {imagesName} has {images} images, {labelsName} has {labels} labels");

    /// <summary>What the set is, e.g. "MNIST train".</summary>
    public string Name { get; }

    /// <summary>The number of images (and labels).</summary>
    public int Count => labels.Length;

    /// <summary>The channels of each image: 1 for grayscale, 3 for colour.</summary>
    public int Channels { get; }

    /// <summary>The height of each image.</summary>
    public int Rows { get; }

    /// <summary>The width of each image.</summary>
    public int Columns { get; }

    /// <summary>The number of values in one image: <see cref="Channels"/> x <see cref="Rows"/> x <see cref="Columns"/>.</summary>
    public int ImageSize => Channels * Rows * Columns;

    /// <summary>The shape of one image, "1x28x28" or "3x32x32" (channels, rows, columns), as messages give it.</summary>
    public string Shape => $"{Channels}x{Rows}x{Columns}";

    /// <summary>Whether the images are floats (<see cref="Values"/>) rather than bytes (<see cref="Pixels"/>).</summary>
    public bool HoldsFloats => values is not null;

    /// <summary>The number of classes; every label is below it.</summary>
    public int ClassCount { get; }

    /// <summary>All images, one after the other, channel by channel, row by row, one byte per pixel (0 background, 255 full ink).</summary>
    /// <exception cref="InvalidOperationException">The images are floats (<see cref="HoldsFloats"/>).</exception>
    public ReadOnlySpan<byte> Pixels => pixels ?? throw new InvalidOperationException($"{Name} holds float images, not bytes: read them with Values.");

    /// <summary>All images, one after the other, channel by channel, row by row, one float per value.</summary>
    /// <exception cref="InvalidOperationException">The images are bytes (not <see cref="HoldsFloats"/>).</exception>
    public ReadOnlySpan<float> Values => values ?? throw new InvalidOperationException($"{Name} holds byte images, not floats: read them with Pixels.");

    /// <summary>All labels, one byte per image.</summary>
    public ReadOnlySpan<byte> Labels => labels;

    /// <summary>The pixels of image <paramref name="index"/>, channel by channel, row by row.</summary>
    /// <param name="index">The image, from 0 to <see cref="Count"/> - 1.</param>
    /// <exception cref="InvalidOperationException">The images are floats (<see cref="HoldsFloats"/>).</exception>
    public ReadOnlySpan<byte> Image(int index)
    {
        CheckIndex(index);
        if (pixels is null) throw new InvalidOperationException($"{Name} holds float images, not bytes: read them with ImageValues.");
        return pixels.AsSpan(index * ImageSize, ImageSize);
    }

    /// <summary>The values of float image <paramref name="index"/>, channel by channel, row by row.</summary>
    /// <param name="index">The image, from 0 to <see cref="Count"/> - 1.</param>
    /// <exception cref="InvalidOperationException">The images are bytes (not <see cref="HoldsFloats"/>).</exception>
    public ReadOnlySpan<float> ImageValues(int index)
    {
        CheckIndex(index);
        if (values is null) throw new InvalidOperationException($"{Name} holds byte images, not floats: read them with Image.");
        return values.AsSpan(index * ImageSize, ImageSize);
    }

    /// <summary>The label of image <paramref name="index"/>.</summary>
    /// <param name="index">The image, from 0 to <see cref="Count"/> - 1.</param>
    public int Label(int index)
    {
        CheckIndex(index);
        return labels[index];
    }

    /// <summary>The first <paramref name="count"/> images and labels, as a dataset of their own (e.g. for a quick run).</summary>
    /// <param name="count">How many, from 1 to <see cref="Count"/>.</param>
    public Dataset First(int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, Count);
        return values is null
            ? new Dataset(Name, Channels, Rows, Columns, ClassCount, pixels![..(count * ImageSize)], labels[..count])
            : new Dataset(Name, Channels, Rows, Columns, ClassCount, values[..(count * ImageSize)], labels[..count]);
    }

    /// <summary>How many images each class has, indexed by label.</summary>
    public int[] CountPerClass()
    {
        var counts = new int[ClassCount];
        foreach (byte label in labels) counts[label]++;
        return counts;
    }

    /// <inheritdoc/>
    public override string ToString() =>
        $"{Name}: {Count} {(HoldsFloats ? "float " : "")}images of {(Channels == 1 ? "" : $"{Channels}x")}{Rows}x{Columns}, {ClassCount} classes";

    internal void CheckIndex(int index)
    {
        if ((uint)index >= (uint)labels.Length)
            throw new ArgumentOutOfRangeException(nameof(index), index, $"{Name} has {Count} images (0 to {Count - 1}).");
    }
}
