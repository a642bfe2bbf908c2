namespace LeNetGen;

/// <summary>A fully connected layer. A convolution or pooling output before it is flattened (map, row, column order).</summary>
[global::System.AttributeUsage(global::System.AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class DenseAttribute : global::System.Attribute
{
    /// <summary>Creates a fully connected layer of <paramref name="units"/> units.</summary>
    /// <param name="units">The number of output units.</param>
    public DenseAttribute(int units) => Units = units;

    /// <summary>The number of output units.</summary>
    public int Units { get; }

    /// <summary>The activation applied to each output; <see cref="Act.Identity"/> by default.</summary>
    public Act Activation { get; set; }

    /// <summary>How much of the loop nest is written out; <see cref="LeNetGen.Unroll.Auto"/> by default.</summary>
    public Unroll Unroll { get; set; }
}
