using System;
using System.Numerics;

namespace LeNetGen;

/// <summary>Builds the prototype values of an RBF output layer, one row of <c>width</c> values per class.</summary>
public static class RbfPrototypeValues
{
    /// <summary>Mixed into the network's seed so the random codes do not repeat the weights' stream.</summary>
    private const ulong CodeStream = 0x5242465F434F4445UL; // "RBF_CODE"

    /// <summary>Writes the prototypes of <paramref name="classes"/> classes of <paramref name="width"/> values each.</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="kind">Where the prototypes come from.</param>
    /// <param name="classes">The number of classes; 10 for <see cref="RbfPrototypes.LeNet5Digits"/>.</param>
    /// <param name="width">The number of values per prototype; 84 for <see cref="RbfPrototypes.LeNet5Digits"/>.</param>
    /// <param name="seed">The network's seed, for <see cref="RbfPrototypes.RandomCodes"/>.</param>
    /// <param name="destination">Receives classes x width values.</param>
    public static void Fill<T>(RbfPrototypes kind, int classes, int width, ulong seed, Span<T> destination)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (destination.Length != classes * width)
            throw new ArgumentException($"Expected {classes * width} values ({classes} classes x {width}); got {destination.Length}.", nameof(destination));
        switch (kind)
        {
            case RbfPrototypes.LeNet5Digits:
                if (classes != DigitBitmaps.Count || width != DigitBitmaps.Size)
                    throw new ArgumentException($"LeNet-5's digit prototypes are {DigitBitmaps.Count} classes x {DigitBitmaps.Size} values; asked for {classes} x {width}.");
                DigitBitmaps.CopyTo(destination);
                break;
            case RbfPrototypes.RandomCodes:
                var random = new SeededRandom(seed ^ CodeStream);
                for (int i = 0; i < destination.Length; i++)
                    destination[i] = (random.NextUInt64() >> 63) == 0 ? T.NegativeOne : T.One;
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown prototype kind.");
        }
    }

    /// <summary>Creates the prototypes as a new array; see <see cref="Fill{T}"/>.</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="kind">Where the prototypes come from.</param>
    /// <param name="classes">The number of classes.</param>
    /// <param name="width">The number of values per prototype.</param>
    /// <param name="seed">The network's seed, for <see cref="RbfPrototypes.RandomCodes"/>.</param>
    public static T[] Create<T>(RbfPrototypes kind, int classes, int width, ulong seed) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var values = new T[classes * width];
        Fill<T>(kind, classes, width, seed, values);
        return values;
    }
}
