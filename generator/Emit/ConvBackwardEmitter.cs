using System.Collections.Generic;
using System.Linq;
using LeNetGen.Generator.Model;

namespace LeNetGen.Generator.Emit;

/// <summary>
/// Writes a convolution's backward and curvature methods: {C}Backward turns dE/d(values) into dE/d(sums), then
/// {C}WeightGradients adds each weight's and bias's gradient and {C}InputGradients the input's (the curvature pass
/// likewise, with squares). Weights and input gradients are separate methods, and a layer written out map by map is
/// split into groups of maps, so every method stays small enough for the JIT to optimize. With a connection table only
/// the connected weights are visited.
/// </summary>
internal static class ConvBackwardEmitter
{
    public static void Emit(SourceWriter w, LayerPlan layer, ElementSyntax e, BackwardPass pass)
    {
        bool padded = layer.PaddedOffset >= 0;
        List<(string Suffix, List<int> Maps)> groups = Groups(layer);
        string weightsMethod = layer.Name + "Weight" + pass.Plural, inputsMethod = layer.Name + "Input" + pass.Plural;

        w.Line($"// {layer.Name}, {(pass.IsCurvature ? "curvature" : "backward")}: deltas ({layer.Out.Maps}, {layer.Out.Height}, {layer.Out.Width}) -> " +
            $"{(pass.IsCurvature ? "d2E/dw2" : "dE/dw")} of {Naming.Weights(layer)} and {Naming.Biases(layer)}, and the input's deltas ({layer.In.Maps}, {layer.In.Height}, {layer.In.Width})");
        using (w.Block($"private static void {pass.LayerMethod(layer)}({e.ReadOnlySpan} input, {e.ReadOnlySpan} parameters, {e.ReadOnlySpan} sums, {e.ReadOnlySpan} values, " +
            $"{e.Span} deltas, {e.Span} parameterDeltas, {e.Span} inputDeltas{(padded ? $", {e.ReadOnlySpan} padded, {e.Span} paddedDeltas" : "")})"))
        {
            pass.WriteActivationDerivative(w, layer, Naming.Size(layer));
            string source = padded ? "padded" : "input";
            string weightDeltas = $"parameterDeltas.Slice({Naming.Weights(layer)}Offset, {Naming.Weights(layer)}Length)";
            string biasDeltas = $"parameterDeltas.Slice({Naming.Biases(layer)}Offset, {Naming.Biases(layer)}Length)";
            foreach (var (suffix, _) in groups)
                w.Line($"{weightsMethod}{suffix}({source}, deltas, {weightDeltas}, {biasDeltas});");
            w.Line("if (inputDeltas.IsEmpty) return;");
            string target = padded ? "paddedDeltas" : "inputDeltas";
            w.Line($"{target}.Clear();");
            foreach (var (suffix, _) in groups)
                w.Line($"{inputsMethod}{suffix}(parameters.Slice({Naming.Weights(layer)}Offset, {Naming.Weights(layer)}Length), deltas, {target});");
            if (padded)
            {
                Shape input = layer.In, paddedShape = layer.PaddedIn;
                w.Line("// The padding's deltas are dropped: only the real input's are passed on.");
                using (w.Block($"for (int c = 0; c < {input.Maps}; c++)"))
                using (w.Block($"for (int y = 0; y < {input.Height}; y++)"))
                    w.Line($"paddedDeltas.Slice(c * {paddedShape.Height * paddedShape.Width} + (y + {layer.Padding}) * {paddedShape.Width} + {layer.Padding}, {input.Width}).CopyTo(inputDeltas.Slice(c * {input.Height * input.Width} + y * {input.Width}, {input.Width}));");
            }
        }

        string d = pass.Delta;
        foreach (var (suffix, maps) in groups)
        {
            w.Line();
            using (w.Block($"private static void {weightsMethod}{suffix}({e.ReadOnlySpan} input, {e.ReadOnlySpan} deltas, {e.Span} weight{pass.Plural}, {e.Span} bias{pass.Plural})"))
            {
                w.Line($"{e.Name} {d};");
                ConvWalker.Walk(w, layer, maps,
                    open: unit =>
                    {
                        w.Line($"{d} = deltas[{unit.OutputIndex}];");
                        w.Line($"bias{pass.Plural}[{unit.Map}] += {d};");
                    },
                    tap: (inputIndex, weightIndex) => pass.IsCurvature
                        ? $"weight{pass.Plural}[{weightIndex}] += input[{inputIndex}] * input[{inputIndex}] * {d};"
                        : $"weight{pass.Plural}[{weightIndex}] += input[{inputIndex}] * {d};");
            }
            w.Line();
            using (w.Block($"private static void {inputsMethod}{suffix}({e.ReadOnlySpan} weights, {e.ReadOnlySpan} deltas, {e.Span} input{pass.Plural})"))
            {
                w.Line($"{e.Name} {d};");
                ConvWalker.Walk(w, layer, maps,
                    open: unit => w.Line($"{d} = deltas[{unit.OutputIndex}];"),
                    tap: (inputIndex, weightIndex) => $"input{pass.Plural}[{inputIndex}] += {pass.Square($"weights[{weightIndex}]")} * {d};");
            }
        }
    }

    /// <summary>The map groups of the plan, each with its method-name suffix ("" for a single group).</summary>
    public static List<(string Suffix, List<int> Maps)> Groups(LayerPlan layer)
    {
        var groups = new List<(string, List<int>)>();
        EquatableArray<int> starts = layer.BackwardGroups;
        if (starts.Count <= 1 || layer.Unroll is not (Unroll.Maps or Unroll.Full))
        {
            groups.Add(("", Enumerable.Range(0, layer.Out.Maps).ToList()));
            return groups;
        }
        for (int g = 0; g < starts.Count; g++)
        {
            int first = starts[g], last = g + 1 < starts.Count ? starts[g + 1] - 1 : layer.Out.Maps - 1;
            groups.Add(($"Maps{first}To{last}", Enumerable.Range(first, last - first + 1).ToList()));
        }
        return groups;
    }
}
