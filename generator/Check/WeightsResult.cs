using LeNetGen.Generator.Diagnostics;
using LeNetGen.Generator.Emit.Scalar;
using LeNetGen.Generator.Model;

namespace LeNetGen.Generator.Check;

/// <summary>
/// The weights step's verdict on a scheduled network: the plan unless an error was found (its own or an earlier one),
/// the weights to bake into it when its spec names a checkpoint that fits, and every diagnostic so far.
/// </summary>
internal sealed record WeightsResult(ScalarPlan? Plan, BakedWeights? Weights, EquatableArray<DiagnosticInfo> Diagnostics)
{
    /// <summary>Where the network is declared (its name).</summary>
    public LocationInfo? Location { get; init; }

    /// <summary>Where LNG0303 goes when no one layer makes the generated source too large.</summary>
    public LocationInfo? NetworkLocation { get; init; }

    /// <summary>For each layer of the plan: the layer, where LNG0303 goes when that layer writes most of the source.</summary>
    public EquatableArray<LocationInfo?> LayerLocations { get; init; } = EquatableArray<LocationInfo?>.Empty;
}
