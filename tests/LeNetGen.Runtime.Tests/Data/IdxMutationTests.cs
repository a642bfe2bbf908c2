using System;
using System.IO;
using System.Linq;
using CsCheck;
using Xunit;

namespace LeNetGen.Runtime.Tests.Data;

/// <summary>
/// Property tests over damaged IDX files (labels; byte images of one channel and of several; float32 images of one
/// channel and of several), raw and gzip: random bytes changed, inserted and deleted, the file cut short. Reading is
/// either refused with a <see cref="DatasetFormatException"/> that names the file, or succeeds with a file whose
/// dimensions account for every byte it holds (and, for floats, every value finite); never any other exception. CsCheck
/// shrinks a failure to the fewest edits and prints the bytes.
/// </summary>
public sealed class IdxMutationTests
{
    private static readonly int Runs = int.TryParse(Environment.GetEnvironmentVariable("LENETGEN_PROPERTY_RUNS"), out int n) && n > 0 ? n : 1;

    private static readonly Gen<(double At, int Kind, byte Value)> Edit = Gen.Select(Gen.Double[0, 1], Gen.Int[0, 3], Gen.Byte);

    private static byte[] Apply(byte[] original, (double At, int Kind, byte Value)[] edits)
    {
        var bytes = new System.Collections.Generic.List<byte>(original);
        foreach (var (fraction, kind, value) in edits)
        {
            int at = Math.Min(bytes.Count, (int)(fraction * bytes.Count));
            switch (kind)
            {
                case 0 when at < bytes.Count: bytes[at] = value; break;
                case 1 when at < bytes.Count: bytes.RemoveAt(at); break;
                case 2: bytes.RemoveRange(at, bytes.Count - at); break;
                default: bytes.Insert(at, value); break;
            }
        }
        return bytes.ToArray();
    }

    [Theory]
    [InlineData(1, false)]
    [InlineData(1, true)]
    [InlineData(3, false)]
    [InlineData(3, true)]
    [InlineData(4, false)]
    [InlineData(4, true)]
    [InlineData(-3, false)] // float32 images: -3 and -4 are the three- and four-dimensional kinds
    [InlineData(-3, true)]
    [InlineData(-4, false)]
    [InlineData(-4, true)]
    public void DamagedIdxFilesAreRefusedWithAMessageOrReadWhole(int dimensions, bool gzip)
    {
        byte[] raw = dimensions switch
        {
            1 => IdxBytes.Labels([3, 1, 4, 1, 5, 9, 2, 6]),
            3 => IdxBytes.Images(3, 4, 5),
            4 => IdxBytes.ChannelImages(3, 3, 4, 5),
            -3 => IdxBytes.FloatImages(3, null, 2, 3, (i, k, r, c) => (i - r) * 0.75f + c),
            _ => IdxBytes.FloatImages(2, 2, 2, 3, (i, k, r, c) => (k - i) * 1.5f - r * c),
        };
        byte[] original = gzip ? IdxBytes.Gzip(raw) : raw;
        string name = gzip ? "damaged-idx.gz" : "damaged-idx";
        Gen.Select(Edit.Array[1, 4], edits => Apply(original, edits)).Sample(bytes =>
        {
            try
            {
                IdxFile file = dimensions == 1
                    ? IdxReader.ReadLabels(new MemoryStream(bytes), name, classCount: 10)
                    : IdxReader.ReadImages(new MemoryStream(bytes), name);
                // Read whole: as many sizes as the magic says, every one positive, and exactly the data they account for.
                Assert.Equal(file.Magic & 0xff, file.Dimensions.Length);
                long size = 1;
                for (int d = 1; d < file.Dimensions.Length; d++) size *= file.Dimensions[d];
                Assert.True(file.Count >= 0 && size > 0, $"{file.Count} items of {size}");
                Assert.Equal(file.Count * size, file.HoldsFloats ? file.Values.Length : file.Data.Length);
                Assert.Equal(file.HoldsFloats, (file.Magic >> 8) == 0x0D);
                if (file.HoldsFloats) Assert.True(file.Values.ToArray().All(float.IsFinite), "a value that is not finite");
                if (file.HoldsImages && file.Count > 0)
                {
                    // And a dataset made of it holds images of the shape the header gives.
                    Dataset set = Dataset.FromIdx("damaged", file, IdxReader.ReadLabels(new MemoryStream(IdxBytes.Labels(new byte[file.Count])), "labels", 1), 1);
                    Assert.Equal(file.Dimensions[1..].ToArray(), (file.Dimensions.Length == 4
                        ? new[] { set.Channels, set.Rows, set.Columns } : [set.Rows, set.Columns]));
                }
            }
            catch (DatasetFormatException refusal)
            {
                Assert.Contains(name, refusal.Message);
            }
        }, iter: 300L * Runs, print: bytes => Convert.ToHexString(bytes));
    }
}
