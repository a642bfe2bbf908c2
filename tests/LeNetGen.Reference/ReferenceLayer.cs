using System;
using System.Collections.Generic;

namespace LeNetGen.Reference;

/// <summary>
/// One layer of a <see cref="ReferenceNetwork"/>. Each kind computes its own output shape, lists its parameter blocks
/// in buffer order, and runs forward, backward and the diagonal Gauss-Newton curvature pass with plain loops over its own
/// slice of the parameters. Backward and curvature start from the layer's sums (before activation): the network applies
/// the activation's derivative between layers.
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

    /// <summary>
    /// Runs one sample backward: from dE/d(sums) of this layer (<paramref name="sumGradients"/>), dE/d(every parameter
    /// of this layer), in buffer order, and dE/d(<paramref name="x"/>).
    /// </summary>
    public abstract (double[] ParameterGradients, double[] InputGradients) Backward(Shape input, double[] x, ReadOnlySpan<double> parameters,
        double[] sumGradients);

    /// <summary>
    /// The diagonal Gauss-Newton second backward pass (LeCun et al., 1998, appendix C): from d2E/d(sums)2 of this layer
    /// (<paramref name="sumCurvatures"/>), d2E/dw2 of every parameter of this layer and d2E/d(<paramref name="x"/>)2,
    /// f'' and off-diagonal terms dropped.
    /// </summary>
    public abstract (double[] ParameterCurvatures, double[] InputCurvatures) Curvature(Shape input, double[] x, ReadOnlySpan<double> parameters,
        double[] sumCurvatures);

    /// <summary>Throws unless <paramref name="value"/> is at least <paramref name="minimum"/>.</summary>
    protected static void Require(int value, int minimum, string what)
    {
        if (value < minimum) throw new ArgumentException($"{what} must be at least {minimum}; it is {value}.");
    }
}
