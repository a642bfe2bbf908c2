using System;
using System.Collections.Generic;
using LeNetGen.Generator.Model;

namespace LeNetGen.Generator.Emit.Scalar;

/// <summary>
/// The backward and curvature methods of a layer of weights and biases (convolution, dense, softmax), written along
/// that layer's own walk over units and taps: {L}Backward applies the activation's derivative, then calls
/// {L}WeightGradients (each weight's and bias's gradient) and {L}InputGradients (the input's deltas), once per group of
/// output maps (units), so every method stays small enough for the JIT to optimize. The curvature pass likewise, with
/// squares.
/// </summary>
internal static class WeightedBackward
{
    /// <summary>Walks the taps of the given output maps (units): <c>open(map, outputIndex)</c> at each unit, then
    /// <c>tap(inputIndex, weightIndex)</c>'s statement at each tap.</summary>
    public delegate void Walk(IReadOnlyList<int> maps, Action<string, string> open, Func<string, string, string> tap);

    /// <summary>The shapes the legends show, as text: the input the weights multiply, the deltas, the weights, and
    /// what an output map is called ("map", "unit").</summary>
    public readonly record struct Shapes(string Input, string Deltas, string Weights, string Unit);

    /// <param name="method">The layer's backward method, opened (legend and signature written).</param>
    /// <param name="source">What the weights multiply: the input (or its padded copy).</param>
    /// <param name="target">Where the input's deltas go (or the padded copy's).</param>
    /// <param name="passOn">Writes what follows the input's deltas (the padded copy's back into the input's), or null.</param>
    public static void Write(SourceWriter w, ElementSyntax e, BackwardPass pass, LayerPlan layer, List<(string Suffix, List<int> Maps)> groups,
        IDisposable method, Shapes shapes, string source, string target, Action? passOn, Walk walk)
    {
        string weightsMethod = layer.Name + "Weight" + pass.Plural, inputsMethod = layer.Name + "Input" + pass.Plural;
        string gradients = pass.Accumulator;
        using (method)
        {
            pass.WriteActivationDerivative(w, layer, Naming.Size(layer));
            string weightSlice = $"{gradients}.Slice({Naming.Weights(layer)}Offset, {Naming.Weights(layer)}Length)";
            string biasSlice = $"{gradients}.Slice({Naming.Biases(layer)}Offset, {Naming.Biases(layer)}Length)";
            foreach (var (suffix, _) in groups)
                w.Line($"{weightsMethod}{suffix}({source}, deltas, {weightSlice}, {biasSlice});");
            w.Line("if (inputDeltas.IsEmpty) return;");
            w.Line($"{target}.Clear();");
            foreach (var (suffix, _) in groups)
                w.Line($"{inputsMethod}{suffix}(parameters.Slice({Naming.Weights(layer)}Offset, {Naming.Weights(layer)}Length), deltas, {target});");
            passOn?.Invoke();
        }

        string d = pass.Delta;
        string weightTerm = pass.IsCurvature ? "input^2 x delta" : "input x delta";
        string inputTerm = pass.IsCurvature ? "weight^2 x delta" : "weight x delta";
        foreach (var (suffix, maps) in groups)
        {
            string which = suffix.Length == 0 ? $"every {shapes.Unit}" : $"{shapes.Unit}s {maps[0]}-{maps[maps.Count - 1]}";
            w.Line();
            ScalarLayer.Legend(w, $"{layer.Name}, {pass.Title}: each weight's {pass.Derivative} += {weightTerm}, each bias's += delta, over {which}", new[]
            {
                $"input            {shapes.Input}",
                $"deltas           {shapes.Deltas}: {pass.DeltaMeaning}",
                $"weight{pass.Plural}  {shapes.Weights}, the {Naming.Weights(layer)} slice of {gradients}; bias{pass.Plural} ({layer.Out.Maps})",
            });
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
            ScalarLayer.Legend(w, $"{layer.Name}, {pass.Title}: the input's deltas += {inputTerm}, over {which}", new[]
            {
                $"weights      {shapes.Weights}",
                $"deltas       {shapes.Deltas}: {pass.DeltaMeaning}",
                $"inputDeltas  {shapes.Input}",
            });
            using (w.Block($"private static void {inputsMethod}{suffix}({e.ReadOnlySpan} weights, {e.ReadOnlySpan} deltas, {e.Span} inputDeltas)"))
            {
                w.Line($"{e.Name} {d};");
                walk(maps,
                    open: (_, outputIndex) => w.Line($"{d} = deltas[{outputIndex}];"),
                    tap: (inputIndex, weightIndex) => $"inputDeltas[{inputIndex}] += {pass.Square($"weights[{weightIndex}]")} * {d};");
            }
        }
    }
}
