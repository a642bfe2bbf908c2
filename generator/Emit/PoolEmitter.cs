using System.Collections.Generic;
using LeNetGen.Generator.Model;
using static LeNetGen.Generator.Emit.LayerEmitting;

namespace LeNetGen.Generator.Emit;

/// <summary>
/// Writes a pooling layer's forward method: average (mean of the window), max (its largest value) or LeNet-5's
/// trainable subsampling (window sum x coefficient + bias, one pair per map). The window is always written out;
/// Maps and Full also write out the maps and the positions.
/// </summary>
internal static class PoolEmitter
{
    public static void EmitForward(SourceWriter w, LayerPlan layer, ElementSyntax e)
    {
        Shape input = layer.In, output = layer.Out;
        string kind = layer.PoolKind switch
        {
            PoolKind.Average => "average pooling",
            PoolKind.Max => "max pooling",
            _ => "subsampling (window sum x coefficient + bias)",
        };
        var legend = new List<string>
        {
            $"input    ({input.Maps}, {input.Height}, {input.Width})",
        };
        if (layer.PoolKind == PoolKind.Subsample)
            legend.Add($"coefficients ({input.Maps}) at {Naming.Weights(layer)}Offset; biases ({input.Maps}) at {Naming.Biases(layer)}Offset");
        legend.Add($"output   ({output.Maps}, {output.Height}, {output.Width})");
        legend.Add("unroll   " + (layer.Unroll switch
        {
            Unroll.Full => "Full: every position and map written out",
            Unroll.Maps => $"Maps: each map's {layer.Window}x{layer.Window} window written out; loops over the {output.Height}x{output.Width} positions",
            _ => $"Window: the {layer.Window}x{layer.Window} window written out; loops over maps and positions",
        }));
        string title = $"{kind} {input.ToPaperString()} -> {output.ToPaperString()}, window {layer.Window}x{layer.Window}, stride {layer.Stride}, {Naming.ActivationTitle(layer.Activation)}";

        using (OpenMethod(w, layer, e, title, legend))
        {
            if (layer.PoolKind == PoolKind.Subsample)
            {
                w.Line($"{e.ReadOnlySpan} coefficients = parameters.Slice({Naming.Weights(layer)}Offset, {Naming.Weights(layer)}Length);");
                w.Line($"{e.ReadOnlySpan} biases = parameters.Slice({Naming.Biases(layer)}Offset, {Naming.Biases(layer)}Length);");
            }
            if (layer.Unroll == Unroll.Full) w.Line($"{e.Name} s;");
            PoolWalker.Walk(w, layer,
                atPosition: () => w.Line($"{e.Name} s;"),
                window: (map, outputIndex, origin, offset) =>
                {
                    EmitWindow(w, layer, e, origin, offset, map);
                    Store(w, layer, outputIndex, "s");
                });
        }
    }

    /// <summary>Sets <c>s</c> to the pooled value of the window at <paramref name="origin"/> + <paramref name="offset"/>.</summary>
    private static void EmitWindow(SourceWriter w, LayerPlan layer, ElementSyntax e, string? origin, long offset, string map)
    {
        int width = layer.In.Width;
        var rows = new List<List<string>>();
        for (int ky = 0; ky < layer.Window; ky++)
        {
            var row = new List<string>();
            for (int kx = 0; kx < layer.Window; kx++)
                row.Add($"input[{Index(origin, offset + (long)ky * width + kx)}]");
            rows.Add(row);
        }

        if (layer.PoolKind == PoolKind.Max)
        {
            bool first = true;
            foreach (List<string> row in rows)
                foreach (string cell in row)
                {
                    w.Line(first ? $"s = {cell};" : $"if ({cell} > s) s = {cell};");
                    first = false;
                }
            return;
        }

        // One statement per window row: the first sets s, the others add to it.
        for (int ky = 0; ky < rows.Count; ky++)
            w.Line((ky == 0 ? "s = " : "s += ") + string.Join(" + ", rows[ky]) + ";");
        if (layer.PoolKind == PoolKind.Average)
            w.Line($"s *= {e.Literal(1.0 / (layer.Window * layer.Window))};");
        else
            w.Line($"s = s * coefficients[{map}] + biases[{map}];");
    }
}
