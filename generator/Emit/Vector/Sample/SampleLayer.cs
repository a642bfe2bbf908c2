using System.Collections.Generic;
using System.Linq;
using LeNetGen.Generator.Emit.Scalar;
using LeNetGen.Generator.Model;

namespace LeNetGen.Generator.Emit.Vector.Sample;

/// <summary>How the one-sample kernels run a layer.</summary>
internal enum SampleKind
{
    /// <summary>A convolution with stride 1 and no padding: output columns in vectors.</summary>
    Conv,

    /// <summary>A fully connected layer, the softmax head, or a convolution whose kernel covers its input: inputs in vectors.</summary>
    Dense,

    /// <summary>A pooling layer: its windows one by one, the activation and its derivative in vectors.</summary>
    Pool,

    /// <summary>The Euclidean RBF head: inputs in vectors.</summary>
    Rbf,

    /// <summary>Any other layer (strided or padded convolutions, padded pooling): the scalar backend's methods.</summary>
    Scalar,
}

/// <summary>
/// One layer as the one-sample vector kernels see it. They use the scalar backend's workspace layout (one sample's
/// sums, values and deltas at the plan's offsets), so for any layer either backend's method can run; the vector
/// kernels are written only where they pay, and the rest fall back to the scalar methods.
/// </summary>
internal sealed class SampleLayer
{
    /// <summary>Vector registers a convolution's column blocks may take at most: beyond that the scalar kernels run.</summary>
    public const int MaxColumnBlocks = 8;

    private readonly IReadOnlyList<VectorWidth> _allowed;

    private SampleLayer(ScalarLayer scalar, IReadOnlyList<VectorWidth> allowed)
    {
        Scalar = scalar;
        Plan = scalar.Plan;
        Previous = scalar.Previous;
        Kind = KindOf(Plan);
        _allowed = allowed;
    }

    /// <param name="allowed">The widths the build asks for, widest first: a layer's kernels are written for those of them that fit it.</param>
    public static List<SampleLayer> Of(ScalarPlan plan, IReadOnlyList<VectorWidth> allowed) =>
        ScalarLayer.Of(plan).Select(l => new SampleLayer(l, allowed)).ToList();

    public ScalarLayer Scalar { get; }

    public LayerPlan Plan { get; }

    public LayerPlan? Previous { get; }

    public SampleKind Kind { get; }

    public string Name => Plan.Name;

    public bool HasSeparateSums => LayerEmitting.HasSeparateSums(Plan);

    /// <summary>The workspace offset of the layer's sums (its values when it has no activation).</summary>
    public string Sums => (HasSeparateSums ? Naming.Sums(Plan) : Naming.Values(Plan)) + "Offset";

    public string Values => Naming.Values(Plan) + "Offset";

    public string Deltas => Naming.Deltas(Plan) + "Offset";

    /// <summary>Where the layer's input is: the previous layer's values, or null for the network's input.</summary>
    public string? InputOffset => Previous is null ? null : Naming.Values(Previous) + "Offset";

    /// <summary>Where the deltas of the layer's input go: the previous layer's deltas, or null (the input gradient).</summary>
    public string? InputDeltasOffset => Previous is null ? null : Naming.Deltas(Previous) + "Offset";

    public string WeightsOffset => Naming.Weights(Plan) + "Offset";

    public string BiasesOffset => Naming.Biases(Plan) + "Offset";

    /// <summary>The widths the layer's vector kernels are written for, widest first; empty for a scalar layer.</summary>
    public IReadOnlyList<VectorWidth> Widths(ElementSyntax e) => Kind switch
    {
        // A vector must fit in a row of output columns (the last block overlaps the one before), and the blocks in registers.
        // The backward pass's zero-padded plane of one output map's deltas lives on the stack, so it stays small.
        SampleKind.Conv => PlaneSize(Plan) > MaxPlane ? new List<VectorWidth>()
            : _allowed.Where(v => IsWide(v, e) || (v.Count(e) <= Plan.Out.Width && Blocks(Plan.In.Width, v.Count(e)) <= MaxColumnBlocks)).ToList(),
        // A vector must fit in the inputs (the last one overlaps, its repeated lanes masked off).
        SampleKind.Dense or SampleKind.Rbf => _allowed.Where(v => v.Count(e) <= Plan.In.Size).ToList(),
        // The windows are scalar; the vectors only apply the activation and its derivative.
        SampleKind.Pool => _allowed.ToList(),
        _ => new List<VectorWidth>(),
    };

    /// <summary>The most values the plane of one output map's padded deltas may have (64 KiB of float).</summary>
    public const int MaxPlane = 16384;

    /// <summary>The values of one output map's deltas zero-padded by the kernel's size less one on every side.</summary>
    public static long PlaneSize(LayerPlan p) => (long)(p.Out.Height + 2 * (p.KernelHeight - 1)) * (p.Out.Width + 2 * (p.KernelWidth - 1));

    /// <summary>
    /// Whether a convolution runs at <paramref name="width"/> on the wide grid (<see cref="SampleWideConvLayer"/>): when a
    /// vector is wider than the output's rows, so that row by row would leave lanes empty or not fit at all.
    /// </summary>
    public bool IsWide(VectorWidth width, ElementSyntax e) =>
        Kind == SampleKind.Conv && width.Count(e) > Plan.Out.Width && SampleWideConvLayer.Fits(Plan, width, e);

    /// <summary>The vectors a row of <paramref name="columns"/> takes at <paramref name="lanes"/> lanes a vector.</summary>
    public static int Blocks(int columns, int lanes) => (columns + lanes - 1) / lanes;

    /// <summary>The first column of each vector of a row: every <paramref name="lanes"/> columns, the last one moved back to end at the row's end.</summary>
    public static List<int> BlockStarts(int columns, int lanes)
    {
        int blocks = Blocks(columns, lanes);
        var starts = new List<int>(blocks);
        for (int b = 0; b < blocks - 1; b++) starts.Add(b * lanes);
        starts.Add(columns - lanes);
        return starts;
    }

    /// <summary>The lanes of the last vector that the one before already covers (0 when the row is a multiple of the lanes).</summary>
    public static int Overlap(int columns, int lanes) => (Blocks(columns, lanes) - 1) * lanes - (columns - lanes);

    private static SampleKind KindOf(LayerPlan p)
    {
        if (p.Kind is LayerKind.Dense or LayerKind.SoftmaxOutput) return SampleKind.Dense;
        if (p.Kind == LayerKind.RbfOutput) return SampleKind.Rbf;
        if (p.Kind == LayerKind.Pool) return p.Padding == 0 ? SampleKind.Pool : SampleKind.Scalar;
        if (p.Kind == LayerKind.Conv && p.Padding == 0)
        {
            if (!p.HasTable && p.KernelHeight == p.In.Height && p.KernelWidth == p.In.Width) return SampleKind.Dense;
            if (p.Stride == 1) return SampleKind.Conv;
        }
        return SampleKind.Scalar;
    }
}
