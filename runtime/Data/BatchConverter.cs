using System;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.CompilerServices;

namespace LeNetGen;

/// <summary>
/// Turns a <see cref="Dataset"/>'s images into network input, a batch at a time: each channel of each image normalized
/// and padded to <see cref="InputRows"/> x <see cref="InputColumns"/> with the image centered, as the paper puts MNIST's
/// 28x28 digits in a 32x32 field. For byte images a 256-entry table made once maps bytes to values; float images go
/// through the same affine map value by value. Converting allocates nothing; the converter only reads after
/// construction, so several threads may fill batches at once. <see cref="For{TNetwork}"/> makes one that fits a network's
/// input, after checking the dataset's images against it.
/// </summary>
/// <typeparam name="T">The network's element type, float or double.</typeparam>
public sealed class BatchConverter<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly T[] values = new T[256];
    private readonly T scale, offset; // for float images
    private readonly string inputDescription; // made once: LengthGuard's argument must not allocate per call

    /// <summary>Prepares the conversion of <paramref name="dataset"/>'s images.</summary>
    /// <param name="dataset">The images and labels.</param>
    /// <param name="normalization">How a pixel byte (or float value) becomes a value, e.g. <see cref="ImageNormalization.Paper"/>.</param>
    /// <param name="inputRows">The height of the network's input, at least the images'; 32 for LeNet-5.</param>
    /// <param name="inputColumns">The width of the network's input, at least the images'; 32 for LeNet-5.</param>
    public BatchConverter(Dataset dataset, ImageNormalization normalization, int inputRows = 32, int inputColumns = 32)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(normalization);
        ArgumentOutOfRangeException.ThrowIfLessThan(inputRows, dataset.Rows);
        ArgumentOutOfRangeException.ThrowIfLessThan(inputColumns, dataset.Columns);
        Dataset = dataset;
        Normalization = normalization;
        InputRows = inputRows;
        InputColumns = inputColumns;
        // Centered; an odd margin puts the extra row (column) at the bottom (right).
        PadTop = (inputRows - dataset.Rows) / 2;
        PadLeft = (inputColumns - dataset.Columns) / 2;
        inputDescription = $"input ({InputShape})";
        for (int p = 0; p < 256; p++) values[p] = T.CreateChecked(normalization.Apply((byte)p));
        scale = T.CreateChecked(normalization.Scale);
        offset = T.CreateChecked(normalization.Offset);
    }

    /// <summary>
    /// A converter of <paramref name="dataset"/>'s images to <typeparamref name="TNetwork"/>'s input: the same channels,
    /// each padded (centered) to the network's height and width, as MNIST's 28x28 digits become LeNet-5's 32x32 input.
    /// </summary>
    /// <typeparam name="TNetwork">The generated network the images are for.</typeparam>
    /// <param name="dataset">The images and labels.</param>
    /// <param name="normalization">How a pixel byte (or float value) becomes a value.</param>
    /// <exception cref="ArgumentException">
    /// The images do not fit the network's input: another number of channels, or taller or wider than it. The message
    /// names the network's input shape and the dataset's image shape.
    /// </exception>
    public static BatchConverter<T> For<TNetwork>(Dataset dataset, ImageNormalization normalization)
        where TNetwork : INetwork<TNetwork, T>
    {
        ArgumentNullException.ThrowIfNull(dataset);
        if (dataset.Channels != TNetwork.InputMaps || dataset.Rows > TNetwork.InputHeight || dataset.Columns > TNetwork.InputWidth)
            throw new ArgumentException(NetworkInput.Mismatch<TNetwork, T>(dataset, null), nameof(dataset));
        return new BatchConverter<T>(dataset, normalization, TNetwork.InputHeight, TNetwork.InputWidth);
    }

    /// <summary>The images converted.</summary>
    public Dataset Dataset { get; }

    /// <summary>How pixel bytes become values.</summary>
    public ImageNormalization Normalization { get; }

    /// <summary>The channels of one converted image: the dataset's.</summary>
    public int InputChannels => Dataset.Channels;

    /// <summary>The height of one converted image.</summary>
    public int InputRows { get; }

    /// <summary>The width of one converted image.</summary>
    public int InputColumns { get; }

    /// <summary>The shape of one converted image, e.g. "1x32x32" (channels, rows, columns).</summary>
    public string InputShape => $"{InputChannels}x{InputRows}x{InputColumns}";

    /// <summary>The rows of background above each image: 2 for 28 in 32.</summary>
    public int PadTop { get; }

    /// <summary>The columns of background left of each image: 2 for 28 in 32.</summary>
    public int PadLeft { get; }

    /// <summary>The values in one converted image: <see cref="InputChannels"/> x <see cref="InputRows"/> x <see cref="InputColumns"/>.</summary>
    public int InputSize => InputChannels * InputRows * InputColumns;

    /// <summary>Writes image <paramref name="index"/>, converted, into <paramref name="input"/>.</summary>
    /// <param name="index">The image in the dataset.</param>
    /// <param name="input">Exactly <see cref="InputSize"/> values.</param>
    public void FillImage(int index, Span<T> input)
    {
        LengthGuard.Require(input.Length, InputSize, inputDescription, nameof(input));
        Convert(index, input);
    }

    /// <summary>Writes the images at <paramref name="indices"/>, converted, one after the other into <paramref name="inputs"/>.</summary>
    /// <param name="indices">The images in the dataset, e.g. one minibatch of a <see cref="MinibatchOrder"/>.</param>
    /// <param name="inputs">Exactly <paramref name="indices"/>.Length x <see cref="InputSize"/> values.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void FillImages(ReadOnlySpan<int> indices, Span<T> inputs)
    {
        LengthGuard.RequireBatch(inputs.Length, InputSize, indices.Length, inputDescription, nameof(inputs));
        Touch(indices);
        for (int i = 0; i < indices.Length; i++)
            Convert(indices[i], inputs.Slice(i * InputSize, InputSize));
    }

    /// <summary>Writes the labels of the images at <paramref name="indices"/> into <paramref name="labels"/>.</summary>
    /// <param name="indices">The images in the dataset.</param>
    /// <param name="labels">Exactly <paramref name="indices"/>.Length values.</param>
    public void FillLabels(ReadOnlySpan<int> indices, Span<int> labels)
    {
        LengthGuard.Require(labels.Length, indices.Length, "one label per index", nameof(labels));
        for (int i = 0; i < indices.Length; i++)
            labels[i] = Dataset.Label(indices[i]);
    }

    // One read in every cache line of the images first. A shuffled minibatch's images lie anywhere in the dataset and
    // mostly come from memory: converted one after the other, each image waits for its own first lines; touched together
    // first, their misses overlap. The sum only keeps the reads from being dropped (per thread: the converter stays
    // shared between threads).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Touch(ReadOnlySpan<int> indices)
    {
        if (Dataset.HoldsFloats) return;
        int sum = 0;
        for (int i = 0; i < indices.Length; i++)
        {
            ReadOnlySpan<byte> image = Dataset.Image(indices[i]);
            for (int at = 0; at < image.Length; at += 64) sum += image[at];
            sum += image[^1]; // the last line, where the image does not start on a line's boundary
        }
        t_touched = sum;
    }

    [ThreadStatic] private static int t_touched;

    private void Convert(int index, Span<T> input)
    {
        int plane = Dataset.Rows * Dataset.Columns, inputPlane = InputRows * InputColumns;
        if (Dataset.HoldsFloats)
        {
            ReadOnlySpan<float> image = Dataset.ImageValues(index);
            for (int c = 0; c < InputChannels; c++)
                ConvertPlane(image.Slice(c * plane, plane), input.Slice(c * inputPlane, inputPlane));
        }
        else
        {
            ReadOnlySpan<byte> image = Dataset.Image(index);
            for (int c = 0; c < InputChannels; c++)
                ConvertPlane(image.Slice(c * plane, plane), input.Slice(c * inputPlane, inputPlane));
        }
    }

    //   image  (Rows, Columns) bytes of one channel
    //   input  (InputRows, InputColumns): PadTop rows of background, then each image row between background margins,
    //          then background to the end
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ConvertPlane(ReadOnlySpan<byte> image, Span<T> input)
    {
        T background = values[0];
        int rows = Dataset.Rows, columns = Dataset.Columns, width = InputColumns;
        input[..(PadTop * width)].Fill(background);
        for (int r = 0; r < rows; r++)
        {
            Span<T> row = input.Slice((PadTop + r) * width, width);
            ReadOnlySpan<byte> source = image.Slice(r * columns, columns);
            row[..PadLeft].Fill(background);
            Span<T> inside = row.Slice(PadLeft, columns);
            // A byte indexes the 256-entry table directly: no index it can hold is out of range.
            ref T table = ref MemoryMarshal.GetArrayDataReference(values);
            for (int c = 0; c < inside.Length; c++) inside[c] = Unsafe.Add(ref table, source[c]);
            row[(PadLeft + columns)..].Fill(background);
        }
        input[((PadTop + rows) * width)..].Fill(background);
    }

    // The same for one channel of a float image: each value through Scale x value + Offset; background is Offset.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ConvertPlane(ReadOnlySpan<float> image, Span<T> input)
    {
        T background = offset;
        int rows = Dataset.Rows, columns = Dataset.Columns, width = InputColumns;
        input[..(PadTop * width)].Fill(background);
        for (int r = 0; r < rows; r++)
        {
            Span<T> row = input.Slice((PadTop + r) * width, width);
            ReadOnlySpan<float> source = image.Slice(r * columns, columns);
            row[..PadLeft].Fill(background);
            Span<T> inside = row.Slice(PadLeft, columns);
            for (int c = 0; c < inside.Length; c++) inside[c] = scale * T.CreateTruncating(source[c]) + offset;
            row[(PadLeft + columns)..].Fill(background);
        }
        input[((PadTop + rows) * width)..].Fill(background);
    }
}
