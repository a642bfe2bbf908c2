using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace LeNetGen.Generator.Emit.Vector;

/// <summary>
/// A vector width the tile kernels are written for. Each network gets its kernels once per width the build asks for
/// (<see cref="Model.EmitOptions"/>: 512, 256 and 128 bits unless LeNetGenVectorWidths says otherwise); at run time the
/// widest one the processor accelerates runs (the JIT folds the IsHardwareAccelerated checks to constants), and the
/// narrower widths take a tile's lanes in parts.
/// </summary>
internal sealed class VectorWidth
{
    public static readonly VectorWidth Bits512 = new(512);
    public static readonly VectorWidth Bits256 = new(256);
    public static readonly VectorWidth Bits128 = new(128);

    /// <summary>The widths, widest first: the order of the run-time checks.</summary>
    public static readonly VectorWidth[] All = { Bits512, Bits256, Bits128 };

    /// <summary>The widths <paramref name="options"/> asks for, widest first.</summary>
    public static IReadOnlyList<VectorWidth> Of(Model.EmitOptions options) => All.Where(w => options.VectorBits.Contains(w.Bits)).ToList();

    private VectorWidth(int bits) => Bits = bits;

    public int Bits { get; }

    /// <summary>"512": the suffix of the methods written for this width.</summary>
    public string Suffix => Bits.ToString(CultureInfo.InvariantCulture);

    /// <summary>The static class of the width's operations, e.g. global::System.Runtime.Intrinsics.Vector512.</summary>
    public string Api => "global::System.Runtime.Intrinsics.Vector" + Suffix;

    /// <summary>Vector registers the kernels may plan for: 32 with AVX-512, 16 with AVX2 and on 128-bit machines.</summary>
    public int Registers => Bits == 512 ? 32 : 16;

    /// <summary>The elements of <paramref name="e"/> one vector holds.</summary>
    public int Count(ElementSyntax e) => Bits / 8 / (e.Name == "float" ? 4 : 8);
}
