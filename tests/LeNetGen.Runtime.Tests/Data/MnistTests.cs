using System;
using Xunit;

namespace LeNetGen.Runtime.Tests.Data;

/// <summary>The real MNIST files load with the published counts, label histograms and pixel statistics.</summary>
public sealed class MnistTests
{
    [Fact]
    public void CountsAndSizesAreMnists()
    {
        DatasetSplits mnist = RealData.Mnist;
        Assert.Equal((60_000, 28, 28, 10), (mnist.Train.Count, mnist.Train.Rows, mnist.Train.Columns, mnist.Train.ClassCount));
        Assert.Equal((10_000, 28, 28, 10), (mnist.Test.Count, mnist.Test.Rows, mnist.Test.Columns, mnist.Test.ClassCount));
    }

    [Fact]
    public void LabelHistogramsMatchTheReadme()
    {
        Assert.Equal([5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949], RealData.Mnist.Train.CountPerClass());
        Assert.Equal([980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009], RealData.Mnist.Test.CountPerClass());
    }

    [Fact]
    public void PixelStatisticsAreMnists()
    {
        Dataset train = RealData.Mnist.Train;
        long sum = 0;
        foreach (byte pixel in train.Pixels) sum += pixel;
        Assert.Equal(1_567_298_545, sum);
        Assert.Equal([5, 0, 4, 1, 9, 2, 1, 3, 1, 4], train.Labels[..10].ToArray());
        // The first image (a 5): 618 background pixels out of 784, pixel sum 27,525.
        Assert.Equal(784 - 618, train.Image(0).Length - train.Image(0).Count((byte)0));
        long first = 0;
        foreach (byte pixel in train.Image(0)) first += pixel;
        Assert.Equal(27_525, first);

        // PyTorch's 0.1307 and 0.3081 are these, rounded.
        ImageNormalization n = ImageNormalization.MeanStdOf(train);
        double std = 1 / (255 * n.Scale), mean = -n.Offset * std;
        Assert.Equal(0.1307, Math.Round(mean, 4));
        Assert.Equal(0.3081, Math.Round(std, 4));
    }

    [Fact]
    public void ThePapersInputHasMeanNearZeroButVarianceFarBelowOne()
    {
        // LeCun et al. say background -0.1 and foreground 1.175 give the input mean about 0 and variance about 1. The mean
        // holds; the variance of MNIST padded to 32x32 comes out near 0.125 (most pixels are background).
        Dataset test = RealData.Mnist.Test;
        var converter = new BatchConverter<double>(test, ImageNormalization.Paper);
        var input = new double[converter.InputSize];
        double sum = 0, sumOfSquares = 0;
        for (int i = 0; i < test.Count; i++)
        {
            converter.FillImage(i, input);
            foreach (double x in input)
            {
                sum += x;
                sumOfSquares += x * x;
            }
        }
        double n = (double)test.Count * converter.InputSize, mean = sum / n, variance = sumOfSquares / n - mean * mean;
        Assert.Equal(0.02936, mean, 5);
        Assert.Equal(0.12510, variance, 5);
    }

    [Fact]
    public void TheFilesAreTheOnesWhoseChecksumsWeShip()
    {
        foreach (DataFile file in MnistFiles.Mnist)
        {
            string path = System.IO.Path.Combine(RealData.MnistFolder(), file.Name);
            Assert.Equal(file.Length, new System.IO.FileInfo(path).Length);
            using var stream = System.IO.File.OpenRead(path);
            Assert.Equal(file.Sha256, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(stream)));
        }
    }
}
