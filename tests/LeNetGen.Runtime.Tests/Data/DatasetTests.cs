using System;
using System.IO;
using Xunit;

namespace LeNetGen.Runtime.Tests.Data;

/// <summary>An image file and its label file must agree; MNIST-format sets must hold 28x28 images; files are found gzip or raw.</summary>
public sealed class DatasetTests
{
    [Fact]
    public void ImagesAndLabelsThatDisagreeAreRefused()
    {
        using var folder = new TemporaryFolder();
        string images = folder.Write(MnistFiles.TrainImages, IdxBytes.Gzip(IdxBytes.Images(3, 28, 28)));
        string labels = folder.Write(MnistFiles.TrainLabels, IdxBytes.Gzip(IdxBytes.Labels([1, 2])));
        var exception = Assert.Throws<DatasetFormatException>(() => Dataset.Load("MNIST train", images, labels, 10));
        Assert.Equal(
            $"MNIST train images (3) and labels (2) disagree: {images} has 3 images, {labels} has 2 labels", exception.Message);
    }

    [Fact]
    public void TheCountsAreComparedFromTheHeadersBeforeAnyPixelIsRead()
    {
        // A header promising 2,000,000 images and no pixels after it: read first, it would be refused as cut short.
        using var folder = new TemporaryFolder();
        string images = folder.Write(MnistFiles.TestImages, IdxBytes.Gzip(IdxBytes.Header(IdxFile.ImagesMagic, 2_000_000, 28, 28)));
        string labels = folder.Write(MnistFiles.TestLabels, IdxBytes.Gzip(IdxBytes.Labels([1, 2])));
        var exception = Assert.Throws<DatasetFormatException>(() => Dataset.Load("MNIST test", images, labels, 10));
        Assert.Equal(
            $"MNIST test images (2000000) and labels (2) disagree: {images} has 2000000 images, {labels} has 2 labels", exception.Message);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void AnEmptySetIsRefused(bool gzip)
    {
        using var folder = new TemporaryFolder();
        byte[] images = IdxBytes.Images(0, 28, 28), labels = IdxBytes.Labels([]);
        string imagesPath = folder.Write(MnistFiles.TestImages, gzip ? IdxBytes.Gzip(images) : images);
        string labelsPath = folder.Write(MnistFiles.TestLabels, gzip ? IdxBytes.Gzip(labels) : labels);
        var exception = Assert.Throws<DatasetFormatException>(() => Dataset.Load("MNIST test", imagesPath, labelsPath, 10));
        Assert.Equal($"{imagesPath}: MNIST test holds no images (the header's count is 0): there is nothing to train on or evaluate", exception.Message);

        var fromIdx = Assert.Throws<DatasetFormatException>(() =>
            Dataset.FromIdx("MNIST test", IdxReader.ReadImages(imagesPath), IdxReader.ReadLabels(labelsPath, 10), 10));
        Assert.Equal(exception.Message, fromIdx.Message);
        var constructed = Assert.Throws<ArgumentException>(() => new Dataset("d", 28, 28, 10, [], []));
        Assert.StartsWith("d holds no images: a dataset needs at least one.", constructed.Message);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void AFileThatHoldsWhatItsHeaderSaysIsReadIntoOneArrayMadeOnce(bool gzip)
    {
        // 3,000 images of 28x28 are 2.35 MB: growing by doubling from 1 MB would allocate 1 + 2 + 2.35 MB.
        using var folder = new TemporaryFolder();
        byte[] raw = IdxBytes.Images(3_000, 28, 28);
        string path = folder.Write(MnistFiles.TrainImages, gzip ? IdxBytes.Gzip(raw) : raw);
        IdxReader.ReadImages(path); // warm up
        long before = GC.GetAllocatedBytesForCurrentThread();
        IdxFile file = IdxReader.ReadImages(path);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(3_000 * 28 * 28, file.Data.Length);
        Assert.InRange(allocated, file.Data.Length, file.Data.Length + 200_000);
    }

    [Fact]
    public void TheLoaderRefusesImagesThatAreNot28x28()
    {
        using var folder = new TemporaryFolder();
        WriteSet(folder.Path, rows: 32, gzip: true);
        var exception = Assert.Throws<DatasetFormatException>(() => MnistLoader.LoadFrom(MnistVariant.Mnist, folder.Path));
        Assert.Equal(
            $"{Path.Combine(folder.Path, MnistFiles.TrainImages)}: expected MNIST images of 28x28, found 32x28", exception.Message);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void TheLoaderReadsGzipOrRawFiles(bool gzip)
    {
        using var folder = new TemporaryFolder();
        WriteSet(folder.Path, rows: 28, gzip);
        DatasetSplits splits = MnistLoader.LoadFrom(MnistVariant.FashionMnist, folder.Path);
        Assert.Equal(("Fashion-MNIST train", 5, 28, 28, 10), (splits.Train.Name, splits.Train.Count, splits.Train.Rows, splits.Train.Columns, splits.Train.ClassCount));
        Assert.Equal(("Fashion-MNIST test", 3), (splits.Test.Name, splits.Test.Count));
        Assert.Equal([0, 1, 2, 3, 4], splits.Train.Labels.ToArray());
        Assert.Equal(unchecked((byte)(4 * 31 + 27 * 7 + 27)), splits.Train.Image(4)[^1]);
        Assert.Equal(4, splits.Train.Label(4));
        Assert.Equal([1, 1, 1, 1, 1, 0, 0, 0, 0, 0], splits.Train.CountPerClass());
    }

    [Fact]
    public void AMissingFileIsNamed()
    {
        using var folder = new TemporaryFolder();
        WriteSet(folder.Path, rows: 28, gzip: true);
        File.Delete(Path.Combine(folder.Path, MnistFiles.TestLabels));
        var exception = Assert.Throws<FileNotFoundException>(() => MnistLoader.LoadTest(MnistVariant.Mnist, folder.Path));
        Assert.Contains(MnistFiles.TestLabels, exception.Message);
    }

    [Fact]
    public void TheConstructorChecksSizesAndLabels()
    {
        var wrongSize = Assert.Throws<ArgumentException>(() => new Dataset("d", 2, 2, 10, new byte[7], new byte[2]));
        Assert.StartsWith("Expected 2 x 2x2 = 8 pixels (one image per label); got 7.", wrongSize.Message);
        var wrongLabel = Assert.Throws<ArgumentException>(() => new Dataset("d", 2, 2, 3, new byte[8], [0, 3]));
        Assert.StartsWith("Label 3 at index 1 is outside the 3 classes (expected 0 to 2).", wrongLabel.Message);
        var set = new Dataset("d", 2, 2, 3, new byte[8], [0, 2]);
        Assert.Throws<ArgumentOutOfRangeException>(() => set.Image(2));
        Assert.Throws<ArgumentOutOfRangeException>(() => set.Label(-1));
    }

    /// <summary>Writes the four files: 5 training and 3 test images of <paramref name="rows"/>x28, labels 0, 1, 2, ...</summary>
    internal static void WriteSet(string folder, int rows, bool gzip)
    {
        Write(folder, MnistFiles.TrainImages, IdxBytes.Images(5, rows, 28), gzip);
        Write(folder, MnistFiles.TrainLabels, IdxBytes.Labels([0, 1, 2, 3, 4]), gzip);
        Write(folder, MnistFiles.TestImages, IdxBytes.Images(3, rows, 28), gzip);
        Write(folder, MnistFiles.TestLabels, IdxBytes.Labels([9, 8, 7]), gzip);
    }

    private static void Write(string folder, string name, byte[] raw, bool gzip) =>
        File.WriteAllBytes(Path.Combine(folder, gzip ? name : name[..^".gz".Length]), gzip ? IdxBytes.Gzip(raw) : raw);

    [Fact]
    public void FirstTakesTheLeadingImagesAndLabels()
    {
        Dataset train = RealData.Mnist.Train;
        Dataset first = train.First(3);
        Assert.Equal(3, first.Count);
        Assert.Equal(new[] { 5, 0, 4 }, new[] { first.Label(0), first.Label(1), first.Label(2) });
        Assert.True(first.Image(2).SequenceEqual(train.Image(2)));
        Assert.Throws<System.ArgumentOutOfRangeException>(() => train.First(train.Count + 1));
        Assert.Throws<System.ArgumentOutOfRangeException>(() => train.First(0));
    }
}
