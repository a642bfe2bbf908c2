using System;

namespace LeNetGen.Benchmarks;

/// <summary>Seeded random inputs for the benchmarks: speed does not depend on what the images show.</summary>
internal static class RandomImages
{
    /// <summary><paramref name="count"/> values uniform in [-0.42, 2.82], the range of MNIST pixels after mean/std normalization.</summary>
    public static float[] Values(int count, ulong seed)
    {
        var random = new SeededRandom(seed);
        var values = new float[count];
        for (int i = 0; i < count; i++) values[i] = (float)(-0.42 + 3.24 * random.NextDouble());
        return values;
    }

    /// <summary>A dataset of <paramref name="count"/> random 28x28 byte images with random labels 0-9.</summary>
    public static Dataset Dataset(int count, ulong seed)
    {
        var random = new SeededRandom(seed);
        var pixels = new byte[count * 28 * 28];
        var labels = new byte[count];
        for (int i = 0; i < pixels.Length; i++) pixels[i] = (byte)random.NextInt(256);
        for (int i = 0; i < labels.Length; i++) labels[i] = (byte)random.NextInt(10);
        return new Dataset("random", 28, 28, 10, pixels, labels);
    }
}
