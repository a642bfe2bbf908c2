using System.Collections.Generic;

namespace LeNetGen;

/// <summary>
/// The four files of MNIST and of the sets that copy its format (Fashion-MNIST): the same names, gzip-compressed IDX.
/// A folder may also hold them uncompressed, under the names without <c>.gz</c>.
/// </summary>
public static class MnistFiles
{
    /// <summary>The training images: 60,000 of 28x28.</summary>
    public const string TrainImages = "train-images-idx3-ubyte.gz";

    /// <summary>The training labels: 60,000.</summary>
    public const string TrainLabels = "train-labels-idx1-ubyte.gz";

    /// <summary>The test images: 10,000 of 28x28.</summary>
    public const string TestImages = "t10k-images-idx3-ubyte.gz";

    /// <summary>The test labels: 10,000.</summary>
    public const string TestLabels = "t10k-labels-idx1-ubyte.gz";

    /// <summary>The four names, training set first.</summary>
    public static IReadOnlyList<string> Names { get; } = [TrainImages, TrainLabels, TestImages, TestLabels];

    /// <summary>
    /// MNIST's four original files with their sizes and SHA-256 checksums (the published values; the copies in
    /// ../shared/data/mnist match them).
    /// </summary>
    public static IReadOnlyList<DataFile> Mnist { get; } =
    [
        new(TrainImages, 9_912_422, "440fcabf73cc546fa21475e81ea370265605f56be210a4024d2ca8f203523609"),
        new(TrainLabels, 28_881, "3552534a0a558bbed6aed32b30c495cca23d567ec52cac8be1a0730e8010255c"),
        new(TestImages, 1_648_877, "8d422c7b0a1c1c79245a5bcf07fe86e33eeafee792b84584aec276f5a2dbc4e6"),
        new(TestLabels, 4_542, "f7ae60f92e00ec6debd23a6088c31dbd2371eca3ffa0defaefb259924204aec6"),
    ];
}
