using System;
using System.Numerics;

namespace LeNetGen;

/// <summary>
/// A small, fast, seedable generator (SplitMix64, Steele, Lea and Flood 2014) whose stream is fixed by this library, not
/// by the .NET version: the same seed gives the same initialization and the same shuffles everywhere. Its whole state is
/// <see cref="State"/>, so a checkpoint can save and restore it.
/// </summary>
public sealed class SeededRandom
{
    /// <summary>Creates a generator whose stream is determined by <paramref name="seed"/>.</summary>
    /// <param name="seed">Any value; 0 is fine.</param>
    public SeededRandom(ulong seed) => State = seed;

    /// <summary>The generator's whole state: set it to resume a saved stream.</summary>
    public ulong State { get; set; }

    /// <summary>The next 64 random bits.</summary>
    public ulong NextUInt64()
    {
        ulong z = State += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A uniform double in [0, 1), with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>A uniform integer in [0, <paramref name="bound"/>), without modulo bias.</summary>
    /// <param name="bound">The exclusive upper bound; positive.</param>
    public int NextInt(int bound)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bound);
        ulong range = (ulong)bound;
        ulong limit = ulong.MaxValue - ulong.MaxValue % range;
        ulong r;
        do r = NextUInt64(); while (r >= limit);
        return (int)(r % range);
    }

    /// <summary>Fills <paramref name="values"/> with uniform draws from [-<paramref name="limit"/>, +<paramref name="limit"/>).</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="values">The values to fill.</param>
    /// <param name="limit">The half-width of the interval.</param>
    public void FillUniform<T>(Span<T> values, double limit) where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int i = 0; i < values.Length; i++)
            values[i] = T.CreateTruncating((2.0 * NextDouble() - 1.0) * limit);
    }

    /// <summary>Shuffles <paramref name="values"/> in place (Fisher-Yates).</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="values">The values to shuffle.</param>
    public void Shuffle<T>(Span<T> values)
    {
        for (int i = values.Length - 1; i > 0; i--)
        {
            int j = NextInt(i + 1);
            (values[i], values[j]) = (values[j], values[i]);
        }
    }
}
