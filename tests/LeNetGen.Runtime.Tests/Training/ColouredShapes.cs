using System;

namespace LeNetGen.Runtime.Tests.Training;

/// <summary>
/// A synthetic colour task in place of CIFAR-10, which cannot be downloaded here: 3x32x32 byte images, each a shape of
/// random size and place drawn into one colour channel over noise in all three. The class is both what and where in
/// colour: 3 x shape (0 filled square, 1 plus sign, 2 hollow square) + channel (0 red, 1 green, 2 blue), and class 9 a
/// filled square in all three channels (white). Neither the colour alone nor the shape alone tells the class, so a
/// network must use the channels separately and see the shapes to learn it. Drawn from a seed, the same on every run.
/// </summary>
internal static class ColouredShapes
{
    public const int Side = 32, Channels = 3, Classes = 10;

    /// <summary><paramref name="count"/> images, the classes in turn (so each has count / 10), from <paramref name="seed"/>.</summary>
    public static Dataset Make(string name, int count, ulong seed)
    {
        var random = new SeededRandom(seed);
        const int plane = Side * Side;
        var pixels = new byte[count * Channels * plane];
        var labels = new byte[count];
        for (int i = 0; i < count; i++)
        {
            int label = i % Classes;
            labels[i] = (byte)label;
            Span<byte> image = pixels.AsSpan(i * Channels * plane, Channels * plane);
            for (int k = 0; k < image.Length; k++) image[k] = (byte)random.NextInt(70); // noise in every channel

            int shape = label == 9 ? 0 : label / 3;
            int size = 9 + random.NextInt(8); // 9 to 16 pixels a side
            int top = 1 + random.NextInt(Side - size - 1), left = 1 + random.NextInt(Side - size - 1);
            int ink = 170 + random.NextInt(86);
            for (int channel = 0; channel < Channels; channel++)
            {
                if (label != 9 && channel != label % 3) continue;
                Span<byte> map = image.Slice(channel * plane, plane);
                for (int r = 0; r < size; r++)
                    for (int c = 0; c < size; c++)
                        if (Covers(shape, size, r, c)) map[(top + r) * Side + left + c] = (byte)Math.Min(255, map[(top + r) * Side + left + c] + ink);
            }
        }
        return new Dataset(name, Channels, Side, Side, Classes, pixels, labels);
    }

    /// <summary>Whether (r, c) of a <paramref name="size"/>-pixel box belongs to the shape.</summary>
    private static bool Covers(int shape, int size, int r, int c) => shape switch
    {
        0 => true,                                                                          // filled square
        1 => Math.Abs(2 * r - (size - 1)) <= 3 || Math.Abs(2 * c - (size - 1)) <= 3,        // plus: bars 3-4 pixels thick
        _ => r < 2 || c < 2 || r >= size - 2 || c >= size - 2,                              // hollow square: 2-pixel border
    };
}
