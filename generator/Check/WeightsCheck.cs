using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using LeNetGen.Generator.Diagnostics;
using LeNetGen.Generator.Emit.Scalar;
using LeNetGen.Generator.Model;
using LeNetGen.Generator.Parse;
using D = LeNetGen.Generator.Diagnostics.DiagnosticDescriptors;

namespace LeNetGen.Generator.Check;

/// <summary>
/// Judges whether the checkpoint a spec names (Weights, "weights") fits its checked network, as the runtime's loader
/// would: the file must be among the additional files, be a whole, valid checkpoint, and hold this network's element
/// type, spec fingerprint and parameter count, all finite. The header's verdicts come first, as the runtime's do, so
/// another network's file is named as such whatever else is wrong with it. Every diagnostic is located at the name of
/// the file in the spec. Pure and total.
/// </summary>
internal static class WeightsCheck
{
    public static WeightsResult Run(ScheduleResult scheduled, EquatableArray<ParsedCheckpoint> checkpoints)
    {
        var result = new WeightsResult(scheduled.Plan, null, scheduled.Diagnostics)
        {
            Location = scheduled.Location,
            NetworkLocation = scheduled.NetworkLocation,
            LayerLocations = scheduled.LayerLocations,
        };
        if (scheduled.Plan is not ScalarPlan scalar || scalar.Network.Weights is not string name) return result;

        NetworkPlan plan = scalar.Network;
        LocationInfo? at = scheduled.WeightsLocation ?? scheduled.Location;
        DiagnosticInfo? problem = Judge(plan, name, at, checkpoints, out BakedWeights? weights);
        if (problem is null) return result with { Weights = weights };
        return result with { Plan = null, Diagnostics = scheduled.Diagnostics.Concat(new[] { problem }).ToEquatableArray() };
    }

    private static DiagnosticInfo? Judge(NetworkPlan plan, string name, LocationInfo? at, EquatableArray<ParsedCheckpoint> checkpoints, out BakedWeights? weights)
    {
        weights = null;
        string wanted = WeightsName.Normalize(name);
        if (wanted.Length == 0)
            return DiagnosticInfo.Create(D.WeightsFileNotFound, at, plan.ClassName, "Weights names no file", "lenet5.lngckpt");

        var matches = checkpoints.Where(c => WeightsName.Matches(c.Path, name)).ToList();
        if (matches.Count == 0)
            return DiagnosticInfo.Create(D.WeightsFileNotFound, at, plan.ClassName,
                "no additional file named '" + wanted + "' was given to the compiler", wanted);
        if (matches.Count > 1)
            return DiagnosticInfo.Create(D.WeightsFileAmbiguous, at, plan.ClassName, wanted, N(matches.Count),
                string.Join(", ", matches.Select(m => m.Path).OrderBy(p => p, System.StringComparer.Ordinal)));

        ParsedCheckpoint file = matches[0];
        string fileName = ShapeChecker.FileName(file.Path);
        if (!file.HeaderValid) return Fault(plan, file, fileName, at);

        int elementSize = plan.Element == ElementType.Double ? 8 : 4;
        if (file.ElementSize != elementSize && file.ElementSize is 4 or 8)
            return DiagnosticInfo.Create(D.WeightsElementType, at, plan.ClassName, fileName, ElementName(file.ElementSize),
                ElementName(elementSize), file.ElementSize == 8 ? "ElementType.Double" : "ElementType.Float");
        if (file.Fingerprint != plan.Fingerprint)
            return DiagnosticInfo.Create(D.WeightsOfAnotherNetwork, at, plan.ClassName, fileName,
                file.Fingerprint.ToString("X16", CultureInfo.InvariantCulture), plan.Fingerprint.ToString("X16", CultureInfo.InvariantCulture));
        if (file.ParameterCount != plan.ParameterCount)
            return DiagnosticInfo.Create(D.WeightsParameterCount, at, plan.ClassName, fileName, N(file.ParameterCount), N(plan.ParameterCount));
        if (file.Fault != CheckpointFault.None) return Fault(plan, file, fileName, at);

        weights = new BakedWeights(wanted, file.Parameters);
        return null;
    }

    private static DiagnosticInfo Fault(NetworkPlan plan, ParsedCheckpoint file, string fileName, LocationInfo? at) => file.Fault switch
    {
        CheckpointFault.Truncated => DiagnosticInfo.Create(D.WeightsFileTruncated, at, plan.ClassName, fileName, file.Detail),
        CheckpointFault.NonFiniteParameters => DiagnosticInfo.Create(D.WeightsNotFinite, at, plan.ClassName, fileName, file.Detail),
        _ => DiagnosticInfo.Create(D.WeightsFileInvalid, at, plan.ClassName, fileName, file.Detail),
    };

    private static string ElementName(int size) => size == 8 ? "double" : "float";

    private static string N(long value) => value.ToString(CultureInfo.InvariantCulture);
}
