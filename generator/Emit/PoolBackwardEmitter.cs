using System;
using System.Collections.Generic;
using LeNetGen.Generator.Model;
using static LeNetGen.Generator.Emit.LayerEmitting;

namespace LeNetGen.Generator.Emit;

/// <summary>
/// Writes a pooling layer's backward and curvature methods. Average pooling spreads each delta over its window (times
/// 1/area, squared in the curvature pass); max pooling routes it to the window's largest input (the first one on a tie,
/// as the forward pass chose); subsampling also gives its coefficient the delta times the window's sum (squared) and
/// its bias the delta, and each input the coefficient (squared) times the delta.
/// </summary>
internal static class PoolBackwardEmitter
{
    public static void Emit(SourceWriter w, LayerPlan layer, ElementSyntax e, BackwardPass pass)
    {
        Shape input = layer.In, output = layer.Out;
        string d = pass.Delta;
        w.Line($"// {layer.Name}, {(pass.IsCurvature ? "curvature" : "backward")}: deltas ({output.Maps}, {output.Height}, {output.Width}) -> the input's deltas ({input.Maps}, {input.Height}, {input.Width})" +
            (layer.PoolKind == PoolKind.Subsample ? ", and the coefficients' and biases'" : ""));
        using (w.Block($"private static void {pass.LayerMethod(layer)}({e.ReadOnlySpan} input, {e.ReadOnlySpan} parameters, {e.ReadOnlySpan} sums, {e.ReadOnlySpan} values, " +
            $"{e.Span} deltas, {e.Span} parameterDeltas, {e.Span} inputDeltas)"))
        {
            pass.WriteActivationDerivative(w, layer, Naming.Size(layer));
            bool subsample = layer.PoolKind == PoolKind.Subsample;
            if (!subsample) w.Line("if (inputDeltas.IsEmpty) return;");
            w.Line("bool withInput = !inputDeltas.IsEmpty;");
            w.Line("if (withInput) inputDeltas.Clear();");
            if (subsample)
            {
                w.Line($"{e.ReadOnlySpan} coefficients = parameters.Slice({Naming.Weights(layer)}Offset, {Naming.Weights(layer)}Length);");
                w.Line($"{e.Span} coefficient{pass.Plural} = parameterDeltas.Slice({Naming.Weights(layer)}Offset, {Naming.Weights(layer)}Length);");
                w.Line($"{e.Span} bias{pass.Plural} = parameterDeltas.Slice({Naming.Biases(layer)}Offset, {Naming.Biases(layer)}Length);");
            }
            if (layer.PoolKind == PoolKind.Max) w.Line("int best;");
            else w.Line($"{e.Name} {d};");
            if (subsample) w.Line($"{e.Name} s;");

            void Window(string map, string outputIndex, string? origin, long offset)
            {
                var cells = new List<string>();
                for (int ky = 0; ky < layer.Window; ky++)
                    for (int kx = 0; kx < layer.Window; kx++)
                        cells.Add(Index(origin, offset + (long)ky * input.Width + kx));
                switch (layer.PoolKind)
                {
                    case PoolKind.Average:
                        double scale = 1.0 / (layer.Window * layer.Window);
                        w.Line($"{d} = deltas[{outputIndex}] * {e.Literal(pass.IsCurvature ? scale * scale : scale)};");
                        foreach (string cell in cells) w.Line($"inputDeltas[{cell}] += {d};");
                        break;
                    case PoolKind.Max:
                        w.Line($"best = {cells[0]};");
                        for (int i = 1; i < cells.Count; i++) w.Line($"if (input[{cells[i]}] > input[best]) best = {cells[i]};");
                        w.Line($"inputDeltas[best] += deltas[{outputIndex}];");
                        break;
                    default:
                        w.Line($"{d} = deltas[{outputIndex}];");
                        w.Line("s = " + string.Join(" + ", cells.ConvertAll(c => $"input[{c}]")) + ";");
                        w.Line(pass.IsCurvature
                            ? $"coefficient{pass.Plural}[{map}] += s * s * {d};"
                            : $"coefficient{pass.Plural}[{map}] += s * {d};");
                        w.Line($"bias{pass.Plural}[{map}] += {d};");
                        using (w.Block("if (withInput)"))
                        {
                            w.Line($"{d} *= {pass.Square($"coefficients[{map}]")};");
                            foreach (string cell in cells) w.Line($"inputDeltas[{cell}] += {d};");
                        }
                        break;
                }
            }

            PoolWalker.Walk(w, layer, atPosition: null, window: Window);
        }
    }
}
