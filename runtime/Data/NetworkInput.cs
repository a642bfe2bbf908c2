using System;
using System.Numerics;

namespace LeNetGen;

/// <summary>
/// Where a dataset meets a network: the converted images must have the network's input shape (channels, height,
/// width). Images smaller than the input are padded to it, centered (MNIST's 28x28 digits in LeNet-5's 32x32 field);
/// the channels must be the same. A mismatch is refused with a message naming the network's shape and the dataset's.
/// </summary>
public static class NetworkInput
{
    /// <summary>Refuses <paramref name="data"/> unless its converted images have <typeparamref name="TNetwork"/>'s input shape.</summary>
    /// <typeparam name="TNetwork">The generated network.</typeparam>
    /// <typeparam name="T">Its element type.</typeparam>
    /// <param name="data">The images as the network would get them.</param>
    /// <param name="parameterName">The caller's name for <paramref name="data"/>, for the exception.</param>
    /// <exception cref="ArgumentException">The shapes differ; the message names both.</exception>
    public static void Require<TNetwork, T>(BatchConverter<T> data, string parameterName)
        where TNetwork : INetwork<TNetwork, T>
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(data, parameterName);
        if (data.InputChannels != TNetwork.InputMaps || data.InputRows != TNetwork.InputHeight || data.InputColumns != TNetwork.InputWidth)
            throw new ArgumentException(Mismatch<TNetwork, T>(data.Dataset, data), parameterName);
    }

    /// <summary>
    /// "network LeNet5 expects 1x32x32 input; dataset train-images has 3x32x32 images", with what the converter made of
    /// them when that is another shape, and the rule.
    /// </summary>
    internal static string Mismatch<TNetwork, T>(Dataset dataset, BatchConverter<T>? converter)
        where TNetwork : INetwork<TNetwork, T>
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        string element = typeof(T) == typeof(float) ? "float" : typeof(T) == typeof(double) ? "double" : typeof(T).Name;
        string converted = converter is not null && converter.InputShape != dataset.Shape ? $", converted to {converter.InputShape}" : "";
        return $"network {typeof(TNetwork).Name} expects {TNetwork.InputMaps}x{TNetwork.InputHeight}x{TNetwork.InputWidth} input; " +
            $"dataset {dataset.Name} has {dataset.Shape} images{converted} (the channels must be the network's; images " +
            "smaller than its input are padded to it, centered, as MNIST's 28x28 digits are to 32x32: make the converter " +
            $"with BatchConverter<{element}>.For<{typeof(TNetwork).Name}>)";
    }
}
