using LeNetGen.Generator.Diagnostics;
using LeNetGen.Generator.Model;

namespace LeNetGen.Generator.Check;

/// <summary>
/// The checker's verdict: a plan when the spec has no error, and every diagnostic found (front end and checker). A
/// backend's schedule step reports on the plan too, so the result also says where the spec is and, for each layer of
/// the plan, where its unroll depth was written (the layer's own location when it was not). These locations stay out
/// of the plan, which must not change when the spec merely moves.
/// </summary>
internal sealed record CheckResult(NetworkPlan? Plan, EquatableArray<DiagnosticInfo> Diagnostics)
{
    /// <summary>Where the network is declared.</summary>
    public LocationInfo? Location { get; init; }

    /// <summary>For each layer of <see cref="Plan"/>, in order: where its unroll depth (or the layer) is written.</summary>
    public EquatableArray<LocationInfo?> UnrollLocations { get; init; } = EquatableArray<LocationInfo?>.Empty;

    /// <summary>For each layer of <see cref="Plan"/>, in order: the layer (its attribute or JSON object).</summary>
    public EquatableArray<LocationInfo?> LayerLocations { get; init; } = EquatableArray<LocationInfo?>.Empty;

    /// <summary>The network's declaration as a whole: the [Network] attribute, or for JSON <see cref="Location"/>.</summary>
    public LocationInfo? NetworkLocation { get; init; }
}
