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

    [DoesNotReturn]
    private static void Throw(int actual, int expected, string what, string paramName) =>
        throw new ArgumentException($"Expected {expected} values ({what}); got {actual}.", paramName);
}
