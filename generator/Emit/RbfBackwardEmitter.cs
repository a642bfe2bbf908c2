using System.Collections.Generic;
using LeNetGen.Generator.Model;

namespace LeNetGen.Generator.Emit;

/// <summary>
/// Writes the RBF head's backward and curvature methods. With y_k = sum_i (x_i - w_ki)^2: dE/dx_i = sum_k dE/dy_k 2 (x_i -
/// w_ki), and trainable prototypes get the opposite. The curvature pass adds, for each unit, its Gauss-Newton term
/// d2E/dy_k2 (2 (x_i - w_ki))^2 and its own second derivative 2 weighted by headWeights (LeNet-5's criterion keeps the
/// correct class's: d2y_D/dx_j2 = 2). Fixed prototypes get nothing.
/// </summary>
internal static class RbfBackwardEmitter
{
    public static void Emit(SourceWriter w, LayerPlan layer, ElementSyntax e, BackwardPass pass)
    {
        int width = layer.In.Size;
        bool trainable = layer.TrainablePrototypes;
        List<(string Suffix, List<int> Maps)> groups = ConvBackwardEmitter.Groups(layer);
        string inputsMethod = layer.Name + "Input" + pass.Plural, prototypesMethod = layer.Name + "Prototype" + pass.Plural;
        string prototypes = trainable
            ? $"parameters.Slice({Naming.Weights(layer)}Offset, {Naming.Weights(layer)}Length)"
            : RbfEmitter.FixedTable;
        string weights = pass.IsCurvature ? ", headWeights" : "";

        w.Line($"// {layer.Name}, {(pass.IsCurvature ? "curvature" : "backward")}: deltas ({layer.Out.Maps}) -> the input's deltas ({width})" +
            (trainable ? " and the prototypes'" : "; the prototypes are fixed"));
        using (w.Block($"private static void {pass.LayerMethod(layer)}({e.ReadOnlySpan} input, {e.ReadOnlySpan} parameters, {e.ReadOnlySpan} deltas, " +
            (pass.IsCurvature ? $"{e.ReadOnlySpan} headWeights, " : "") + $"{e.Span} parameterDeltas, {e.Span} inputDeltas)"))
        {
            if (trainable)
                foreach (var (suffix, _) in groups)
                    w.Line($"{prototypesMethod}{suffix}(input, {prototypes}, deltas{weights}, parameterDeltas.Slice({Naming.Weights(layer)}Offset, {Naming.Weights(layer)}Length));");
            w.Line("if (inputDeltas.IsEmpty) return;");
            w.Line("inputDeltas.Clear();");
            foreach (var (suffix, _) in groups)
                w.Line($"{inputsMethod}{suffix}(input, {prototypes}, deltas{weights}, inputDeltas);");
        }

        foreach (var (suffix, units) in groups)
        {
            w.Line();
            WriteTaps(w, layer, e, pass, inputsMethod + suffix, "input" + pass.Plural, units, sign: "+");
            if (trainable)
            {
                w.Line();
                WriteTaps(w, layer, e, pass, prototypesMethod + suffix, "prototype" + pass.Plural, units, sign: "-");
            }
        }
    }

    private static void WriteTaps(SourceWriter w, LayerPlan layer, ElementSyntax e, BackwardPass pass, string method, string target,
        IReadOnlyList<int> units, string sign)
    {
        string weights = pass.IsCurvature ? $"{e.ReadOnlySpan} headWeights, " : "";
        bool perPrototype = target.StartsWith("prototype", System.StringComparison.Ordinal);
        using (w.Block($"private static void {method}({e.ReadOnlySpan} input, {e.ReadOnlySpan} prototypes, {e.ReadOnlySpan} deltas, {weights}{e.Span} {target})"))
        {
            w.Line(pass.IsCurvature ? $"{e.Name} h4, own, d;" : $"{e.Name} g2;");
            DenseBackwardEmitter.Walk(w, layer, units,
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
