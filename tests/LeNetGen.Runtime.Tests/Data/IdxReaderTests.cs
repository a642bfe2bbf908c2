using System;
using System.IO;
using Xunit;

namespace LeNetGen.Runtime.Tests.Data;

/// <summary>
/// The IDX reader reads raw and gzip files alike (told apart by content, not name) and refuses every malformed file with
/// a message naming the file, what was expected and what was found.
/// </summary>
public sealed class IdxReaderTests
{
    private static readonly byte[] ThreeImages = IdxBytes.Images(3, 28, 28);
    private static readonly byte[] FourLabels = IdxBytes.Labels([7, 0, 9, 3]);

    [Theory]
    [InlineData(false, true)]
    [InlineData(true, true)]
    [InlineData(false, false)]
    [InlineData(true, false)]
    public void RawAndGzipReadAlikeFromSeekableAndNonSeekableStreams(bool gzip, bool seekable)
    {
        byte[] images = gzip ? IdxBytes.Gzip(ThreeImages) : ThreeImages;
        byte[] labels = gzip ? IdxBytes.Gzip(FourLabels) : FourLabels;
        // The names say nothing about compression on purpose: the gzip magic decides.
        IdxFile imageFile = IdxReader.ReadImages(Open(images, seekable), "images.bin");
        IdxFile labelFile = IdxReader.ReadLabels(Open(labels, seekable), "labels.bin", classCount: 10);

        Assert.Equal(IdxFile.ImagesMagic, imageFile.Magic);
        Assert.Equal([3, 28, 28], imageFile.Dimensions.ToArray());
        Assert.Equal(ThreeImages.AsSpan(16).ToArray(), imageFile.Data.ToArray());
        Assert.Equal(IdxFile.LabelsMagic, labelFile.Magic);
        Assert.Equal(4, labelFile.Count);
        Assert.Equal([7, 0, 9, 3], labelFile.Data.ToArray());
    }

    [Fact]
    public void ASeekableStreamIsLeftOpen()
    {
        var stream = new MemoryStream(IdxBytes.Gzip(FourLabels));
        IdxReader.ReadLabels(stream, "labels", 10);
        Assert.True(stream.CanRead);
    }

    [Fact]
    public void AnEmptySetIsValid() =>
        Assert.Equal(0, IdxReader.ReadImages(new MemoryStream(IdxBytes.Header(IdxFile.ImagesMagic, 0, 28, 28)), "empty").Count);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ImagesForLabelsIsRefusedByMagic(bool gzip)
    {
        byte[] bytes = gzip ? IdxBytes.Gzip(ThreeImages) : ThreeImages;
        AssertRefused(() => IdxReader.ReadLabels(new MemoryStream(bytes), "train-labels-idx1-ubyte.gz", 10),
            "train-labels-idx1-ubyte.gz: expected magic 0x00000801 (labels), found 0x00000803 (images)");
    }

    [Fact]
    public void LabelsForImagesIsRefusedByMagic() =>
        AssertRefused(() => IdxReader.ReadImages(new MemoryStream(FourLabels), "t10k-images-idx3-ubyte"),
            "t10k-images-idx3-ubyte: expected magic 0x00000803 (images) or 0x00000804 (images with channels) or 0x00000D03 (float images) or 0x00000D04 (float images with channels), found 0x00000801 (labels)");

    [Fact]
    public void AnUnknownMagicIsShownInHex() =>
        AssertRefused(() => IdxReader.ReadImages(new MemoryStream(IdxBytes.Images(1, 2, 2, magic: 0x00000D02)), "f"),
            "f: expected magic 0x00000803 (images) or 0x00000804 (images with channels) or 0x00000D03 (float images) or 0x00000D04 (float images with channels), found 0x00000D02");

    [Fact]
    public void ATextFileIsRefusedByMagic() =>
        AssertRefused(() => IdxReader.ReadLabels(new MemoryStream("<html>"u8.ToArray()), "labels.gz", 10),
            "labels.gz: expected magic 0x00000801 (labels), found 0x3C68746D");

    [Theory]
    [InlineData(0, "expected magic 0x00000803 (images) or 0x00000804 (images with channels) or 0x00000D03 (float images) or 0x00000D04 (float images with channels), but the file ends after 0 bytes")]
    [InlineData(3, "expected magic 0x00000803 (images) or 0x00000804 (images with channels) or 0x00000D03 (float images) or 0x00000D04 (float images with channels), but the file ends after 3 bytes")]
    [InlineData(10, "expected a 16-byte header (3 sizes after the magic), but the file ends after 10 bytes")]
    public void ATruncatedHeaderIsRefused(int length, string problem) =>
        AssertRefused(() => IdxReader.ReadImages(new MemoryStream(IdxBytes.Cut(ThreeImages, length)), "images"), "images: " + problem);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void TruncatedImagesAreRefusedWithHowManyArrived(bool gzip)
    {
        // One whole image and half of the second.
        byte[] cut = IdxBytes.Cut(ThreeImages, 16 + 784 + 392);
        AssertRefused(() => IdxReader.ReadImages(new MemoryStream(gzip ? IdxBytes.Gzip(cut) : cut), "train-images-idx3-ubyte.gz"),
            "train-images-idx3-ubyte.gz: the header says 3 images of 28x28 but the file ends after 1 image and 392 bytes");
    }

    [Fact]
    public void TruncatedLabelsAreRefusedWithHowManyArrived() =>
        AssertRefused(() => IdxReader.ReadLabels(new MemoryStream(IdxBytes.Cut(FourLabels, 8 + 2)), "labels", 10),
            "labels: the header says 4 labels but the file ends after 2 labels");

    [Fact]
    public void BytesAfterTheDataAreRefused() =>
        AssertRefused(() => IdxReader.ReadLabels(new MemoryStream([.. FourLabels, 0]), "labels", 10),
            "labels: the header says 4 labels (12 bytes in all), but the file goes on after them");

    [Fact]
    public void ANegativeCountIsRefused() =>
        AssertRefused(() => IdxReader.ReadLabels(new MemoryStream(IdxBytes.Header(IdxFile.LabelsMagic, -1)), "labels", 10),
            "labels: expected a count of 0 or more in the header, found -1");

    [Fact]
    public void ZeroColumnsAreRefused() =>
        AssertRefused(() => IdxReader.ReadImages(new MemoryStream(IdxBytes.Header(IdxFile.ImagesMagic, 5, 28, 0)), "images"),
            "images: expected positive sizes in the header, found 28x0 after the count");

    [Fact]
    public void ASizeNoArrayHoldsIsRefusedBeforeAllocating() =>
        AssertRefused(() => IdxReader.ReadImages(new MemoryStream(IdxBytes.Header(IdxFile.ImagesMagic, 60000, 60000, 28)), "images"),
            "images: the header says 60000 images of 60000x28, more bytes than an array holds");

    [Fact]
    public void AHeaderPromisingGigabytesAllocatesOnlyWhatArrives()
    {
        // 16 bytes of header claiming 2,000 images of 1000x1000 (2 GB), and no data.
        byte[] header = IdxBytes.Header(IdxFile.ImagesMagic, 2000, 1000, 1000);
        long before = System.GC.GetAllocatedBytesForCurrentThread();
        AssertRefused(() => IdxReader.ReadImages(new MemoryStream(header), "images"),
            "images: the header says 2000 images of 1000x1000 but the file ends after 0 images");
        long allocated = System.GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(allocated < 4 << 20, $"reading a 16-byte file allocated {allocated:N0} bytes");
    }

    [Fact]
    public void ALabelOutsideTheClassesIsRefused() =>
        AssertRefused(() => IdxReader.ReadLabels(new MemoryStream(IdxBytes.Gzip(IdxBytes.Labels([3, 9, 10, 2]))), "train-labels", 10),
            "train-labels: label 10 at index 2 is outside the 10 classes (expected 0 to 9)");

    [Fact]
    public void CorruptDeflateDataIsRefused()
    {
        byte[] gzip = IdxBytes.Gzip(ThreeImages);
        for (int i = 20; i < 40; i++) gzip[i] ^= 0x5A; // inside the compressed blocks, past the 10-byte gzip header
        var exception = AssertRefused(() => IdxReader.ReadImages(new MemoryStream(gzip), "images.gz"), "images.gz: the gzip data is corrupt");
        Assert.Equal(
            "images.gz: the gzip data is corrupt: the compressed bytes do not decompress to what was compressed (the file was " +
            "damaged or altered after it was made, e.g. on disk or in transfer); get a fresh copy of the file", exception.Message);
        Assert.IsType<InvalidDataException>(exception.InnerException);
    }

    [Fact]
    public void AWrongGzipChecksumIsRefused()
    {
        byte[] gzip = IdxBytes.Gzip(FourLabels);
        gzip[^8] ^= 0xFF; // the CRC-32 in the 8-byte trailer: the data inflates fine but does not check out
        var exception = AssertRefused(() => IdxReader.ReadLabels(new MemoryStream(gzip), "labels.gz", 10), "labels.gz: the gzip data is corrupt: ");
        Assert.DoesNotContain("compression method", exception.Message);
    }

    [Theory]
    [InlineData(-8)] // the whole trailer missing: .NET's decompressor reports a clean end here
    [InlineData(-4)] // the size field missing
    [InlineData(-1)]
    public void AGzipFileCutInItsTrailerIsRefused(int cut)
    {
        // The message gives no number read from the partial trailer: those bytes are CRC or deflate data, not a size.
        byte[] gzip = IdxBytes.Gzip(ThreeImages);
        string expected =
            "images.gz: the gzip file is incomplete (cut short, as by an interrupted download or copy) or damaged at its end: it " +
            $"should close with an 8-byte trailer giving the size of the data it holds, 2368 bytes, and after {gzip.Length + cut} " +
            "bytes that trailer is missing or does not match; get a fresh copy of the file";
        Assert.Equal(expected, AssertRefused(() => IdxReader.ReadImages(new MemoryStream(IdxBytes.Cut(gzip, gzip.Length + cut)), "images.gz"), "images.gz: ").Message);
        Assert.Equal(expected, AssertRefused(() => IdxReader.ReadImages(new NonSeekableStream(IdxBytes.Cut(gzip, gzip.Length + cut)), "images.gz"), "images.gz: ").Message);
    }

    [Fact]
    public void AGzipFileCutInItsDataIsRefusedWithHowManyImagesArrived()
    {
        byte[] gzip = IdxBytes.Gzip(IdxBytes.Images(3, 28, 28, (i, r, c) => (byte)((i * 7919 + r * 131 + c * 17) % 251)));
        var exception = AssertRefused(() => IdxReader.ReadImages(new MemoryStream(IdxBytes.Cut(gzip, gzip.Length / 2)), "images.gz"),
            "images.gz: the header says 3 images of 28x28 but the file ends after ");
        Assert.Equal("images.gz", exception.FileName);
    }

    [Fact]
    public void ReadsFilesByPath()
    {
        using var folder = new TemporaryFolder();
        string images = folder.Write("a", IdxBytes.Gzip(ThreeImages)), labels = folder.Write("b", FourLabels);
        Assert.Equal(3, IdxReader.ReadImages(images).Count);
        Assert.Equal(images, IdxReader.ReadImages(images).Name);
        Assert.Equal(4, IdxReader.ReadLabels(labels, 10).Count);
    }

    private static readonly byte[] TwoColourImages = IdxBytes.ChannelImages(2, 3, 4, 5);

    [Theory]
    [InlineData(12, "expected a 20-byte header (4 sizes after the magic), but the file ends after 12 bytes")]
    [InlineData(20 + 60 + 7, "the header says 2 images of 3x4x5 but the file ends after 1 image and 7 bytes")]
    public void ATruncatedFourDimensionalFileIsRefused(int length, string problem)
    {
        byte[] cut = IdxBytes.Cut(TwoColourImages, length);
        AssertRefused(() => IdxReader.ReadImages(new MemoryStream(cut), "colour-images"), "colour-images: " + problem);
        AssertRefused(() => IdxReader.ReadImages(new MemoryStream(IdxBytes.Gzip(cut)), "colour-images.gz"), "colour-images.gz: " + problem);
    }

    [Fact]
    public void AFourDimensionalFileWithNoChannelsIsRefused() =>
        AssertRefused(() => IdxReader.ReadImages(new MemoryStream(IdxBytes.Header(IdxFile.ChannelImagesMagic, 5, 0, 4, 5)), "colour-images"),
            "colour-images: expected positive sizes in the header, found 0x4x5 after the count");

    [Fact]
    public void BytesAfterAFourDimensionalFilesDataAreRefused() =>
        AssertRefused(() => IdxReader.ReadImages(new MemoryStream([.. IdxBytes.ChannelImages(1, 2, 2, 2), 0]), "colour-images"),
            "colour-images: the header says 1 images of 2x2x2 (28 bytes in all), but the file goes on after them");

    [Fact]
    public void AFourDimensionalImageFileIsNoLabelFile() =>
        AssertRefused(() => IdxReader.ReadLabels(new MemoryStream(TwoColourImages), "colour-labels", 10),
            "colour-labels: expected magic 0x00000801 (labels), found 0x00000804 (images with channels)");

    internal static DatasetFormatException AssertRefused(Func<object> read, string messageStart)
    {
        var exception = Assert.Throws<DatasetFormatException>(read);
        Assert.StartsWith(messageStart, exception.Message);
        return exception;
    }

    private static Stream Open(byte[] bytes, bool seekable) => seekable ? new MemoryStream(bytes) : new NonSeekableStream(bytes);
}
