using System;
using Xunit;

namespace LeNetGen.Runtime.Tests.Data;

/// <summary>Images become padded, normalized network input, batch by batch, without allocating.</summary>
public sealed class BatchConverterTests
{
    // Two 28x28 images: image i has pixel (r, c) = 255 where r == c + i, else 0; image 1 also has 128 at (0, 27).
    private static readonly Dataset Set = new(
        "two", 28, 28, 10, IdxBytes.Images(2, 28, 28, (i, r, c) => r == c + i ? (byte)255 : i == 1 && r == 0 && c == 27 ? (byte)128 : (byte)0)[16..], [3, 7]);

    [Fact]
    public void PaperNormalizationPadsTo32x32WithTheImageCentered()
    {
        var converter = new BatchConverter<float>(Set, ImageNormalization.Paper);
        Assert.Equal((32, 32, 2, 2, 1024), (converter.InputRows, converter.InputColumns, converter.PadTop, converter.PadLeft, converter.InputSize));
        var input = new float[1024];
        converter.FillImage(1, input);
        for (int r = 0; r < 32; r++)
        {
            for (int c = 0; c < 32; c++)
            {
                // Pixel (r, c) of the image lands at (r + 2, c + 2); the border is background.
                bool inside = r >= 2 && r < 30 && c >= 2 && c < 30;
                int pixel = !inside ? 0 : r - 2 == c - 2 + 1 ? 255 : r - 2 == 0 && c - 2 == 27 ? 128 : 0;
                float expected = pixel == 255 ? 1.175f : pixel == 128 ? (float)(-0.1 + 1.275 * 128 / 255) : -0.1f;
                Assert.True(Math.Abs(input[r * 32 + c] - expected) < 1e-6f, $"({r}, {c}): expected {expected}, got {input[r * 32 + c]}");
            }
        }
        Assert.Equal(-0.1f, input[0], 6);           // corner: padding is background
        Assert.Equal(1.175f, input[3 * 32 + 2], 6); // image (1, 0) at (3, 2)
        Assert.Equal(-0.1f, input[2 * 32 + 2], 6);  // image (0, 0) at (2, 2) is background in image 1
    }

    [Fact]
    public void ABatchIsTheImagesInIndexOrderAndLabelsFollow()
    {
        var converter = new BatchConverter<double>(Set, ImageNormalization.MnistMeanStd);
        var batch = new double[3 * 1024];
        var labels = new int[3];
        int[] indices = [1, 0, 1];
        converter.FillImages(indices, batch);
        converter.FillLabels(indices, labels);
        var one = new double[1024];
        for (int k = 0; k < 3; k++)
        {
            converter.FillImage(indices[k], one);
            Assert.Equal(one, batch.AsSpan(k * 1024, 1024).ToArray());
        }
        Assert.Equal([7, 3, 7], labels);
        Assert.Equal(-0.1307 / 0.3081, batch[0], 12);
        Assert.Equal((1 - 0.1307) / 0.3081, batch[1024 + 2 * 32 + 2], 12); // image 0's (0, 0) is ink
    }

    [Fact]
    public void PaddingIsAParameter()
    {
        // 28 in 31: one row (column) of padding above (left), two below (right).
        var converter = new BatchConverter<float>(Set, ImageNormalization.UnitInterval, inputRows: 31, inputColumns: 28);
        Assert.Equal((1, 0), (converter.PadTop, converter.PadLeft));
        var input = new float[31 * 28];
        converter.FillImage(0, input);
        Assert.Equal(1f, input[1 * 28 + 0]);
        Assert.Equal(1f, input[28 * 28 + 27]);
        Assert.Equal(0f, input[29 * 28 + 27]);
        Assert.Throws<ArgumentOutOfRangeException>(() => new BatchConverter<float>(Set, ImageNormalization.Paper, 27, 32));
    }

    [Fact]
    public void WrongLengthsAndIndicesAreRefused()
    {
        var converter = new BatchConverter<float>(Set, ImageNormalization.Paper);
        var lengths = Assert.Throws<ArgumentException>(() => converter.FillImages([0, 1], new float[1024]));
        Assert.Contains("2 x 1024 = 2048", lengths.Message);
        Assert.Throws<ArgumentException>(() => converter.FillImage(0, new float[1023]));
        Assert.Throws<ArgumentException>(() => converter.FillLabels([0, 1], new int[1]));
        Assert.Throws<ArgumentOutOfRangeException>(() => converter.FillImages([2], new float[1024]));
    }

    [Fact]
    public void ConvertingABatchAllocatesNothing()
    {
        var converter = new BatchConverter<float>(Set, ImageNormalization.Paper);
        var order = new MinibatchOrder(Set.Count, batchSize: 2);
        var inputs = new float[2 * 1024];
        var labels = new int[2];
        void Epoch()
        {
            foreach (ReadOnlySpan<int> batch in order)
            {
                converter.FillImages(batch, inputs.AsSpan(0, batch.Length * converter.InputSize));
                converter.FillLabels(batch, labels.AsSpan(0, batch.Length));
            }
        }
        Epoch();
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 100; i++) Epoch();
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
