using System;
using System.Collections.Generic;

namespace LeNetGen.Reference;

/// <summary>
/// One layer of a <see cref="ReferenceNetwork"/>. Each kind computes its own output shape, lists its parameter blocks
/// in buffer order, and runs forward with plain loops over its own slice of the parameters. A backward pass belongs
/// beside each <see cref="Forward"/>, with the same arguments plus the gradients.
/// </summary>
public abstract record ReferenceLayer
{
    /// <summary>LeCun's label for the layer at 1-based <paramref name="position"/>: C3, S4, F6; "Output" for a head.</summary>
    public abstract string Label(int position);

    /// <summary>The shape this layer produces from <paramref name="input"/>; throws <see cref="ArgumentException"/> when it does not fit.</summary>
    public abstract Shape OutputShape(Shape input);

    /// <summary>The layer's parameter blocks, in buffer order: (kind, length).</summary>
    public abstract IReadOnlyList<(string Kind, int Length)> Blocks(Shape input);

    /// <summary>
    /// The fan-in of the unit each value of the first block (weights, coefficients) feeds, in buffer order: what
    /// LeCun's initialization divides by. Empty when the layer has no such block.
    /// </summary>
    public virtual int[] FanIns(Shape input) => [];

    /// <summary>Values the layer uses that are not trained (fixed RBF prototypes).</summary>
    public virtual int FixedValueCount => 0;

    /// <summary>The number of trainable parameters.</summary>
    public int ParameterCount(Shape input)
    {
        int count = 0;
        foreach (var (_, length) in Blocks(input)) count += length;
        return count;
    }

    /// <summary>Runs one sample forward: <paramref name="x"/> of shape <paramref name="input"/>, this layer's <paramref name="parameters"/>.</summary>
    /// <returns>The sums (before activation) and the values (after).</returns>
    public abstract (double[] Sums, double[] Values) Forward(Shape input, double[] x, ReadOnlySpan<double> parameters);

    /// <summary>Throws unless <paramref name="value"/> is at least <paramref name="minimum"/>.</summary>
    protected static void Require(int value, int minimum, string what)
    {
        if (value < minimum) throw new ArgumentException($"{what} must be at least {minimum}; it is {value}.");
    }
}
