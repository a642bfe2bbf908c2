using LeNetGen.Runtime.Tests.Data;

namespace LeNetGen.Runtime.Tests.Training;

/// <summary>Small slices of real MNIST for training tests: the first images of the training set.</summary>
internal static class TrainingData
{
    public static BatchConverter<T> First<T>(int count, ImageNormalization normalization) where T : unmanaged, System.Numerics.IFloatingPointIeee754<T> =>
        new(RealData.Mnist.Train.First(count), normalization);

    public static BatchConverter<T> Test<T>(ImageNormalization normalization) where T : unmanaged, System.Numerics.IFloatingPointIeee754<T> =>
        new(RealData.Mnist.Test, normalization);
}
