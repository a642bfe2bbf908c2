namespace LeNetGen.Generator.Model;

/// <summary>
/// A checked network: every shape, offset, length and loop bound the emitter writes, computed once by the
/// <see cref="Check.ShapeChecker"/>. The emitter only formats these numbers; it never derives one.
/// Contract: immutable and structurally equal all the way down, and free of locations, so moving or reformatting the
/// spec in source leaves the plan equal and the generated file cached.
/// </summary>
internal sealed record NetworkPlan
{
    public string Namespace { get; init; } = "";
    public string ClassName { get; init; } = "";
    public EquatableArray<string> ContainingTypes { get; init; } = EquatableArray<string>.Empty;

    /// <summary>The class's full name, containing types included.</summary>
    public string FullName { get; init; } = "";

    /// <summary>The generated file's hint name: "{Namespace}.{Class}.g.cs".</summary>
    public string HintName { get; init; } = "";

    /// <summary>Where the spec came from, for the class's documentation: "attributes" or the JSON file's name.</summary>
    public string SourceDescription { get; init; } = "";

    public ElementType Element { get; init; }
    public ulong Seed { get; init; }
    public Init Init { get; init; }
    public Shape Input { get; init; }
    public EquatableArray<LayerPlan> Layers { get; init; } = EquatableArray<LayerPlan>.Empty;

    public int ParameterCount { get; init; }
    public int FixedValueCount { get; init; }
    public int WorkspaceSize { get; init; }
    public int OutputSize { get; init; }
    public LayerKind Head { get; init; }
    public long ConnectionCount { get; init; }

    /// <summary>The shape table, as in Keras' model.summary(); lines separated by '\n'.</summary>
    public string Summary { get; init; } = "";

    /// <summary>A hash of everything that decides the parameter layout and the arithmetic; checkpoints carry it.</summary>
    public ulong Fingerprint { get; init; }

    /// <summary>The checkpoint to compile into the network, as the spec names it; null when none.</summary>
    public string? Weights { get; init; }
}

/// <summary>One checked layer. Offsets are into the parameter buffer (weights) or the workspace (activations).</summary>
internal sealed record LayerPlan
{
    /// <summary>1-based position, as in "layer 3".</summary>
    public int Position { get; init; }

    /// <summary>LeCun's label: kind letter and position (C1, S2, C3, S4, C5, F6), "Output" for the head.</summary>
    public string Name { get; init; } = "";

    /// <summary>How diagnostics and the summary describe the layer, e.g. "conv 6@5x5".</summary>
    public string Description { get; init; } = "";

    public LayerKind Kind { get; init; }
    public Shape In { get; init; }
    public Shape Out { get; init; }
    public Act Activation { get; init; }

    public int KernelHeight { get; init; }
    public int KernelWidth { get; init; }
    public int Stride { get; init; }
    public int Padding { get; init; }
    public PoolKind PoolKind { get; init; }
    public int Window { get; init; }

    /// <summary>Pooling in ceil mode (the last windows may be clipped to the input; see <see cref="RowBands"/>).</summary>
    public bool CeilMode { get; init; }

    /// <summary>
    /// Pooling: the output rows in runs whose windows have the same height (one run of all rows with the window's
    /// height, or in ceil mode a last row whose window is clipped to the input); empty for other kinds.
    /// </summary>
    public EquatableArray<PoolBand> RowBands { get; init; } = EquatableArray<PoolBand>.Empty;

    /// <summary>Pooling: the output columns in runs whose windows have the same width, as <see cref="RowBands"/>.</summary>
    public EquatableArray<PoolBand> ColumnBands { get; init; } = EquatableArray<PoolBand>.Empty;

    /// <summary>Conv with a connection table: for each output map, the input maps it reads, ascending. Empty: full.</summary>
    public EquatableArray<EquatableArray<int>> Table { get; init; } = EquatableArray<EquatableArray<int>>.Empty;

    /// <summary>For each output map, where its weights start relative to <see cref="WeightOffset"/> (tables only).</summary>
    public EquatableArray<int> MapWeightStarts { get; init; } = EquatableArray<int>.Empty;

    public bool HasTable => Table.Count > 0;

    /// <summary>How the weights (coefficients, prototypes) lie in their block; the parameter buffer's canonical layout.</summary>
    public WeightLayout Weights { get; init; }

    /// <summary>Where output map (unit, class) <paramref name="map"/>'s weights start relative to <see cref="WeightOffset"/>.</summary>
    public int MapWeightStart(int map) => HasTable ? MapWeightStarts[map] : map * Weights.MapStride;

    /// <summary>Weights (conv, dense, softmax), coefficients (subsampling) or trainable prototypes (RBF).</summary>
    public int WeightOffset { get; init; }
    public int WeightLength { get; init; }
    public int BiasOffset { get; init; }
    public int BiasLength { get; init; }
    public int ParameterCount => WeightLength + BiasLength;

    /// <summary>How the weights are drawn: runs of equal limit, in parameter-buffer order.</summary>
    public EquatableArray<InitRun> InitRuns { get; init; } = EquatableArray<InitRun>.Empty;

    /// <summary>Workspace offsets of the weighted sums (before activation) and the outputs; equal for identity.</summary>
    public int SumsOffset { get; init; }
    public int ValuesOffset { get; init; }

    /// <summary>Workspace offset of the zero-padded copy of the input (conv with padding only; else -1).</summary>
    public int PaddedOffset { get; init; } = -1;

    /// <summary>
    /// Workspace offset of the layer's deltas: in the backward pass dE/d(output), turned in place into dE/d(sums); in
    /// the curvature pass the same for second derivatives.
    /// </summary>
    public int DeltasOffset { get; init; }

    /// <summary>Workspace offset of the deltas of the padded input (conv with padding only; else -1).</summary>
    public int PaddedDeltasOffset { get; init; } = -1;

    /// <summary>The input as the kernel reads it: padded when <see cref="Padding"/> is set.</summary>
    public Shape PaddedIn => new(In.Maps, In.Height + 2 * Padding, In.Width + 2 * Padding);

    /// <summary>The unroll depth the spec asks for (Auto when it does not say); a backend's schedule decides the depth it writes.</summary>
    public Unroll Unroll { get; init; }

    /// <summary>Multiply-adds (or comparisons) per sample, as in the paper's "connections".</summary>
    public long Connections { get; init; }

    public RbfPrototypes Prototypes { get; init; }
    public bool TrainablePrototypes { get; init; }

    /// <summary>Fixed (non-trainable) values: the RBF prototypes when they are not trained.</summary>
    public int FixedValueCount { get; init; }
}

/// <summary>
/// A layer's weight layout, as strides in its weight block: weight (output map m, j-th input map it reads, kernel row
/// ky, column kx) is at <see cref="LayerPlan.MapWeightStart"/>(m) + j x <see cref="InputMapStride"/> + ky x
/// <see cref="RowStride"/> + kx. Convolutions: [map][input map][ky][kx] (with a table, each map's connected input maps
/// only, so <see cref="MapStride"/> is not used); dense, softmax and RBF: [unit][input] over the flattened input (one
/// "input map" of the whole input, one row); subsampling: one coefficient per map.
/// </summary>
internal readonly record struct WeightLayout(int MapStride, int InputMapStride, int RowStride);

/// <summary>A run of weights initialized uniformly in [-Limit, +Limit].</summary>
internal readonly record struct InitRun(int Offset, int Length, double Limit, string Comment);
