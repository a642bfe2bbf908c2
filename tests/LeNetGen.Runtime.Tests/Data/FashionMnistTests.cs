using System.Linq;
using Xunit;

namespace LeNetGen.Runtime.Tests.Data;

/// <summary>
/// Fashion-MNIST (LENETGEN_FASHION_MNIST, else ../shared/data/fashion-mnist beside the repository) loads through the same
/// reader: 60,000 and 10,000 images, 10 classes balanced.
/// </summary>
public sealed class FashionMnistTests
{
    [Fact]
    public void CountsAndClassesAreFashionMnists()
    {
        DatasetSplits fashion = RealData.FashionMnist;
        Assert.Equal((60_000, 28, 28), (fashion.Train.Count, fashion.Train.Rows, fashion.Train.Columns));
        Assert.Equal(10_000, fashion.Test.Count);
        Assert.Equal(Enumerable.Repeat(6_000, 10), fashion.Train.CountPerClass());
        Assert.Equal(Enumerable.Repeat(1_000, 10), fashion.Test.CountPerClass());
        Assert.Equal("Fashion-MNIST train", fashion.Train.Name);
        Assert.Equal("Ankle boot", MnistVariant.FashionMnist.ClassNames[9]);
    }
}
