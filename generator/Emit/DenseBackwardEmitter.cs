using System;
using System.Collections.Generic;
using LeNetGen.Generator.Model;

namespace LeNetGen.Generator.Emit;

/// <summary>
/// Writes a fully connected layer's (and the softmax head's) backward and curvature methods, in the shape of the
/// convolution's: {F}Backward applies the activation's derivative, {F}WeightGradients and {F}InputGradients add the
/// weights', biases' and input's deltas, split into groups of units when the layer is written out unit by unit.
/// </summary>
internal static class DenseBackwardEmitter
{
    public static void Emit(SourceWriter w, LayerPlan layer, ElementSyntax e, BackwardPass pass)
    {
        int inputs = layer.In.Size;
        List<(string Suffix, List<int> Maps)> groups = ConvBackwardEmitter.Groups(layer);
        string weightsMethod = layer.Name + "Weight" + pass.Plural, inputsMethod = layer.Name + "Input" + pass.Plural;

        w.Line($"// {layer.Name}, {(pass.IsCurvature ? "curvature" : "backward")}: deltas ({layer.Out.Maps}) -> " +
            $"{(pass.IsCurvature ? "d2E/dw2" : "dE/dw")} of {Naming.Weights(layer)} and {Naming.Biases(layer)}, and the input's deltas ({inputs})");
        using (w.Block($"private static void {pass.LayerMethod(layer)}({e.ReadOnlySpan} input, {e.ReadOnlySpan} parameters, {e.ReadOnlySpan} sums, {e.ReadOnlySpan} values, " +
            $"{e.Span} deltas, {e.Span} parameterDeltas, {e.Span} inputDeltas)"))
        {
            pass.WriteActivationDerivative(w, layer, Naming.Size(layer));
            string weightDeltas = $"parameterDeltas.Slice({Naming.Weights(layer)}Offset, {Naming.Weights(layer)}Length)";
            string biasDeltas = $"parameterDeltas.Slice({Naming.Biases(layer)}Offset, {Naming.Biases(layer)}Length)";
            foreach (var (suffix, _) in groups)
                w.Line($"{weightsMethod}{suffix}(input, deltas, {weightDeltas}, {biasDeltas});");
            w.Line("if (inputDeltas.IsEmpty) return;");
            w.Line("inputDeltas.Clear();");
            foreach (var (suffix, _) in groups)
                w.Line($"{inputsMethod}{suffix}(parameters.Slice({Naming.Weights(layer)}Offset, {Naming.Weights(layer)}Length), deltas, inputDeltas);");
        }

        string d = pass.Delta;
        foreach (var (suffix, units) in groups)
        {
            w.Line();
            using (w.Block($"private static void {weightsMethod}{suffix}({e.ReadOnlySpan} input, {e.ReadOnlySpan} deltas, {e.Span} weight{pass.Plural}, {e.Span} bias{pass.Plural})"))
            {
                w.Line($"{e.Name} {d};");
                Walk(w, layer, units,
                    open: u =>
                    {
                        w.Line($"{d} = deltas[{u}];");
                        w.Line($"bias{pass.Plural}[{u}] += {d};");
                    },
                    tap: (i, weight) => pass.IsCurvature
                        ? $"weight{pass.Plural}[{weight}] += input[{i}] * input[{i}] * {d};"
                        : $"weight{pass.Plural}[{weight}] += input[{i}] * {d};");
            }
            w.Line();
            using (w.Block($"private static void {inputsMethod}{suffix}({e.ReadOnlySpan} weights, {e.ReadOnlySpan} deltas, {e.Span} input{pass.Plural})"))
            {
                w.Line($"{e.Name} {d};");
                Walk(w, layer, units,
                    open: u => w.Line($"{d} = deltas[{u}];"),
                    tap: (i, weight) => $"input{pass.Plural}[{i}] += {pass.Square($"weights[{weight}]")} * {d};");
            }
        }
    }

    /// <summary>
    /// Walks units and their inputs at the layer's depth: Maps and Full write every unit of the group out, Kernel loops
    /// over units and writes one unit's inputs out, Window loops over both.
    /// </summary>
    public static void Walk(SourceWriter w, LayerPlan layer, IReadOnlyList<int> units, Action<string> open, Func<string, string, string> tap)
    {
        int inputs = layer.In.Size;
        switch (layer.Unroll)
        {
            case Unroll.Maps:
            case Unroll.Full:
                foreach (int u in units)
                {
                    open(Naming.Int(u));
                    for (int i = 0; i < inputs; i++) w.Line(tap(Naming.Int(i), Naming.Int((long)u * inputs + i)));
                }
                break;
            case Unroll.Kernel:
                using (w.Block($"for (int u = 0; u < {layer.Out.Maps}; u++)"))
                {
                    w.Line($"int wi = u * {inputs};");
                    open("u");
                    for (int i = 0; i < inputs; i++) w.Line(tap(Naming.Int(i), LayerEmitting.Index("wi", i)));
                }
                break;
            default:
                using (w.Block($"for (int u = 0; u < {layer.Out.Maps}; u++)"))
                {
                    w.Line($"int wi = u * {inputs};");
                    open("u");
                    using (w.Block($"for (int i = 0; i < {inputs}; i++)"))
                        w.Line(tap("i", "wi + i"));
                }
                break;
        }
    }
}
