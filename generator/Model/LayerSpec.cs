namespace LeNetGen.Generator.Model;

/// <summary>
/// One layer as the user wrote it, before any checking: values exactly as given (possibly zero, negative or
/// inconsistent) with the location of each, so the checker can point at the offending argument or JSON token. Both
/// front ends produce this; nothing here is computed.
/// </summary>
internal sealed record LayerSpec
{
    public LayerKind Kind { get; init; }

    /// <summary>
    /// The layer's 1-based position as written (its place in the attribute list or the JSON array), which messages use
    /// even when the front end had to drop an unreadable layer before it.
    /// </summary>
    public int Position { get; init; }

    /// <summary>The whole layer: the attribute, or the layer's JSON object.</summary>
    public LocationInfo? Location { get; init; }

    /// <summary>Output maps (conv), units (dense) or classes (heads); unused for pooling.</summary>
    public int Count { get; init; }
    public LocationInfo? CountLocation { get; init; }

    /// <summary>Conv kernel; 0 where not given.</summary>
    public int KernelHeight { get; init; }
    public int KernelWidth { get; init; }
    public LocationInfo? KernelLocation { get; init; }

    /// <summary>Conv stride (default 1); pool stride (0: the window).</summary>
    public int Stride { get; init; }
    public LocationInfo? StrideLocation { get; init; }

    public int Padding { get; init; }
    public LocationInfo? PaddingLocation { get; init; }

    /// <summary>Conv only; null: every output map reads every input map.</summary>
    public ConnectionTableSpec? Connections { get; init; }

    public PoolKind PoolKind { get; init; }
    public LocationInfo? PoolKindLocation { get; init; }
    public int Window { get; init; }
    public LocationInfo? WindowLocation { get; init; }

    /// <summary>Pool only: PyTorch's ceil mode (the last windows clipped to the input) instead of the floor rule.</summary>
    public bool CeilMode { get; init; }
    public LocationInfo? CeilModeLocation { get; init; }

    public Act Activation { get; init; }
    public LocationInfo? ActivationLocation { get; init; }

    public Unroll Unroll { get; init; }
    public LocationInfo? UnrollLocation { get; init; }

    public RbfPrototypes Prototypes { get; init; }
    public LocationInfo? PrototypesLocation { get; init; }
    public bool TrainablePrototypes { get; init; }
}

/// <summary>
/// A connection table as written: one row per input map, one character per output map. <see cref="PresetName"/> is set
/// when the table came from a named preset (e.g. LeNet5C3).
/// </summary>
internal sealed record ConnectionTableSpec(
    EquatableArray<string> Rows,
    EquatableArray<LocationInfo?> RowLocations,
    LocationInfo? Location,
    string? PresetName);
