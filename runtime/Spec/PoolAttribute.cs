namespace LeNetGen;

/// <summary>A pooling layer: each output is computed from one window of one input map; the number of maps is kept.</summary>
[global::System.AttributeUsage(global::System.AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class PoolAttribute : global::System.Attribute
{
    /// <summary>Creates a pooling layer.</summary>
    /// <param name="kind">Average, max, or LeNet-5's trainable subsampling.</param>
    /// <param name="window">The side of the square window, e.g. 2 for 2x2.</param>
    public PoolAttribute(PoolKind kind, int window)
    {
        Kind = kind;
        Window = window;
    }

    /// <summary>How the window is combined.</summary>
    public PoolKind Kind { get; }

    /// <summary>The side of the square window.</summary>
    public int Window { get; }

    /// <summary>The step between windows; by default the window's side, so windows tile the input without overlap.</summary>
    public int Stride { get; set; }

    /// <summary>The activation applied to each output; <see cref="Act.Identity"/> by default.</summary>
    public Act Activation { get; set; }

    /// <summary>How much of the loop nest is written out; <see cref="LeNetGen.Unroll.Auto"/> by default.</summary>
    public Unroll Unroll { get; set; }
}
