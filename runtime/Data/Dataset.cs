using System;

namespace LeNetGen;

/// <summary>
/// Labelled grayscale images kept as bytes, as the files hold them: MNIST's 60,000 training images are 47 MB here,
/// where padded to 32x32 as floats they would be 245 MB. <see cref="BatchConverter{T}"/> turns a batch at a time into
/// network input.
/// </summary>
public sealed class Dataset
{
    private readonly byte[] pixels;
    private readonly byte[] labels;

    /// <summary>
    /// Creates a dataset over <paramref name="pixels"/> and <paramref name="labels"/>, which it keeps without copying:
    /// do not change them afterwards. A dataset holds at least one image: there is nothing to train on or evaluate in
    /// an empty one.
    /// </summary>
    /// <param name="name">What the set is, for messages and reports, e.g. "MNIST train".</param>
    /// <param name="rows">The height of each image.</param>
    /// <param name="columns">The width of each image.</param>
    /// <param name="classCount">The number of classes; every label is below it.</param>
    /// <param name="pixels">The images, one after the other, row by row, one byte per pixel (0 background).</param>
    /// <param name="labels">One label per image.</param>
    public Dataset(string name, int rows, int columns, int classCount, byte[] pixels, byte[] labels)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(pixels);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentOutOfRangeException.ThrowIfLessThan(rows, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(columns, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(classCount, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(classCount, 256);
        if (labels.Length == 0)
            throw new ArgumentException($"{name} holds no images: a dataset needs at least one.", nameof(labels));
        if ((long)labels.Length * rows * columns != pixels.Length)
            throw new ArgumentException(
                $"Expected {labels.Length} x {rows}x{columns} = {(long)labels.Length * rows * columns} pixels (one image per label); got {pixels.Length}.",
                nameof(pixels));
        int bad = labels.AsSpan().IndexOfAnyExceptInRange((byte)0, (byte)(classCount - 1));
        if (bad >= 0)
            throw new ArgumentException(
                $"Label {labels[bad]} at index {bad} is outside the {classCount} classes (expected 0 to {classCount - 1}).", nameof(labels));
        Name = name;
        Rows = rows;
        Columns = columns;
        ClassCount = classCount;
        this.pixels = pixels;
        this.labels = labels;
    }

    /// <summary>
    /// Pairs an image file with its label file, which must hold as many items; the bytes are taken over without a copy.
    /// </summary>
    /// <param name="name">What the set is, e.g. "MNIST train".</param>
    /// <param name="images">An image file from <see cref="IdxReader.ReadImages(string)"/>.</param>
    /// <param name="labels">A label file from <see cref="IdxReader.ReadLabels(string, int)"/>, checked against <paramref name="classCount"/>.</param>
    /// <param name="classCount">The number of classes.</param>
    /// <exception cref="DatasetFormatException">The two files disagree on the count, or hold no images.</exception>
    public static Dataset FromIdx(string name, IdxFile images, IdxFile labels, int classCount)
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(labels);
        if (images.Magic != IdxFile.ImagesMagic)
            throw new ArgumentException($"{images.Name} is not an image file.", nameof(images));
        if (labels.Magic != IdxFile.LabelsMagic)
            throw new ArgumentException($"{labels.Name} is not a label file.", nameof(labels));
        if (images.Count != labels.Count) throw Disagree(name, images.Name, images.Count, labels.Name, labels.Count);
        if (images.Count == 0) throw Empty(name, images.Name);
        return new Dataset(name, images.Dimensions[1], images.Dimensions[2], classCount, images.DataArray, labels.DataArray);
    }

    /// <summary>
    /// Reads a dataset from an IDX image file and its label file (each raw or gzip). The labels are read first and the image
    /// file's count is compared with theirs from its header, before any pixel is read.
    /// </summary>
    /// <param name="name">What the set is, e.g. "MNIST train".</param>
    /// <param name="imagesPath">The image file (magic 0x00000803).</param>
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

    /// <summary>The height of each image.</summary>
    public int Rows { get; }

    /// <summary>The width of each image.</summary>
    public int Columns { get; }

    /// <summary>The number of pixels in one image: <see cref="Rows"/> x <see cref="Columns"/>.</summary>
    public int ImageSize => Rows * Columns;

    /// <summary>The number of classes; every label is below it.</summary>
    public int ClassCount { get; }

    /// <summary>All images, one after the other, row by row, one byte per pixel (0 background, 255 full ink).</summary>
    public ReadOnlySpan<byte> Pixels => pixels;

    /// <summary>All labels, one byte per image.</summary>
    public ReadOnlySpan<byte> Labels => labels;

    /// <summary>The pixels of image <paramref name="index"/>, row by row.</summary>
    /// <param name="index">The image, from 0 to <see cref="Count"/> - 1.</param>
    public ReadOnlySpan<byte> Image(int index)
    {
        CheckIndex(index);
        return pixels.AsSpan(index * ImageSize, ImageSize);
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
        return new Dataset(Name, Rows, Columns, ClassCount, Pixels[..(count * ImageSize)].ToArray(), Labels[..count].ToArray());
    }

    /// <summary>How many images each class has, indexed by label.</summary>
    public int[] CountPerClass()
    {
        var counts = new int[ClassCount];
        foreach (byte label in labels) counts[label]++;
        return counts;
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Name}: {Count} images of {Rows}x{Columns}, {ClassCount} classes";

    internal void CheckIndex(int index)
    {
        if ((uint)index >= (uint)labels.Length)
            throw new ArgumentOutOfRangeException(nameof(index), index, $"{Name} has {Count} images (0 to {Count - 1}).");
    }
}
