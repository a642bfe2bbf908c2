namespace LeNetGen;

/// <summary>A set's training and test halves, and where they were read from.</summary>
/// <param name="Train">The training set (60,000 images for MNIST).</param>
/// <param name="Test">The test set (10,000 images for MNIST).</param>
/// <param name="Folder">The folder the files came from.</param>
public sealed record DatasetSplits(Dataset Train, Dataset Test, string Folder);
