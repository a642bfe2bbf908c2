using System;
using System.Diagnostics.CodeAnalysis;

namespace LeNetGen;

/// <summary>Checks the lengths of the spans handed to generated code, with messages that name the expected size.</summary>
public static class LengthGuard
{
    /// <summary>Throws <see cref="ArgumentException"/> unless <paramref name="actual"/> equals <paramref name="expected"/>.</summary>
    /// <param name="actual">The span's length.</param>
    /// <param name="expected">The length the network needs.</param>
    /// <param name="what">What the span holds, e.g. "input (1x32x32)".</param>
    /// <param name="paramName">The parameter's name.</param>
    public static void Require(int actual, int expected, string what, string paramName)
    {
        if (actual != expected) Throw(actual, expected, what, paramName);
    }

    /// <summary>
    /// Throws <see cref="ArgumentException"/> unless <paramref name="actual"/> is a positive multiple of <paramref name="unit"/>
    /// that holds <paramref name="count"/> items.
    /// </summary>
    /// <param name="actual">The span's length.</param>
    /// <param name="unit">The length of one sample.</param>
    /// <param name="count">The number of samples expected.</param>
    /// <param name="what">What one sample is, e.g. "input (1x32x32)".</param>
    /// <param name="paramName">The parameter's name.</param>
    public static void RequireBatch(int actual, int unit, int count, string what, string paramName)
    {
        if (actual != unit * count)
            throw new ArgumentException(
                $"Expected {count} x {unit} = {unit * count} values ({count} samples of {what}); got {actual}.", paramName);
    }

    /// <summary>
    /// Throws <see cref="ArgumentException"/> unless <paramref name="actual"/> holds between 1 and <paramref name="tileSize"/>
    /// samples of <paramref name="unit"/> values; returns how many it holds.
    /// </summary>
    /// <param name="actual">The span's length.</param>
    /// <param name="unit">The length of one sample.</param>
    /// <param name="tileSize">The most samples a tile holds.</param>
    /// <param name="what">What one sample is, e.g. "input (1x32x32)".</param>
    /// <param name="paramName">The parameter's name.</param>
    public static int RequireTile(int actual, int unit, int tileSize, string what, string paramName)
    {
        int count = actual / unit;
        if (count < 1 || count > tileSize || actual != count * unit)
            throw new ArgumentException(
                $"Expected 1 to {tileSize} samples of {unit} values ({what}) one after another; got {actual} values.", paramName);
        return count;
    }

    [DoesNotReturn]
    private static void Throw(int actual, int expected, string what, string paramName) =>
        throw new ArgumentException($"Expected {expected} values ({what}); got {actual}.", paramName);
}
