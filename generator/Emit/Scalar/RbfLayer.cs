using System.Collections.Generic;
using LeNetGen.Generator.Model;
using static LeNetGen.Generator.Emit.Scalar.ScalarCode;

namespace LeNetGen.Generator.Emit.Scalar;

/// <summary>
/// The Euclidean RBF output layer's methods: y_k = sum_i (x_i - w_ki)^2, the squared distance of the input to each
/// class's prototype. Fixed prototypes are read from a static table built once from the runtime's values; trainable
/// ones are a block of the parameters. Backward: dE/dx_i = sum_k dE/dy_k 2 (x_i - w_ki), and trainable prototypes get
/// the opposite. The curvature pass adds, for each unit, its Gauss-Newton term d2E/dy_k2 (2 (x_i - w_ki))^2 and its own
/// second derivative 2 weighted by headWeights (LeNet-5's criterion keeps the correct class's: d2y_D/dx_j2 = 2). Fixed
/// prototypes get nothing.
/// </summary>
internal sealed class RbfLayer : ScalarLayer
{
    public RbfLayer(LayerPlan plan, LayerSchedule schedule, LayerPlan? previous) : base(plan, schedule, previous) { }

    /// <summary>Fixed prototypes live in a static table, not in the parameter buffer.</summary>
    protected override bool ReadsParameters => Plan.TrainablePrototypes;

    /// <summary>The head's backward method reads its input, its prototypes and its deltas (and, for the curvature, the
    /// head weights), and accumulates into the gradients (curvatures) only when the prototypes are trained.</summary>
    protected override IEnumerable<MethodParameter> BackwardParameters(ElementSyntax e, BackwardPass pass)
    {
        yield return new(e.ReadOnlySpan, "input", InputSlice);
        if (ReadsParameters) yield return new(e.ReadOnlySpan, "parameters", "parameters");
        yield return new(e.ReadOnlySpan, "deltas", Slice(Naming.Deltas(Plan)));
        if (pass.IsCurvature) yield return new(e.ReadOnlySpan, "headWeights", "headWeights");
        if (ReadsParameters) yield return new(e.Span, pass.Accumulator, pass.Accumulator);
        yield return new(e.Span, "inputDeltas", InputDeltasSlice(pass));
    }

    public override void WriteForward(SourceWriter w, ElementSyntax e)
    {
        LayerPlan layer = Plan;
        int width = layer.In.Size, classes = layer.Out.Maps;
        string source = layer.TrainablePrototypes
            ? $"trainable, at {Naming.Weights(layer)}Offset"
            : $"fixed, in {Naming.FixedPrototypes}";
        var legend = new List<string>
        {
            $"input       {width}",
            $"prototypes  ({classes}, {width}), {source}",
            $"output      {classes} penalties: the smaller, the likelier the class",
            "unroll      " + (Depth switch
            {
                Unroll.Full or Unroll.Maps => $"Maps: every class's {width} squared differences written out",
                Unroll.Kernel => $"Kernel: one class's {width} squared differences written out; a loop over the {classes} classes",
                _ => "Window: loops over classes and inputs",
            }),
        };
        using (OpenForward(w, e, $"Euclidean RBF units {width} -> {classes}", legend))
        {
            w.Line(layer.TrainablePrototypes
                ? $"{e.ReadOnlySpan} prototypes = parameters.Slice({Naming.Weights(layer)}Offset, {Naming.Weights(layer)}Length);"
                : $"{e.ReadOnlySpan} prototypes = {Naming.FixedPrototypes};");
            switch (Depth)
            {
                case Unroll.Full:
                case Unroll.Maps:
                    w.Line($"{e.Name} s, d;");
                    for (int k = 0; k < classes; k++)
                    {
                        w.Line($"// class {k}");
                        w.Line($"s = 0;");
                        for (int i = 0; i < width; i++)
                            w.Line($"d = input[{i}] - prototypes[{Naming.Int((long)layer.MapWeightStart(k) + i)}]; s += d * d;");
                        Store(w, layer, Naming.Int(k), "s");
                    }
                    break;
                case Unroll.Kernel:
                    using (w.Block($"for (int k = 0; k < {classes}; k++)"))
                    {
                        w.Line($"{e.ReadOnlySpan} prototype = prototypes.Slice(k * {layer.Weights.MapStride}, {width});");
                        w.Line($"{e.Name} s = 0, d;");
                        for (int i = 0; i < width; i++)
                            w.Line($"d = input[{i}] - prototype[{i}]; s += d * d;");
                        Store(w, layer, "k", "s");
                    }
                    break;
                default:
                    using (w.Block($"for (int k = 0; k < {classes}; k++)"))
                    {
                        w.Line($"{e.ReadOnlySpan} prototype = prototypes.Slice(k * {layer.Weights.MapStride}, {width});");
                        w.Line($"{e.Name} s = 0;");
                        using (w.Block($"for (int i = 0; i < {width}; i++)"))
                        {
                            w.Line($"{e.Name} d = input[i] - prototype[i];");
                            w.Line("s += d * d;");
                        }
                        Store(w, layer, "k", "s");
                    }
                    break;
            }
        }
    }

    public override void WriteBackward(SourceWriter w, ElementSyntax e, BackwardPass pass)
    {
        LayerPlan layer = Plan;
        int width = layer.In.Size;
        bool trainable = layer.TrainablePrototypes;
        List<(string Suffix, List<int> Maps)> groups = MapGroups();
        string inputsMethod = layer.Name + "Input" + pass.Plural, prototypesMethod = layer.Name + "Prototype" + pass.Plural;
        string prototypes = trainable
            ? $"parameters.Slice({Naming.Weights(layer)}Offset, {Naming.Weights(layer)}Length)"
            : Naming.FixedPrototypes;
        string weights = pass.IsCurvature ? ", headWeights" : "";

        int classes = layer.Out.Maps;
        var legend = new List<string>
        {
            $"input        ({width})",
            $"prototypes   ({classes}, {width}), " + (trainable ? $"trainable, at {Naming.Weights(layer)}Offset" : $"fixed, in {Naming.FixedPrototypes}"),
            $"deltas       ({classes}): {(pass.IsCurvature ? "d2E/d(penalties)2" : "dE/d(penalties)")}, from the head",
        };
        if (pass.IsCurvature) legend.Add($"headWeights  ({classes}): the weight of each unit's own second derivative");
        if (trainable) legend.Add($"{pass.Accumulator.PadRight(12)} += {pass.Derivative} of the prototypes, at the same offset");
        legend.Add($"inputDeltas  ({width}): {(pass.IsCurvature ? "d2E/d(input)2" : "dE/d(input)")}; empty to skip");
        using (OpenBackward(w, e, pass, $"Euclidean RBF units {width} -> {classes}" + (trainable ? "" : "; the prototypes are fixed"), legend))
        {
            if (trainable)
                foreach (var (suffix, _) in groups)
                    w.Line($"{prototypesMethod}{suffix}(input, {prototypes}, deltas{weights}, {pass.Accumulator}.Slice({Naming.Weights(layer)}Offset, {Naming.Weights(layer)}Length));");
            w.Line("if (inputDeltas.IsEmpty) return;");
            w.Line("inputDeltas.Clear();");
            foreach (var (suffix, _) in groups)
                w.Line($"{inputsMethod}{suffix}(input, {prototypes}, deltas{weights}, inputDeltas);");
        }

        foreach (var (suffix, units) in groups)
        {
            w.Line();
            WriteTaps(w, layer, e, pass, inputsMethod + suffix, "inputDeltas", units, sign: "+");
            if (trainable)
            {
                w.Line();
                WriteTaps(w, layer, e, pass, prototypesMethod + suffix, "prototype" + pass.Plural, units, sign: "-");
            }
        }
    }

    private void WriteTaps(SourceWriter w, LayerPlan layer, ElementSyntax e, BackwardPass pass, string method, string target,
        IReadOnlyList<int> units, string sign)
    {
        string weights = pass.IsCurvature ? $"{e.ReadOnlySpan} headWeights, " : "";
        bool perPrototype = target.StartsWith("prototype", System.StringComparison.Ordinal);
        int width = layer.In.Size, classes = layer.Out.Maps;
        string which = units.Count == classes ? "every class" : $"classes {units[0]}-{units[units.Count - 1]}";
        string term = pass.IsCurvature ? "4 d2E/dy2 (x - w)^2 + 2 x head weight" : $"{(sign == "-" ? "-2" : "2")} dE/dy (x - w)";
        var legend = new List<string>
        {
            $"input       ({width})",
            $"prototypes  ({classes}, {width})",
            $"deltas      ({classes}): {(pass.IsCurvature ? "d2E/d(penalties)2" : "dE/d(penalties)")}",
        };
        if (pass.IsCurvature) legend.Add($"headWeights ({classes})");
        legend.Add(perPrototype ? $"{target} ({classes}, {width}), the {Naming.Weights(layer)} slice of {pass.Accumulator}" : $"{target} ({width})");
        Legend(w, $"{layer.Name}, {pass.Title}: {(perPrototype ? "each prototype value's" : "each input's")} {(pass.IsCurvature ? "curvature" : "delta")} += {term}, over {which}", legend);
        using (w.Block($"private static void {method}({e.ReadOnlySpan} input, {e.ReadOnlySpan} prototypes, {e.ReadOnlySpan} deltas, {weights}{e.Span} {target})"))
        {
            w.Line(pass.IsCurvature ? $"{e.Name} h4, own, d;" : $"{e.Name} g2;");
            UnitWalker.Walk(w, layer, Depth, units,
                open: k =>
                {
                    if (pass.IsCurvature)
                    {
                        w.Line($"h4 = 4 * deltas[{k}];");
                        w.Line($"own = 2 * headWeights[{k}];");
                    }
                    else w.Line($"g2 = {(sign == "-" ? "-2" : "2")} * deltas[{k}];");
                },
                tap: (i, p) =>
                {
                    string index = perPrototype ? p : i;
                    return pass.IsCurvature
                        ? $"d = input[{i}] - prototypes[{p}]; {target}[{index}] += h4 * d * d + own;"
                        : $"{target}[{index}] += g2 * (input[{i}] - prototypes[{p}]);";
                });
        }
    }
}
