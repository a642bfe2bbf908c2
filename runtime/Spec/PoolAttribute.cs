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

    /// <summary>
    /// PyTorch's <c>ceil_mode</c>: the output has ceil((H - window) / stride) + 1 positions instead of the floor of
    /// the division, so the last windows reach past the input's end and are clipped to it (one fewer when the last
    /// window would start at or past the end, so every window reads input). Average pooling divides a clipped window by
    /// the cells it covers, as PyTorch does. For <see cref="PoolKind.Average"/> and <see cref="PoolKind.Max"/> only;
    /// false (the floor rule) by default.
    /// </summary>
    public bool CeilMode { get; set; }

    /// <summary>The activation applied to each output; <see cref="Act.Identity"/> by default.</summary>
    public Act Activation { get; set; }

    /// <summary>How much of the loop nest is written out; <see cref="LeNetGen.Unroll.Auto"/> by default.</summary>
    public Unroll Unroll { get; set; }
}
