using LeNetGen.Generator.Model;

namespace LeNetGen.Generator.Emit.Vector;

/// <summary>
/// How tile kernels spell their operations for one width and element type: references with offsets into the tile and
/// the parameters (no bounds checks: lengths are checked once at the public entry), loads and stores of a vector of
/// lanes, broadcasts, fused multiply-adds and the activations. Every spelling uses global:: names.
/// </summary>
internal sealed class TileCode
{
    public const string Unsafe = "global::System.Runtime.CompilerServices.Unsafe";

    /// <summary>
    /// Kernels are compiled fully optimized at once: they loop over a whole tile, and a first tier without vector
    /// registers kept in place runs several times slower until the JIT replaces it. And each is compiled on its own:
    /// inlined into the pass that calls it (ForwardTile512 and the like, compiled in tiers), the small layers ran at half
    /// their speed there, in a frame of spilled vectors, with the activation out of line once the inlining budget was
    /// spent. The one-sample kernels use the same attribute.
    /// </summary>
    public const string Optimized = "[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization | global::System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]";

    public TileCode(VectorWidth width, ElementSyntax element, int tileSize)
    {
        Width = width;
        E = element;
        TileSize = tileSize;
    }

    public VectorWidth Width { get; }

    public ElementSyntax E { get; }

    /// <summary>The samples of a tile: the stride of one value in tile regions.</summary>
    public int TileSize { get; }

    /// <summary>The element type's keyword.</summary>
    public string T => E.Name;

    /// <summary>The vector type, e.g. global::System.Runtime.Intrinsics.Vector512&lt;float&gt;.</summary>
    public string V => Width.Api + "<" + E.Name + ">";

    /// <summary>Elements per vector.</summary>
    public int Count => Width.Count(E);

    /// <summary>Method name for this width: C1ForwardTile512.</summary>
    public string Method(string name) => name + Width.Suffix;

    /// <summary>"ref float name = ref Unsafe.Add(ref source, offset);"</summary>
    public string Ref(string name, string source, string offset) =>
        offset == "0" ? $"ref {T} {name} = ref {source};" : $"ref {T} {name} = ref {Unsafe}.Add(ref {source}, {offset});";

    /// <summary>The element at <paramref name="offset"/> of <paramref name="source"/>, as a readable and writable place.</summary>
    public string At(string source, string offset) => offset == "0" ? source : $"{Unsafe}.Add(ref {source}, {offset})";

    public string Load(string source, string offset) => $"{Width.Api}.LoadUnsafe(ref {source}, {Offset(offset)})";

    public string Store(string value, string destination, string offset) => $"{Width.Api}.StoreUnsafe({value}, ref {destination}, {Offset(offset)});";

    public string Splat(string value) => $"{Width.Api}.Create({value})";

    /// <summary>a x b + c, rounded once.</summary>
    public string Fma(string a, string b, string c) => $"{Width.Api}.FusedMultiplyAdd({a}, {b}, {c})";

    public string Sum(string vector) => $"{Width.Api}.Sum({vector})";

    public string Max(string a, string b) => $"{Width.Api}.Max({a}, {b})";

    public string Zero => V + ".Zero";

    /// <summary>The loop over the parts of a tile one vector covers (one part at 512 bits for float).</summary>
    public string LaneLoop => $"for (int lane = 0; lane < TileSize; lane += {V}.Count)";

    /// <summary>An activation applied to a vector of sums.</summary>
    public string Activate(Act activation, string sum) => activation switch
    {
        Act.Identity => sum,
        Act.Relu => Max(sum, Zero),
        Act.Tanh => $"global::LeNetGen.VectorActivations.Tanh({sum})",
        Act.ScaledTanh => $"global::LeNetGen.VectorActivations.ScaledTanh({sum})",
        _ => $"global::LeNetGen.VectorActivations.Sigmoid({sum})",
    };

    /// <summary>
    /// The activation's derivative as a vector expression of the outputs <paramref name="values"/> (relu: of the sums
    /// <paramref name="sums"/>), or null for identity. The same formulas as the scalar Activations' derivatives.
    /// </summary>
    public string? Derivative(Act activation, string values, string sums) => activation switch
    {
        Act.Identity => null,
        Act.Tanh => $"({V}.One - {values} * {values})",
        Act.ScaledTanh => $"{Splat(E.Literal(2.0 / 3.0))} * ({Splat(E.Literal(1.7159))} - {values} * {values} * {Splat(E.Literal(1.0 / 1.7159))})",
        Act.Relu => $"{Width.Api}.ConditionalSelect({Width.Api}.GreaterThan({sums}, {Zero}), {V}.One, {Zero})",
        _ => $"({values} * ({V}.One - {values}))",
    };

    private static string Offset(string offset)
    {
        foreach (char c in offset)
            if (c < '0' || c > '9') return "(nuint)(" + offset + ")";
        return offset;
    }
}
