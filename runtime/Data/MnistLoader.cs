using System.IO;

namespace LeNetGen;

/// <summary>
/// Loads MNIST or Fashion-MNIST: finds the folder (<see cref="DataLocator"/>), reads the IDX files strictly
/// (<see cref="IdxReader"/>) and checks that images are 28x28 and that each image file agrees with its label file.
/// </summary>
public static class MnistLoader
{
    /// <summary>The height and width of every image in an MNIST-format set.</summary>
    public const int ImageSide = 28;

    /// <summary>Finds <paramref name="variant"/> (in <paramref name="path"/> only, when given) and loads both halves.</summary>
    /// <param name="variant"><see cref="MnistVariant.Mnist"/> or <see cref="MnistVariant.FashionMnist"/>.</param>
    /// <param name="path">The folder holding the four files; null to search the documented places.</param>
    /// <exception cref="FileNotFoundException">Not found; the message lists each place tried and how to get the data.</exception>
    /// <exception cref="DatasetFormatException">A file is malformed, or images and labels disagree.</exception>
    public static DatasetSplits Load(MnistVariant variant, string? path = null) =>
        LoadFrom(variant, DataLocator.Default.Locate(variant, path).RequireFolder());

    /// <summary>Loads both halves from <paramref name="folder"/>.</summary>
    /// <param name="variant">The set, for its name and classes.</param>
    /// <param name="folder">The folder holding the four files, gzip or raw.</param>
    /// <exception cref="FileNotFoundException">A file is missing.</exception>
    /// <exception cref="DatasetFormatException">A file is malformed, or images and labels disagree.</exception>
    public static DatasetSplits LoadFrom(MnistVariant variant, string folder) =>
        new(LoadTrain(variant, folder), LoadTest(variant, folder), Path.GetFullPath(folder));

    /// <summary>Loads the training set (<see cref="MnistFiles.TrainImages"/>, <see cref="MnistFiles.TrainLabels"/>) from <paramref name="folder"/>.</summary>
    /// <param name="variant">The set, for its name and classes.</param>
    /// <param name="folder">The folder holding the files, gzip or raw.</param>
    public static Dataset LoadTrain(MnistVariant variant, string folder) =>
        LoadSet(variant, folder, "train", MnistFiles.TrainImages, MnistFiles.TrainLabels);

    /// <summary>Loads the test set (<see cref="MnistFiles.TestImages"/>, <see cref="MnistFiles.TestLabels"/>) from <paramref name="folder"/>.</summary>
    /// <param name="variant">The set, for its name and classes.</param>
    /// <param name="folder">The folder holding the files, gzip or raw.</param>
    public static Dataset LoadTest(MnistVariant variant, string folder) =>
        LoadSet(variant, folder, "test", MnistFiles.TestImages, MnistFiles.TestLabels);

    private static Dataset LoadSet(MnistVariant variant, string folder, string half, string imagesName, string labelsName)
    {
        string imagesPath = Find(folder, imagesName), labelsPath = Find(folder, labelsName);
        Dataset set = Dataset.Load($"{variant.Name} {half}", imagesPath, labelsPath, variant.ClassCount);
        if (set.Rows != ImageSide || set.Columns != ImageSide)
            throw new DatasetFormatException(imagesPath,
                $"expected {variant.Name} images of {ImageSide}x{ImageSide}, found {set.Rows}x{set.Columns}", null);
        return set;
    }

    private static string Find(string folder, string name) =>
        DataLocation.FindFile(folder, name)
        ?? throw new FileNotFoundException(
            $"{Path.Combine(Path.GetFullPath(folder), name)} not found (nor {name[..^".gz".Length]} beside it).",
            Path.Combine(folder, name));
}
