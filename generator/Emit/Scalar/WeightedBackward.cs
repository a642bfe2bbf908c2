using System;
using System.Collections.Generic;
using LeNetGen.Generator.Model;

namespace LeNetGen.Generator.Emit.Scalar;

/// <summary>
/// The backward and curvature methods of a layer of weights and biases (convolution, dense, softmax), written along
/// that layer's own walk over units and taps: {L}Backward applies the activation's derivative, then calls
/// {L}WeightGradients (each weight's and bias's delta) and {L}InputGradients (the input's), once per group of output
/// maps (units), so every method stays small enough for the JIT to optimize.
/// </summary>
internal static class WeightedBackward
{
    /// <summary>Walks the taps of the given output maps (units): <c>open(map, outputIndex)</c> at each unit, then
    /// <c>tap(inputIndex, weightIndex)</c>'s statement at each tap.</summary>
    public delegate void Walk(IReadOnlyList<int> maps, Action<string, string> open, Func<string, string, string> tap);

    /// <param name="source">What the weights multiply: the input (or its padded copy).</param>
    /// <param name="target">Where the input's deltas go (or the padded copy's).</param>
    /// <param name="passOn">Writes what follows the input's deltas (the padded copy's back into the input's), or null.</param>
    public static void Write(SourceWriter w, ElementSyntax e, BackwardPass pass, LayerPlan layer, List<(string Suffix, List<int> Maps)> groups,
        IDisposable method, string source, string target, Action? passOn, Walk walk)
    {
        string weightsMethod = layer.Name + "Weight" + pass.Plural, inputsMethod = layer.Name + "Input" + pass.Plural;
        using (method)
        {
            pass.WriteActivationDerivative(w, layer, Naming.Size(layer));
            string weightDeltas = $"parameterDeltas.Slice({Naming.Weights(layer)}Offset, {Naming.Weights(layer)}Length)";
            string biasDeltas = $"parameterDeltas.Slice({Naming.Biases(layer)}Offset, {Naming.Biases(layer)}Length)";
            foreach (var (suffix, _) in groups)
                w.Line($"{weightsMethod}{suffix}({source}, deltas, {weightDeltas}, {biasDeltas});");
            w.Line("if (inputDeltas.IsEmpty) return;");
            w.Line($"{target}.Clear();");
            foreach (var (suffix, _) in groups)
                w.Line($"{inputsMethod}{suffix}(parameters.Slice({Naming.Weights(layer)}Offset, {Naming.Weights(layer)}Length), deltas, {target});");
            passOn?.Invoke();
        }

        string d = pass.Delta;
        foreach (var (suffix, maps) in groups)
        {
            w.Line();
            using (w.Block($"private static void {weightsMethod}{suffix}({e.ReadOnlySpan} input, {e.ReadOnlySpan} deltas, {e.Span} weight{pass.Plural}, {e.Span} bias{pass.Plural})"))
            {
                w.Line($"{e.Name} {d};");
                walk(maps,
                    open: (map, outputIndex) =>
                    {
                        w.Line($"{d} = deltas[{outputIndex}];");
                        w.Line($"bias{pass.Plural}[{map}] += {d};");
                    },
                    tap: (inputIndex, weightIndex) => pass.IsCurvature
                        ? $"weight{pass.Plural}[{weightIndex}] += input[{inputIndex}] * input[{inputIndex}] * {d};"
                        : $"weight{pass.Plural}[{weightIndex}] += input[{inputIndex}] * {d};");
            }
            w.Line();
            using (w.Block($"private static void {inputsMethod}{suffix}({e.ReadOnlySpan} weights, {e.ReadOnlySpan} deltas, {e.Span} input{pass.Plural})"))
            {
                w.Line($"{e.Name} {d};");
                walk(maps,
                    open: (_, outputIndex) => w.Line($"{d} = deltas[{outputIndex}];"),
                    tap: (inputIndex, weightIndex) => $"input{pass.Plural}[{inputIndex}] += {pass.Square($"weights[{weightIndex}]")} * {d};");
            }
        }
    }
}
