using System;
using System.Linq;
using LeNetGen.TestNetworks;
using Xunit;

namespace LeNetGen.Runtime.Tests.Data;

/// <summary>
/// Datasets of any image shape: IDX files of three dimensions (count, rows, columns) and four (count, channels, rows,
/// columns) written to real files and read by the real reader, and the caller's own byte and float arrays; each
/// converted channel by channel into a network's input, every value checked.
/// </summary>
public sealed class ChannelDatasetTests
{
    private static byte Pixel(int image, int channel, int row, int column) => (byte)(image * 40 + channel * 70 + row * 9 + column * 2 + 1);

    /// <summary>
    /// Checks that <paramref name="input"/> holds each of <paramref name="channels"/> images of rows x columns at
    /// (top, left) of a height x width field, <paramref name="expected"/> inside and <paramref name="background"/> around.
    /// </summary>
    private static void AssertConverted<T>(T[] input, int channels, int height, int width, int rows, int columns, int top, int left,
        Func<int, int, int, T> expected, T background) where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
    {
        Assert.Equal(channels * height * width, input.Length);
        for (int k = 0; k < channels; k++)
            for (int y = 0; y < height; y++)
                for (int x = 0; x < width; x++)
                {
                    int r = y - top, c = x - left;
                    bool inside = r >= 0 && r < rows && c >= 0 && c < columns;
                    T want = inside ? expected(k, r, c) : background;
                    T got = input[(k * height + y) * width + x];
                    Assert.True(want == got, $"channel {k}, row {y}, column {x}: expected {want}, got {got}");
                }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void AFourDimensionalIdxFileIsReadAsImagesWithChannels(bool gzip)
    {
        using var folder = new TemporaryFolder();
        byte[] raw = IdxBytes.ChannelImages(4, 3, 8, 6, Pixel);
        string images = folder.Write(gzip ? "rgb-images-idx4-ubyte.gz" : "rgb-images-idx4-ubyte", gzip ? IdxBytes.Gzip(raw) : raw);
        string labels = folder.Write("rgb-labels-idx1-ubyte", IdxBytes.Labels([4, 0, 2, 1]));

        Dataset set = Dataset.Load("rgb", images, labels, classCount: 5);
        Assert.Equal((4, 3, 8, 6, 144, "3x8x6"), (set.Count, set.Channels, set.Rows, set.Columns, set.ImageSize, set.Shape));
        Assert.Equal(raw[20..], set.Pixels.ToArray());
        Assert.Equal("rgb: 4 images of 3x8x6, 5 classes", set.ToString());

        // Into RgbConvNet's 3x12x10 input: each channel centered, 2 rows above and 2 columns to the left.
        var converter = BatchConverter<float>.For<RgbConvNet>(set, ImageNormalization.UnitInterval);
        Assert.Equal(("3x12x10", 2, 2, RgbConvNet.InputSize), (converter.InputShape, converter.PadTop, converter.PadLeft, converter.InputSize));
        var input = new float[RgbConvNet.InputSize];
        converter.FillImage(3, input);
        AssertConverted(input, 3, 12, 10, 8, 6, 2, 2, (k, r, c) => (float)ImageNormalization.UnitInterval.Apply(Pixel(3, k, r, c)), 0f);

        // And through the network: all four images evaluated.
        var parameters = new float[RgbConvNet.ParameterCount];
        RgbConvNet.InitializeParameters(parameters, 1);
        Assert.Equal(4, Evaluation.Of<RgbConvNet, float>(parameters, converter, new Loss(LossKind.SoftmaxCrossEntropy)).Count);
    }

    [Fact]
    public void AThreeDimensionalIdxFileIsOneChannelImagesPaddedAsMnistIs()
    {
        using var folder = new TemporaryFolder();
        string images = folder.Write("digits-idx3-ubyte", IdxBytes.Images(2, 28, 28, (i, r, c) => Pixel(i, 0, r, c)));
        string labels = folder.Write("digits-labels-idx1-ubyte", IdxBytes.Labels([7, 3]));

        Dataset set = Dataset.Load("digits", images, labels, classCount: 10);
        Assert.Equal((1, 28, 28, "1x28x28"), (set.Channels, set.Rows, set.Columns, set.Shape));
        var bound = BatchConverter<float>.For<ClassicLeNet5>(set, ImageNormalization.Paper);
        Assert.Equal(("1x32x32", 2, 2), (bound.InputShape, bound.PadTop, bound.PadLeft));
        var input = new float[ClassicLeNet5.InputSize];
        bound.FillImage(1, input);
        AssertConverted(input, 1, 32, 32, 28, 28, 2, 2, (k, r, c) => (float)ImageNormalization.Paper.Apply(Pixel(1, 0, r, c)), -0.1f);

        // The same input as MNIST's own converter (32x32 by default) gives.
        var mnist = new float[ClassicLeNet5.InputSize];
        new BatchConverter<float>(set, ImageNormalization.Paper).FillImage(1, mnist);
        Assert.Equal(mnist, input);
    }

    [Fact]
    public void ByteImagesFromTheCallersArraysConvertChannelByChannel()
    {
        const int count = 3, channels = 3, rows = 7, columns = 7;
        var pixels = new byte[count * channels * rows * columns];
        for (int i = 0, at = 0; i < count; i++)
            for (int k = 0; k < channels; k++)
                for (int r = 0; r < rows; r++)
                    for (int c = 0; c < columns; c++)
                        pixels[at++] = Pixel(i, k, r, c);
        var set = new Dataset("mine", channels, rows, columns, 5, pixels, [1, 4, 0]);
        ImageNormalization normalization = ImageNormalization.MeanStd(0.2, 0.3);

        var converter = BatchConverter<double>.For<DoubleSoftmaxNet>(set, normalization);
        var inputs = new double[2 * converter.InputSize];
        converter.FillImages([2, 0], inputs);
        AssertConverted(inputs[..converter.InputSize], 3, 7, 7, 7, 7, 0, 0, (k, r, c) => normalization.Apply(Pixel(2, k, r, c)), -0.2 / 0.3);
        AssertConverted(inputs[converter.InputSize..], 3, 7, 7, 7, 7, 0, 0, (k, r, c) => normalization.Apply(Pixel(0, k, r, c)), -0.2 / 0.3);
        Assert.Equal("mine: 3 images of 3x7x7, 5 classes", set.ToString());
        Assert.Equal(pixels.AsSpan(147, 147).ToArray(), set.Image(1).ToArray());
    }

    [Fact]
    public void FloatImagesFromTheCallersArraysGoThroughTheAffineMap()
    {
        const int count = 2, channels = 3, rows = 8, columns = 6, size = channels * rows * columns;
        var values = new float[count * size];
        var random = new SeededRandom(4);
        for (int v = 0; v < values.Length; v++) values[v] = (float)(2 * random.NextDouble() - 1);
        Dataset set = Dataset.FromFloats("my floats", channels, rows, columns, 5, values, [3, 1]);
        Assert.True(set.HoldsFloats);
        Assert.Equal("my floats: 2 float images of 3x8x6, 5 classes", set.ToString());
        Assert.Equal(values.AsSpan(size, size).ToArray(), set.ImageValues(1).ToArray());

        // As they are: the values themselves, padding 0.
        var asIs = BatchConverter<float>.For<RgbConvNet>(set, ImageNormalization.AsIs);
        var input = new float[RgbConvNet.InputSize];
        asIs.FillImage(1, input);
        AssertConverted(input, 3, 12, 10, 8, 6, 2, 2, (k, r, c) => values[size + (k * rows + r) * columns + c], 0f);

        // Through a map: Scale x value + Offset, padding Offset; in double as well.
        ImageNormalization map = ImageNormalization.Linear(-0.5, 2.0);
        var scaled = BatchConverter<float>.For<RgbConvNet>(set, map);
        scaled.FillImage(0, input);
        AssertConverted(input, 3, 12, 10, 8, 6, 2, 2, (k, r, c) => (float)map.Scale * values[(k * rows + r) * columns + c] + (float)map.Offset, -0.5f);
        var inDouble = new double[RgbConvNet.InputSize];
        new BatchConverter<double>(set, map, 12, 10).FillImage(0, inDouble);
        AssertConverted(inDouble, 3, 12, 10, 8, 6, 2, 2, (k, r, c) => map.Scale * values[(k * rows + r) * columns + c] + map.Offset, -0.5);

        // First keeps the channels and the floats.
        Dataset first = set.First(1);
        Assert.Equal((1, 3, true), (first.Count, first.Channels, first.HoldsFloats));
        Assert.Equal(values[..size], first.Values.ToArray());
    }

    [Fact]
    public void FloatImagesOfTheNormalizedBytesGiveTheBytesInputAndEvaluationBitForBit()
    {
        Dataset bytes = Training.ColouredShapes.Make("shapes", 40, seed: 9);
        ImageNormalization normalization = ImageNormalization.MeanStdOf(bytes);
        var values = new float[bytes.Pixels.Length];
        for (int v = 0; v < values.Length; v++) values[v] = (float)normalization.Apply(bytes.Pixels[v]);
        Dataset floats = Dataset.FromFloats("shapes as floats", 3, 32, 32, 10, values, bytes.Labels.ToArray());

        BatchConverter<float> fromBytes = BatchConverter<float>.For<CifarLeNet>(bytes, normalization);
        BatchConverter<float> fromFloats = BatchConverter<float>.For<CifarLeNet>(floats, ImageNormalization.AsIs);
        int[] all = Enumerable.Range(0, 40).ToArray();
        float[] a = new float[40 * CifarLeNet.InputSize], b = new float[40 * CifarLeNet.InputSize];
        fromBytes.FillImages(all, a);
        fromFloats.FillImages(all, b);
        Assert.Equal(a, b);

        var parameters = new float[CifarLeNet.ParameterCount];
        CifarLeNet.InitializeParameters(parameters, 5);
        var loss = new Loss(LossKind.SoftmaxCrossEntropy);
        Evaluation x = Evaluation.Of<CifarLeNet, float>(parameters, fromBytes, loss), y = Evaluation.Of<CifarLeNet, float>(parameters, fromFloats, loss);
        Assert.Equal((x.Loss, x.Correct), (y.Loss, y.Correct));
    }

    [Fact]
    public void BadInMemoryImagesAreRefusedWithWhatIsWrong()
    {
        var count = Assert.Throws<ArgumentException>(() => new Dataset("d", 3, 4, 4, 2, new byte[47], new byte[1]));
        Assert.StartsWith("Expected 1 x 3x4x4 = 48 pixels (one image per label); got 47.", count.Message);
        Assert.Equal("pixels", count.ParamName);
        var floatCount = Assert.Throws<ArgumentException>(() => Dataset.FromFloats("f", 3, 4, 4, 2, new float[96 + 1], new byte[2]));
        Assert.StartsWith("Expected 2 x 3x4x4 = 96 pixels (one image per label); got 97.", floatCount.Message);
        Assert.Equal("values", floatCount.ParamName);

        var values = new float[2 * 48];
        values[48 + 5] = float.NaN;
        var nan = Assert.Throws<ArgumentException>(() => Dataset.FromFloats("f", 3, 4, 4, 2, values, new byte[2]));
        Assert.StartsWith("f: value NaN of image 1 (at 5 in it) is not finite.", nan.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => new Dataset("d", 0, 4, 4, 2, [], [0]));

        Dataset floats = Dataset.FromFloats("f", 3, 4, 4, 2, new float[48], new byte[1]);
        Assert.Equal("f holds float images, not bytes: read them with Values.", Assert.Throws<InvalidOperationException>(() => floats.Pixels.Length).Message);
        Assert.Equal("f holds float images, not bytes: read them with ImageValues.", Assert.Throws<InvalidOperationException>(() => floats.Image(0).Length).Message);
        Dataset bytes = new("b", 3, 4, 4, 2, new byte[48], new byte[1]);
        Assert.Equal("b holds byte images, not floats: read them with Pixels.", Assert.Throws<InvalidOperationException>(() => bytes.Values.Length).Message);
    }
}
