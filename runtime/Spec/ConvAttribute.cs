namespace LeNetGen;

/// <summary>A convolution layer: <c>maps</c> output maps, each the sum over its connected input maps of a kernel window, plus a bias.</summary>
[global::System.AttributeUsage(global::System.AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class ConvAttribute : global::System.Attribute
{
    /// <summary>Creates a convolution layer with <paramref name="maps"/> output maps.</summary>
    /// <param name="maps">The number of output maps (feature maps).</param>
    public ConvAttribute(int maps) => Maps = maps;

    /// <summary>The number of output maps.</summary>
    public int Maps { get; }

    /// <summary>The side of a square kernel, e.g. 5 for 5x5. Use <see cref="KernelHeight"/> and <see cref="KernelWidth"/> for a rectangular one.</summary>
    public int Kernel { get; set; }

    /// <summary>The kernel's height, when it differs from its width.</summary>
    public int KernelHeight { get; set; }

    /// <summary>The kernel's width, when it differs from its height.</summary>
    public int KernelWidth { get; set; }

    /// <summary>The step between neighbouring windows, in both directions; 1 by default.</summary>
    public int Stride { get; set; } = 1;

    /// <summary>Zeros added on each side of every input map; 0 by default.</summary>
    public int Padding { get; set; }

    /// <summary>
    /// A partial connection table, written like table 1 of LeCun et al. (1998): one line per input map, one character
    /// per output map, <c>X</c> where the output map reads that input map and <c>.</c> (or a space) where it does not.
    /// Lines are separated by newlines (a raw string literal reads like the paper's table) or by <c>/</c>.
    /// <see cref="ConnectionTables.LeNet5C3"/> is LeNet-5's C3 table. Unset: every output map reads every input map.
    /// </summary>
    public string? Connections { get; set; }

    /// <summary>The activation applied to each output; <see cref="Act.Identity"/> by default.</summary>
    public Act Activation { get; set; }

    /// <summary>How much of the loop nest is written out; <see cref="LeNetGen.Unroll.Auto"/> by default.</summary>
    public Unroll Unroll { get; set; }
}
