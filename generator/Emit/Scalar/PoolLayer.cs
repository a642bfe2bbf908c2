using System.Collections.Generic;
using LeNetGen.Generator.Model;
using static LeNetGen.Generator.Emit.Scalar.ScalarCode;

namespace LeNetGen.Generator.Emit.Scalar;

/// <summary>
/// A pooling layer's methods: average (mean of the window), max (its largest value) or LeNet-5's trainable subsampling
/// (window sum x coefficient + bias, one pair per map). The window is always written out; Maps and Full also write out
/// the maps and the positions. Backward: average pooling spreads each delta over its window (times 1/area, squared in
/// the curvature pass); max pooling routes it to the window's largest input (the first one on a tie, as the forward
/// pass chose); subsampling also gives its coefficient the delta times the window's sum (squared) and its bias the
/// delta, and each input the coefficient (squared) times the delta.
/// </summary>
internal sealed class PoolLayer : ScalarLayer
{
    public PoolLayer(LayerPlan plan, LayerSchedule schedule, LayerPlan? previous) : base(plan, schedule, previous) { }

    /// <summary>Only subsampling has parameters (a coefficient and a bias per map).</summary>
    protected override bool ReadsParameters => Plan.PoolKind == PoolKind.Subsample;

    /// <summary>Average pooling spreads each delta evenly, without looking at the input.</summary>
    protected override bool BackwardReadsInput => Plan.PoolKind != PoolKind.Average;

    public override void WriteForward(SourceWriter w, ElementSyntax e)
    {
        LayerPlan layer = Plan;
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
        legend.Add("unroll   " + (Depth switch
        {
            Unroll.Full => "Full: every position and map written out",
            Unroll.Maps => $"Maps: each map's {layer.Window}x{layer.Window} window written out; loops over the {output.Height}x{output.Width} positions",
            _ => $"Window: the {layer.Window}x{layer.Window} window written out; loops over maps and positions",
        }));
        string title = $"{kind} {input.ToMapsString()} -> {output.ToMapsString()}, window {layer.Window}x{layer.Window}, stride {layer.Stride}{PoolWindows.CeilNote(layer)}, {Naming.ActivationTitle(layer.Activation)}";

        using (OpenForward(w, e, title, legend))
        {
            if (layer.PoolKind == PoolKind.Subsample)
            {
                w.Line($"{e.ReadOnlySpan} coefficients = parameters.Slice({Naming.Weights(layer)}Offset, {Naming.Weights(layer)}Length);");
                w.Line($"{e.ReadOnlySpan} biases = parameters.Slice({Naming.Biases(layer)}Offset, {Naming.Biases(layer)}Length);");
            }
            if (Depth == Unroll.Full) w.Line($"{e.Name} s;");
            PoolWalker.Walk(w, layer, Depth,
                atPosition: () => w.Line($"{e.Name} s;"),
                window: (map, outputIndex, origin, offset, height, width) =>
                {
                    EmitWindow(w, layer, e, origin, offset, map, height, width);
                    Store(w, layer, outputIndex, "s");
                });
        }
    }

    public override void WriteBackward(SourceWriter w, ElementSyntax e, BackwardPass pass)
    {
        LayerPlan layer = Plan;
        Shape input = layer.In, output = layer.Out;
        string d = pass.Delta;
        bool subsample = layer.PoolKind == PoolKind.Subsample;
        string inputDims = Dims(input, maps: true), deltaDims = Dims(output, maps: true);
        var legend = new List<string>
        {
            layer.PoolKind == PoolKind.Average ? $"input        {inputDims}, not read: every cell of a window gets the same share" : $"input        {inputDims}",
            $"deltas       {deltaDims}: {(pass.IsCurvature ? "d2E/d(values)2" : "dE/d(values)")} in, {pass.DeltaMeaning} out",
        };
        if (subsample)
        {
            legend.Add($"coefficients ({output.Maps}) at {Naming.Weights(layer)}Offset; biases ({output.Maps}) at {Naming.Biases(layer)}Offset");
            legend.Add($"{pass.Accumulator.PadRight(12)} += {pass.Derivative} of both, at the same offsets");
        }
        legend.Add($"inputDeltas  {inputDims}: {(pass.IsCurvature ? "d2E/d(input)2" : "dE/d(input)")}; empty to skip");
        string kind = layer.PoolKind switch { PoolKind.Average => "average pooling", PoolKind.Max => "max pooling", _ => "subsampling" };
        using (OpenBackward(w, e, pass, $"{kind} {input.ToMapsString()} -> {output.ToMapsString()}, window {layer.Window}x{layer.Window}{PoolWindows.CeilNote(layer)}", legend))
        {
            pass.WriteActivationDerivative(w, layer, Naming.Size(layer));
            if (subsample)
            {
                w.Line("bool withInput = !inputDeltas.IsEmpty;");
                w.Line("if (withInput) inputDeltas.Clear();");
                w.Line($"{e.ReadOnlySpan} coefficients = parameters.Slice({Naming.Weights(layer)}Offset, {Naming.Weights(layer)}Length);");
                w.Line($"{e.Span} coefficient{pass.Plural} = {pass.Accumulator}.Slice({Naming.Weights(layer)}Offset, {Naming.Weights(layer)}Length);");
                w.Line($"{e.Span} bias{pass.Plural} = {pass.Accumulator}.Slice({Naming.Biases(layer)}Offset, {Naming.Biases(layer)}Length);");
            }
            else
            {
                w.Line("if (inputDeltas.IsEmpty) return;");
                w.Line("inputDeltas.Clear();");
            }
            if (layer.PoolKind == PoolKind.Max) w.Line("int best;");
            else w.Line($"{e.Name} {d};");
            if (subsample) w.Line($"{e.Name} s;");

            void Window(string map, string outputIndex, string? origin, long offset, int height, int width)
            {
                var cells = new List<string>();
                for (int ky = 0; ky < height; ky++)
                    for (int kx = 0; kx < width; kx++)
                        cells.Add(Index(origin, offset + (long)ky * input.Width + kx));
                switch (layer.PoolKind)
                {
                    case PoolKind.Average:
                        double scale = 1.0 / (height * width);
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

            PoolWalker.Walk(w, layer, Depth, atPosition: null, window: Window);
        }
    }

    /// <summary>Sets <c>s</c> to the pooled value of the window at <paramref name="origin"/> + <paramref name="offset"/>.</summary>
    /// <remarks>The window is <paramref name="height"/> x <paramref name="width"/>: the layer's, or less where ceil mode clips it;
    /// average pooling divides by the cells it covers (PyTorch's divisor without padding).</remarks>
    private static void EmitWindow(SourceWriter w, LayerPlan layer, ElementSyntax e, string? origin, long offset, string map, int height, int width)
    {
        int inputWidth = layer.In.Width;
        var rows = new List<List<string>>();
        for (int ky = 0; ky < height; ky++)
        {
            var row = new List<string>();
            for (int kx = 0; kx < width; kx++)
                row.Add($"input[{Index(origin, offset + (long)ky * inputWidth + kx)}]");
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
            w.Line($"s *= {e.Literal(1.0 / (height * width))};");
        else
            w.Line($"s = s * coefficients[{map}] + biases[{map}];");
    }
}
