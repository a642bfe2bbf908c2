using System;
using System.IO;
using System.Linq;
using LeNetGen.TestNetworks;
using Xunit;

namespace LeNetGen.Runtime.Tests.Data;

/// <summary>
/// Float IDX image files (type byte 0x0D: big-endian float32), three-dimensional (count, rows, columns) and four
/// (count, channels, rows, columns), written by the test to real files, read by the real reader, converted per batch
/// into a network's input with every value checked; damaged ones refused with a message; IDX types LeNetGen does not
/// read refused by name.
/// </summary>
public sealed class FloatIdxTests
{
    // Values no byte could hold: negative, fractional, large, tiny (subnormal), negative zero.
    private static float Value(int image, int channel, int row, int column) =>
        (image * 5 + channel * 3 + row * 2 + column) switch
        {
            0 => -0.0f,
            1 => 1e-40f,
            2 => -3.4e38f,
            var k => (float)((k % 7 - 3) * 0.37 + image * 1e-3),
        };

    [Fact]
    public void TheFileIsBigEndianFloat32()
    {
        // Written out byte by byte, not by the helper that writes the other files: 1.0 is 3F 80 00 00, -pi C0 49 0F DB.
        byte[] file = [0, 0, 0x0D, 0x03, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 2, 0x3F, 0x80, 0, 0, 0xC0, 0x49, 0x0F, 0xDB];
        IdxFile read = IdxReader.ReadImages(new MemoryStream(file), "two-values");
        Assert.Equal(IdxFile.FloatImagesMagic, read.Magic);
        Assert.True(read.HoldsFloats && read.HoldsImages);
        Assert.Equal([1.0f, -MathF.PI], read.Values.ToArray());
        Assert.Equal("two-values holds float32 values, not bytes: read them with Values.",
            Assert.Throws<InvalidOperationException>(() => read.Data.Length).Message);
        IdxFile bytes = IdxReader.ReadImages(new MemoryStream(IdxBytes.Images(1, 1, 2)), "bytes");
        Assert.Equal("bytes holds unsigned bytes, not floats: read them with Data.",
            Assert.Throws<InvalidOperationException>(() => bytes.Values.Length).Message);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void AThreeDimensionalFloatFileIsAFloatDatasetPaddedAsMnistIs(bool gzip)
    {
        using var folder = new TemporaryFolder();
        byte[] raw = IdxBytes.FloatImages(3, null, 28, 28, Value);
        string images = folder.Write("floats-idx3", gzip ? IdxBytes.Gzip(raw) : raw);
        string labels = folder.Write("floats-labels-idx1", IdxBytes.Labels([7, 3, 9]));

        Dataset set = Dataset.Load("floats", images, labels, classCount: 10);
        Assert.True(set.HoldsFloats);
        Assert.Equal((3, 1, 28, 28, "1x28x28"), (set.Count, set.Channels, set.Rows, set.Columns, set.Shape));
        Assert.Equal("floats: 3 float images of 28x28, 10 classes", set.ToString());
        for (int i = 0; i < 3; i++)
            for (int r = 0; r < 28; r++)
                for (int c = 0; c < 28; c++)
                    Assert.Equal(BitConverter.SingleToInt32Bits(Value(i, 0, r, c)), BitConverter.SingleToInt32Bits(set.ImageValues(i)[r * 28 + c]));

        // As they are, padded with 0 to LeNet-5's 32x32.
        var converter = BatchConverter<float>.For<ClassicLeNet5>(set, ImageNormalization.AsIs);
        var input = new float[ClassicLeNet5.InputSize];
        converter.FillImage(2, input);
        for (int y = 0; y < 32; y++)
            for (int x = 0; x < 32; x++)
            {
                bool inside = y >= 2 && y < 30 && x >= 2 && x < 30;
                Assert.Equal(inside ? Value(2, 0, y - 2, x - 2) : 0f, input[y * 32 + x]);
            }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void AFourDimensionalFloatFileIsReadAsImagesWithChannelsAndTrainsANetwork(bool gzip)
    {
        using var folder = new TemporaryFolder();
        byte[] raw = IdxBytes.FloatImages(4, 3, 8, 6, Value);
        string images = folder.Write("rgb-floats-idx4", gzip ? IdxBytes.Gzip(raw) : raw);
        string labels = folder.Write("rgb-labels-idx1", IdxBytes.Labels([4, 0, 2, 1]));

        Dataset set = Dataset.Load("rgb floats", images, labels, classCount: 5);
        Assert.True(set.HoldsFloats);
        Assert.Equal((4, 3, 8, 6, "3x8x6"), (set.Count, set.Channels, set.Rows, set.Columns, set.Shape));

        // Standardized by the values' own mean and standard deviation, computed here in the plainest way.
        double[] all = Enumerable.Range(0, 4 * 3 * 8 * 6).Select(k => (double)Value(k / 144, k / 48 % 3, k / 6 % 8, k % 6)).ToArray();
        double mean = all.Average(), std = Math.Sqrt(all.Select(v => (v - mean) * (v - mean)).Average());
        ImageNormalization standard = ImageNormalization.MeanStdOf(set);
        Assert.Equal(1 / std, standard.Scale, 1e-9 / std);
        Assert.Equal(-mean / std, standard.Offset, 1e-9);

        // Into RgbConvNet's 3x12x10 input, each channel centered (2 rows above, 2 columns left), each value mapped.
        var converter = new BatchConverter<double>(set, standard, inputRows: 12, inputColumns: 10);
        var input = new double[RgbConvNet.InputSize];
        converter.FillImage(3, input);
        for (int k = 0; k < 3; k++)
            for (int y = 0; y < 12; y++)
                for (int x = 0; x < 10; x++)
                {
                    bool inside = y >= 2 && y < 10 && x >= 2 && x < 8;
                    double expected = standard.Scale * (inside ? Value(3, k, y - 2, x - 2) : 0.0) + standard.Offset;
                    Assert.Equal(expected, input[(k * 12 + y) * 10 + x], 1e-12);
                }

        // And a float network trains on it (one pass) and evaluates every image.
        var floats = BatchConverter<float>.For<RgbConvNet>(set, standard);
        var network = new RgbConvNet();
        var loss = new Loss(LossKind.SoftmaxCrossEntropy);
        var trainer = new Trainer<RgbConvNet, float>(network.Parameters, new SgdOptimizer<float>(RgbConvNet.ParameterCount), loss, batchSize: 2, seed: 1);
        EpochResult pass = trainer.TrainEpoch(floats);
        Assert.True(double.IsFinite(pass.Loss), $"loss {pass.Loss}");
        Assert.Equal(4, Evaluation.Of<RgbConvNet, float>(network.Parameters, floats, loss).Count);
    }

    private static readonly byte[] TwoFloatImages = IdxBytes.FloatImages(2, null, 3, 4, Value);

    [Theory]
    [InlineData(14, "expected a 16-byte header (3 sizes after the magic), but the file ends after 14 bytes")]
    [InlineData(16 + 48 + 7, "the header says 2 images of 3x4 but the file ends after 1 image and 7 bytes")]
    [InlineData(16 + 95, "the header says 2 images of 3x4 but the file ends after 1 image and 47 bytes")]
    public void ATruncatedFloatFileIsRefused(int length, string problem)
    {
        byte[] cut = IdxBytes.Cut(TwoFloatImages, length);
        IdxReaderTests.AssertRefused(() => IdxReader.ReadImages(new MemoryStream(cut), "float-images"), "float-images: " + problem);
        IdxReaderTests.AssertRefused(() => IdxReader.ReadImages(new MemoryStream(IdxBytes.Gzip(cut)), "float-images.gz"), "float-images.gz: " + problem);
    }

    [Fact]
    public void BytesAfterAFloatFilesDataAreRefused() =>
        IdxReaderTests.AssertRefused(() => IdxReader.ReadImages(new MemoryStream([.. TwoFloatImages, 0, 0, 0, 0]), "float-images"),
            "float-images: the header says 2 images of 3x4 (112 bytes in all), but the file goes on after them");

    [Fact]
    public void AGzipFloatFileCutInItsTrailerIsRefused()
    {
        byte[] gzip = IdxBytes.Gzip(TwoFloatImages);
        IdxReaderTests.AssertRefused(() => IdxReader.ReadImages(new MemoryStream(gzip[..^3]), "float-images.gz"),
            "float-images.gz: the gzip file is incomplete (cut short, as by an interrupted download or copy) or damaged at its end: " +
            "it should close with an 8-byte trailer giving the size of the data it holds, 112 bytes");
    }

    [Theory]
    [InlineData(float.NaN, "NaN")]
    [InlineData(float.PositiveInfinity, "Infinity")]
    [InlineData(float.NegativeInfinity, "-Infinity")]
    public void ANonFiniteValueIsRefusedWithWhereItIs(float bad, string shown)
    {
        byte[] file = IdxBytes.FloatImages(2, 2, 2, 3, (i, k, r, c) => i == 1 && k == 1 && r == 0 && c == 2 ? bad : 0.5f);
        IdxReaderTests.AssertRefused(() => IdxReader.ReadImages(new MemoryStream(file), "bad-floats"),
            $"bad-floats: value {shown} of image 1 (at 8 in it) is not a finite number: float images must hold finite values");
    }

    [Theory]
    [InlineData(0x00000903, "0x09 (signed byte, 1 byte a value; magic 0x00000903)")]
    [InlineData(0x00000B03, "0x0B (int16, 2 bytes a value; magic 0x00000B03)")]
    [InlineData(0x00000C04, "0x0C (int32, 4 bytes a value; magic 0x00000C04)")]
    [InlineData(0x00000E03, "0x0E (float64, 8 bytes a value; magic 0x00000E03)")]
    public void AnImageFileOfAnotherIdxTypeIsRefusedByName(int magic, string type)
    {
        byte[] file = [.. IdxBytes.Header(magic, 1, 2, 2, 2), .. new byte[64]];
        IdxReaderTests.AssertRefused(() => IdxReader.ReadImages(new MemoryStream(file), "doubles-idx3"),
            $"doubles-idx3: the file holds IDX data type {type}, which LeNetGen does not read: image files must hold " +
            "unsigned bytes (0x08) or float32 values (0x0D), magic 0x00000803 (images) or 0x00000804 (images with channels) " +
            "or 0x00000D03 (float images) or 0x00000D04 (float images with channels)");
    }

    [Fact]
    public void ALabelFileOfFloatsIsRefusedByName() =>
        IdxReaderTests.AssertRefused(() => IdxReader.ReadLabels(new MemoryStream([.. IdxBytes.Header(0x00000D01, 1), 0x3F, 0x80, 0, 0]), "float-labels", 10),
            "float-labels: the file holds IDX data type 0x0D (float32, 4 bytes a value; magic 0x00000D01), which LeNetGen does not read: " +
            "label files must hold unsigned bytes (0x08), magic 0x00000801 (labels)");

    [Fact]
    public void AFloatImageFileIsNoLabelFile() =>
        IdxReaderTests.AssertRefused(() => IdxReader.ReadLabels(new MemoryStream(TwoFloatImages), "labels", 10),
            "labels: expected magic 0x00000801 (labels), found 0x00000D03 (float images)");

    [Fact]
    public void AFloatHeaderPromisingMoreThanAnArrayHoldsIsRefusedBeforeReading() =>
        // 600 million values: as bytes (600 MB) an array holds them, as floats (2.4 GB) it does not.
        IdxReaderTests.AssertRefused(() => IdxReader.ReadImages(new MemoryStream(IdxBytes.Header(IdxFile.FloatImagesMagic, 600, 1000, 1000)), "huge"),
            "huge: the header says 600 images of 1000x1000, more bytes than an array holds");
}
