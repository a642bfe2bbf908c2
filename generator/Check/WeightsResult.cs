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
    /// <summary>Where the network is declared: where LNG0303 goes when its generated source is too large.</summary>
    public LocationInfo? Location { get; init; }
}
