using Xunit;

namespace LeNetGen.Runtime.Tests.Data;

/// <summary>The normalizations send pixel bytes where the paper and PyTorch send them.</summary>
public sealed class ImageNormalizationTests
{
    [Fact]
    public void ThePapersMapsBackgroundToMinus0Point1AndInkTo1Point175()
    {
        Assert.Equal(-0.1, ImageNormalization.Paper.Apply(0), 12);
        Assert.Equal(1.175, ImageNormalization.Paper.Apply(255), 12);
        Assert.Equal(-0.1 + 1.275 * 128 / 255, ImageNormalization.Paper.Apply(128), 12);
    }

    [Fact]
    public void MeanStdStandardizesUnitIntervalPixels()
    {
        Assert.Equal(-0.1307 / 0.3081, ImageNormalization.MnistMeanStd.Apply(0), 12);
        Assert.Equal((1 - 0.1307) / 0.3081, ImageNormalization.MnistMeanStd.Apply(255), 12);
        Assert.Equal((51 / 255.0 - 0.5) / 0.25, ImageNormalization.MeanStd(0.5, 0.25).Apply(51), 12);
        Assert.Equal(1.0, ImageNormalization.UnitInterval.Apply(255), 12);
    }

    [Fact]
    public void MeanStdOfASetIsComputedFromItsPixels()
    {
        // Pixels 0, 0, 255, 255: mean 0.5 and standard deviation 0.5 of [0, 1] values.
        var set = new Dataset("d", 1, 2, 2, [0, 255, 0, 255], [0, 1]);
        ImageNormalization n = ImageNormalization.MeanStdOf(set);
        Assert.Equal(-1.0, n.Apply(0), 12);
        Assert.Equal(1.0, n.Apply(255), 12);
    }

    [Fact]
    public void InvalidStandardDeviationsAreRefused()
    {
        Assert.Throws<System.ArgumentOutOfRangeException>(() => ImageNormalization.MeanStd(0.1, 0));
        Assert.Throws<System.ArgumentOutOfRangeException>(() => ImageNormalization.MeanStd(0.1, double.NaN));
    }
}
