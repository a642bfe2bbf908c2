using System.Collections.Generic;

namespace LeNetGen;

/// <summary>
/// A dataset in MNIST's format (<see cref="MnistFiles"/>: four IDX files, 28x28 images, 10 classes) and where to look for
/// it: <see cref="Mnist"/> or <see cref="FashionMnist"/>.
/// </summary>
public sealed class MnistVariant
{
    private MnistVariant(
        string name, string environmentVariable, string folderName, string? systemFolder,
        IReadOnlyList<string> classNames, IReadOnlyList<DataFile>? downloads, string howToGet)
    {
        Name = name;
        EnvironmentVariable = environmentVariable;
        FolderName = folderName;
        SystemFolder = systemFolder;
        ClassNames = classNames;
        Downloads = downloads;
        HowToGet = howToGet;
    }

    /// <summary>LeCun, Cortes and Burges' handwritten digits: 60,000 training and 10,000 test images, labels 0-9.</summary>
    public static MnistVariant Mnist { get; } = new(
        "MNIST", "LENETGEN_MNIST", "mnist", systemFolder: null,
        ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"],
        MnistFiles.Mnist,
        "download it with MnistDownloader (it fetches the four files from public mirrors and checks their SHA-256), or copy "
        + "the four files into one of the folders above or into a folder named by LENETGEN_MNIST");

    /// <summary>Zalando's Fashion-MNIST: the same format and sizes, 10 kinds of clothing.</summary>
    public static MnistVariant FashionMnist { get; } = new(
        "Fashion-MNIST", "LENETGEN_FASHION_MNIST", "fashion-mnist", "/usr/share/datasets/fashion-mnist",
        ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"],
        downloads: null,
        "on Debian or Ubuntu run `apt-get install dataset-fashion-mnist` (it installs into /usr/share/datasets/fashion-mnist), "
        + "or get the four files from https://github.com/zalandoresearch/fashion-mnist and put them into a folder named by "
        + "LENETGEN_FASHION_MNIST");

    /// <summary>The set's name, e.g. "MNIST".</summary>
    public string Name { get; }

    /// <summary>The environment variable that names the folder holding the files, e.g. <c>LENETGEN_MNIST</c>.</summary>
    public string EnvironmentVariable { get; }

    /// <summary>The folder's name under <c>data/</c> beside the program and under <c>shared/data/</c>, e.g. <c>mnist</c>.</summary>
    public string FolderName { get; }

    /// <summary>Where a system package installs the files, searched last; null if none does.</summary>
    public string? SystemFolder { get; }

    /// <summary>The classes' names, indexed by label.</summary>
    public IReadOnlyList<string> ClassNames { get; }

    /// <summary>The number of classes: 10.</summary>
    public int ClassCount => ClassNames.Count;

    /// <summary>The files <see cref="MnistDownloader"/> fetches and their checksums; null when downloading is not offered.</summary>
    public IReadOnlyList<DataFile>? Downloads { get; }

    /// <summary>How to get the files, for the message when they are not found.</summary>
    public string HowToGet { get; }

    /// <inheritdoc/>
    public override string ToString() => Name;
}
