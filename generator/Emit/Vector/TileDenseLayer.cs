using System;
using System.Collections.Generic;
using System.Linq;
using LeNetGen.Generator.Model;

namespace LeNetGen.Generator.Emit.Vector;

/// <summary>
/// A fully connected layer's tile kernels, also the softmax head's and those of a convolution whose kernel covers its
/// whole input (LeNet-5's C5). Forward and the input's deltas: blocks of units (inputs) accumulate in registers while
/// each input (unit) vector is loaded once. Weight gradients sum over the tile's samples, so the input is first
/// transposed to sample after sample and each gradient row is then a sum of TileSize broadcast deltas times a row of
/// inputs, vectorized along the inputs.
/// </summary>
internal static class TileDenseLayer
{
    private const int UnitBlock = 8, InputBlock = 8;

    public static void EmitForward(SourceWriter w, TileLayer layer, TileCode c)
    {
        LayerPlan p = layer.Plan;
        int inputs = p.In.Size, units = p.Out.Maps;
        bool softmax = p.Kind == LayerKind.SoftmaxOutput;
        string title = softmax ? $"softmax output, fully connected {inputs} -> {units}"
            : p.Kind == LayerKind.Conv ? $"convolution {p.In.ToMapsString()} -> {p.Out.ToMapsString()}, kernel {p.KernelHeight}x{p.KernelWidth}: the kernel covers the input, so fully connected {inputs} -> {units}, {Naming.ActivationTitle(p.Activation)}"
            : $"fully connected {inputs} -> {units}, {Naming.ActivationTitle(p.Activation)}";
        w.Line($"// {p.Name}, forward: {title}");
        w.Line($"//   each vector: one value of {c.Count} samples side by side; blocks of {UnitBlock} units' sums in registers (s...), each input vector loaded once per block");
        w.Line(TileCode.Optimized);
        using (w.Block($"private static void {c.Method(p.Name + "ForwardTile")}(ref {c.T} tile, ref {c.T} parameters)"))
        {
            w.Line(c.Ref("weights", "parameters", layer.WeightsOffset));
            w.Line(c.Ref("biases", "parameters", layer.BiasesOffset));
            using (w.Block(c.LaneLoop))
            {
                w.Line(c.Ref("input", "tile", layer.Input + " + lane"));
                w.Line(c.Ref("sums", "tile", layer.Sums + " + lane"));
                if (layer.HasSeparateSums) w.Line(c.Ref("values", "tile", layer.Values + " + lane"));
                // With 16 registers (AVX2) the activation's constants, hoisted by the JIT out of the loop over the blocks,
                // would take the registers of the sums and spill them inside the loop over the inputs: it runs in a pass
                // of its own after the sums, as a convolution's does. With 32 it fits beside them.
                bool activateAfter = layer.HasSeparateSums && !softmax && c.Width.Registers < 32;
                TileBlocks.Loop(w, "u", units, UnitBlock, n =>
                {
                    w.Line($"{c.V} " + string.Join(", ", Enumerable.Range(0, n).Select(k => $"s{k} = {c.Splat(c.At("biases", Plus("u", k)))}")) + ";");
                    for (int k = 0; k < n; k++) w.Line(c.Ref($"row{k}", "weights", $"({Plus("u", k)}) * {inputs}"));
                    using (w.Block($"for (int i = 0; i < {inputs}; i++)"))
                    {
                        w.Line($"{c.V} x = {c.Load("input", "i * TileSize")};");
                        w.Line(string.Join(" ", Enumerable.Range(0, n).Select(k => $"s{k} = {c.Fma("x", c.Splat(c.At($"row{k}", "i")), $"s{k}")};")));
                    }
                    for (int k = 0; k < n; k++)
                    {
                        string place = $"({Plus("u", k)}) * TileSize";
                        w.Line(c.Store($"s{k}", "sums", place));
                        if (layer.HasSeparateSums && !softmax && !activateAfter) w.Line(c.Store(c.Activate(p.Activation, $"s{k}"), "values", place));
                    }
                });
                if (activateAfter)
                    w.Line($"for (int u = 0; u < {units}; u++) {c.Store(c.Activate(p.Activation, c.Load("sums", "u * TileSize")), "values", "u * TileSize")}");
                if (softmax)
                {
                    w.Line("// softmax across the units, each lane its own sample: the largest sum first subtracted, for stability");
                    w.Line($"{c.V} largest = {c.Load("sums", "0")};");
                    w.Line($"for (int u = 1; u < {units}; u++) largest = {c.Max("largest", c.Load("sums", "u * TileSize"))};");
                    w.Line($"{c.V} total = {c.Zero};");
                    using (w.Block($"for (int u = 0; u < {units}; u++)"))
                    {
                        w.Line($"{c.V} e = {c.Width.Api}.Exp({c.Load("sums", "u * TileSize")} - largest);");
                        w.Line(c.Store("e", "values", "u * TileSize"));
                        w.Line("total += e;");
                    }
                    w.Line($"{c.V} scale = {c.V}.One / total;");
                    w.Line($"for (int u = 0; u < {units}; u++) {c.Store($"{c.Load("values", "u * TileSize")} * scale", "values", "u * TileSize")}");
                }
            }
        }
    }

    public static void EmitBackward(SourceWriter w, TileLayer layer, TileCode c, bool curvature)
    {
        LayerPlan p = layer.Plan;
        int inputs = p.In.Size, units = p.Out.Maps;
        string pass = curvature ? "Curvature" : "Backward";
        w.Line($"// {p.Name}, {pass.ToLowerInvariant()}: deltas ({units}) -> {(curvature ? "d2E/dw2" : "dE/dw")} of {Naming.Weights(p)} and {Naming.Biases(p)}" +
            (layer.InputDeltas is null ? "" : $", and the input's deltas ({inputs})"));
        w.Line(TileCode.Optimized);
        using (w.Block($"private static void {c.Method(p.Name + pass + "Tile")}(ref {c.T} tile, ref {c.T} parameters, ref {c.T} gradients)"))
        {
            w.Line(c.Ref("weights", "parameters", layer.WeightsOffset));
            w.Line(c.Ref("weightDeltas", "gradients", layer.WeightsOffset));
            w.Line(c.Ref("biasDeltas", "gradients", layer.BiasesOffset));
            using (w.Block(c.LaneLoop))
            {
                w.Line(c.Ref("deltas", "tile", layer.Deltas + " + lane"));
                TileKernels.ActivationDerivative(w, layer, c, curvature);
                w.Line($"for (int u = 0; u < {units}; u++) {c.At("biasDeltas", "u")} += {c.Sum(c.Load("deltas", "u * TileSize"))};");
                if (layer.InputDeltas is not null)
                {
                    w.Line($"// the input's deltas: blocks of {InputBlock} inputs in registers (r...), each unit's delta vector loaded once per block");
                    w.Line(c.Ref("inputDeltas", "tile", layer.InputDeltas + " + lane"));
                    TileBlocks.Loop(w, "i", inputs, InputBlock, n =>
                    {
                        w.Line($"{c.V} " + string.Join(", ", Enumerable.Range(0, n).Select(k => $"r{k} = {c.Zero}")) + ";");
                        using (w.Block($"for (int u = 0; u < {units}; u++)"))
                        {
                            w.Line($"{c.V} d = {c.Load("deltas", "u * TileSize")};");
                            w.Line(c.Ref("row", "weights", $"u * {inputs} + i"));
                            for (int k = 0; k < n; k++)
                            {
                                string weight = c.At("row", Naming.Int(k));
                                w.Line($"r{k} = {c.Fma("d", c.Splat(curvature ? $"{weight} * {weight}" : weight), $"r{k}")};");
                            }
                        }
                        for (int k = 0; k < n; k++) w.Line(c.Store($"r{k}", "inputDeltas", $"({Plus("i", k)}) * TileSize"));
                    });
                }
            }
            EmitWeightDeltas(w, layer, c, curvature);
        }
    }

    /// <summary>
    /// dE/dw[u][i] = sum over samples of delta[u] x input[i]: the input transposed into the scratch, sample after sample
    /// (squared in the curvature pass); then, for two units at a time, a row of inputs at a time, the TileSize samples'
    /// deltas broadcast and multiplied in. The last vector of a row that is not a multiple of the vector width overlaps the one
    /// before it and adds only its new part.
    /// </summary>
    private static void EmitWeightDeltas(SourceWriter w, TileLayer layer, TileCode c, bool curvature)
    {
        LayerPlan p = layer.Plan;
        int inputs = p.In.Size, units = p.Out.Maps, width = c.Count;
        w.Line($"// weights: the input transposed, sample after sample{(curvature ? ", squared" : "")}; then each row of {(curvature ? "curvatures" : "gradients")} is TileSize broadcast deltas times rows of inputs");
        w.Line(c.Ref("input", "tile", layer.Input));
        w.Line(c.Ref("samples", "tile", "TileTransposedOffset"));
        w.Line(c.Ref("deltasOfTile", "tile", layer.Deltas));
        using (w.Block($"for (int i = 0; i < {inputs}; i++)"))
        using (w.Block("for (int l = 0; l < TileSize; l++)"))
        {
            w.Line($"{c.T} x = {c.At("input", "i * TileSize + l")};");
            w.Line($"{c.At("samples", $"l * {inputs} + i")} = {(curvature ? "x * x" : "x")};");
        }
        if (inputs < width)
        {
            w.Line($"// fewer inputs than one vector holds: element by element");
            using (w.Block($"for (int u = 0; u < {units}; u++)"))
            using (w.Block($"for (int i = 0; i < {inputs}; i++)"))
            {
                w.Line($"{c.T} g = 0;");
                w.Line($"for (int l = 0; l < TileSize; l++) g += {c.At("deltasOfTile", "u * TileSize + l")} * {c.At("samples", $"l * {inputs} + i")};");
                w.Line($"{c.At("weightDeltas", $"u * {inputs} + i")} += g;");
            }
            return;
        }
        int full = inputs / width, tail = inputs % width;
        if (tail > 0)
            w.Line($"{c.V} newPart = {c.Width.Api}.GreaterThanOrEqual({c.Width.Api}.Create(" +
                string.Join(", ", Enumerable.Range(0, width).Select(k => c.E.Literal(k))) + $"), {c.Splat(c.E.Literal(width - tail))});");
        const int group = 4;
        // Two units at a time where there are two: each input vector loaded serves both units' rows, and the eight
        // sums in flight cover the fused multiply-add's latency (four were one dependent chain each).
        void Units(int unitCount)
        {
            w.Line(c.Ref("row", "weightDeltas", $"u * {inputs}"));
            w.Line(c.Ref("delta", "deltasOfTile", "u * TileSize"));
            // Columns of the row, a vector each: groups of four in a loop, then the rest; the last one may overlap.
            void Group(IReadOnlyList<string> columns, bool lastIsTail)
            {
                using (w.Block())
                {
                    w.Line($"{c.V} " + string.Join(", ", Enumerable.Range(0, unitCount).SelectMany(n => columns.Select((_, k) => $"g{n}_{k} = {c.Zero}"))) + ";");
                    using (w.Block("for (int l = 0; l < TileSize; l++)"))
                    {
                        for (int n = 0; n < unitCount; n++) w.Line($"{c.V} d{n} = {c.Splat(c.At("delta", n == 0 ? "l" : $"{n} * TileSize + l"))};");
                        w.Line(c.Ref("sample", "samples", $"l * {inputs}"));
                        for (int k = 0; k < columns.Count; k++)
                            w.Line($"{c.V} x{k} = {c.Load("sample", columns[k])}; " +
                                string.Join(" ", Enumerable.Range(0, unitCount).Select(n => $"g{n}_{k} = {c.Fma($"d{n}", $"x{k}", $"g{n}_{k}")};")));
                    }
                    for (int n = 0; n < unitCount; n++)
                        for (int k = 0; k < columns.Count; k++)
                        {
                            string g = lastIsTail && k == columns.Count - 1 ? $"{c.Width.Api}.ConditionalSelect(newPart, g{n}_{k}, {c.Zero})" : $"g{n}_{k}";
                            string at = n == 0 ? columns[k] : $"{columns[k]} + {n * inputs}";
                            w.Line(c.Store($"{c.Load("row", at)} + {g}", "row", at));
                        }
                }
            }
            int grouped = full / group * group;
            if (grouped > 0)
                using (w.Block($"for (int i = 0; i < {grouped * width}; i += {group * width})"))
                    Group(Enumerable.Range(0, group).Select(k => k == 0 ? "i" : $"i + {k * width}").ToList(), lastIsTail: false);
            var rest = Enumerable.Range(grouped, full - grouped).Select(b => Naming.Int((long)b * width)).ToList();
            if (tail > 0) rest.Add(Naming.Int(inputs - width));
            if (rest.Count > 0) Group(rest, lastIsTail: tail > 0);
        }
        int paired = units / 2 * 2;
        if (paired > 0)
            using (w.Block($"for (int u = 0; u < {paired}; u += 2)"))
                Units(2);
        if (paired < units)
            using (w.Block())
            {
                w.Line($"const int u = {paired};");
                Units(1);
            }
    }

    private static string Plus(string variable, int offset) => offset == 0 ? variable : $"{variable} + {offset}";
}
