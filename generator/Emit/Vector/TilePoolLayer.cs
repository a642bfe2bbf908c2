using System.Collections.Generic;
using System.Linq;
using LeNetGen.Generator.Model;

namespace LeNetGen.Generator.Emit.Vector;

/// <summary>
/// A pooling layer's tile kernels: average, max or LeNet-5's trainable subsampling, each window written out, every
/// vector one value of the tile's samples. Max pooling routes each delta to the first largest input of its window in
/// each lane, as the scalar pass does, with lane masks.
/// </summary>
internal static class TilePoolLayer
{
    public static void EmitForward(SourceWriter w, TileLayer layer, TileCode c)
    {
        LayerPlan p = layer.Plan;
        Shape input = p.In, output = p.Out;
        string kind = p.PoolKind switch { PoolKind.Average => "average pooling", PoolKind.Max => "max pooling", _ => "subsampling (window sum x coefficient + bias)" };
        w.Line($"// {p.Name}, forward: {kind} {input.ToMapsString()} -> {output.ToMapsString()}, window {p.Window}x{p.Window}, stride {p.Stride}{PoolWindows.CeilNote(p)}, {Naming.ActivationTitle(p.Activation)}");
        w.Line($"//   each vector: one value of {c.Count} samples side by side; the window's {p.Window * p.Window} inputs written out");
        w.Line(TileCode.Optimized);
        using (w.Block($"private static void {c.Method(p.Name + "ForwardTile")}(ref {c.T} tile, ref {c.T} parameters)"))
        {
            bool subsample = p.PoolKind == PoolKind.Subsample;
            if (subsample)
            {
                w.Line(c.Ref("coefficients", "parameters", layer.WeightsOffset));
                w.Line(c.Ref("biases", "parameters", layer.BiasesOffset));
            }
            using (w.Block(c.LaneLoop))
            {
                w.Line(c.Ref("input", "tile", layer.Input + " + lane"));
                w.Line(c.Ref("sums", "tile", layer.Sums + " + lane"));
                if (layer.HasSeparateSums) w.Line(c.Ref("values", "tile", layer.Values + " + lane"));
                using (w.Block($"for (int m = 0; m < {output.Maps}; m++)"))
                {
                    if (subsample)
                    {
                        w.Line($"{c.V} coefficient = {c.Splat(c.At("coefficients", "m"))};");
                        w.Line($"{c.V} bias = {c.Splat(c.At("biases", "m"))};");
                    }
                    foreach ((PoolBand rows, PoolBand columns) in PoolWindows.Of(p))
                    using (Positions(w, layer, rows, columns))
                    {
                        List<string> cells = Cells(layer, c, rows.Extent, columns.Extent);
                        w.Line(c.Ref("window", "input", "at"));
                        w.Line($"{c.V} s = {c.Load("window", cells[0])};");
                        foreach (string cell in cells.Skip(1))
                            w.Line(p.PoolKind == PoolKind.Max ? $"s = {c.Max("s", c.Load("window", cell))};" : $"s += {c.Load("window", cell)};");
                        if (p.PoolKind == PoolKind.Average) w.Line($"s *= {c.Splat(c.E.Literal(1.0 / (rows.Extent * columns.Extent)))};");
                        if (subsample) w.Line($"s = {c.Fma("s", "coefficient", "bias")};");
                        w.Line(c.Store("s", "sums", "o"));
                        if (layer.HasSeparateSums) w.Line(c.Store(c.Activate(p.Activation, "s"), "values", "o"));
                    }
                }
            }
        }
    }

    public static void EmitBackward(SourceWriter w, TileLayer layer, TileCode c, bool curvature)
    {
        LayerPlan p = layer.Plan;
        string pass = curvature ? "Curvature" : "Backward";
        bool subsample = p.PoolKind == PoolKind.Subsample;
        w.Line($"// {p.Name}, {pass.ToLowerInvariant()}: deltas {p.Out.ToMapsString()} -> " +
            (layer.InputDeltas is null ? "" : $"the input's deltas {p.In.ToMapsString()}") +
            (subsample ? (layer.InputDeltas is null ? "" : ", ") + $"{(curvature ? "d2E/dw2" : "dE/dw")} of the coefficients and biases" : ""));
        w.Line(TileCode.Optimized);
        using (w.Block($"private static void {c.Method(p.Name + pass + "Tile")}(ref {c.T} tile, ref {c.T} parameters, ref {c.T} gradients)"))
        {
            if (!subsample && layer.InputDeltas is null) return;
            if (subsample)
            {
                w.Line(c.Ref("coefficients", "parameters", layer.WeightsOffset));
                w.Line(c.Ref("coefficientDeltas", "gradients", layer.WeightsOffset));
                w.Line(c.Ref("biasDeltas", "gradients", layer.BiasesOffset));
            }
            using (w.Block(c.LaneLoop))
            {
                w.Line(c.Ref("input", "tile", layer.Input + " + lane"));
                w.Line(c.Ref("deltas", "tile", layer.Deltas + " + lane"));
                TileKernels.ActivationDerivative(w, layer, c, curvature);
                bool withInput = layer.InputDeltas is not null;
                // Windows that do not overlap write each input's delta once, without reading it first; only inputs no
                // window covers then need zeros.
                bool disjoint = p.Stride >= p.Window;
                bool covered = p.Stride == p.Window && p.Out.Height * p.Stride == p.In.Height && p.Out.Width * p.Stride == p.In.Width;
                string Add(string cell, string value) => disjoint ? c.Store(value, "windowDeltas", cell) : c.Store($"{c.Load("windowDeltas", cell)} + {value}", "windowDeltas", cell);
                if (withInput)
                {
                    w.Line(c.Ref("inputDeltas", "tile", layer.InputDeltas + " + lane"));
                    if (!covered) TileKernels.Clear(w, c, "inputDeltas", p.In.Size);
                }
                // ActivationDerivative has declared the sums already for a ReLU.
                if (p.PoolKind == PoolKind.Max && p.Activation != Model.Act.Relu) w.Line(c.Ref("sums", "tile", layer.Sums + " + lane"));
                using (w.Block($"for (int m = 0; m < {p.Out.Maps}; m++)"))
                {
                    if (subsample)
                    {
                        string coefficient = c.At("coefficients", "m");
                        w.Line($"{c.V} spread = {c.Splat(curvature ? $"{coefficient} * {coefficient}" : coefficient)};");
                        w.Line($"{c.V} coefficientSum = {c.Zero}, biasSum = {c.Zero};");
                    }
                    foreach ((PoolBand rows, PoolBand columns) in PoolWindows.Of(p))
                    using (Positions(w, layer, rows, columns))
                    {
                        List<string> cells = Cells(layer, c, rows.Extent, columns.Extent);
                        w.Line(c.Ref("window", "input", "at"));
                        if (withInput) w.Line(c.Ref("windowDeltas", "inputDeltas", "at"));
                        w.Line($"{c.V} d = {c.Load("deltas", "o")};");
                        switch (p.PoolKind)
                        {
                            case PoolKind.Average:
                                double scale = 1.0 / (rows.Extent * columns.Extent);
                                w.Line($"d *= {c.Splat(c.E.Literal(curvature ? scale * scale : scale))};");
                                foreach (string cell in cells) w.Line(Add(cell, "d"));
                                break;
                            case PoolKind.Max:
                                w.Line($"{c.V} largest = {c.Load("sums", "o")}, taken = {c.Zero}, hit;");
                                foreach (string cell in cells)
                                {
                                    w.Line($"hit = {c.Width.Api}.AndNot({c.Width.Api}.Equals({c.Load("window", cell)}, largest), taken); taken |= hit;");
                                    w.Line(Add(cell, "(d & hit)"));
                                }
                                break;
                            default:
                                w.Line($"{c.V} s = " + string.Join(" + ", cells.Select(cell => c.Load("window", cell))) + ";");
                                w.Line(curvature ? $"coefficientSum = {c.Fma("d", "s * s", "coefficientSum")};" : $"coefficientSum = {c.Fma("d", "s", "coefficientSum")};");
                                w.Line("biasSum += d;");
                                if (withInput)
                                {
                                    w.Line("d *= spread;");
                                    foreach (string cell in cells) w.Line(Add(cell, "d"));
                                }
                                break;
                        }
                    }
                    if (subsample)
                    {
                        w.Line($"{c.At("coefficientDeltas", "m")} += {c.Sum("coefficientSum")};");
                        w.Line($"{c.At("biasDeltas", "m")} += {c.Sum("biasSum")};");
                    }
                }
            }
        }
    }

    /// <summary>
    /// Opens the loops over map m's output positions in <paramref name="rowBand"/> x <paramref name="columnBand"/> (all of
    /// them but in ceil mode, whose clipped windows get loops of their own), declaring o (the output value's place) and
    /// at (the window's).
    /// </summary>
    private static System.IDisposable Positions(SourceWriter w, TileLayer layer, PoolBand rowBand, PoolBand columnBand)
    {
        LayerPlan p = layer.Plan;
        Shape input = p.In, output = p.Out;
        var rows = w.Block(PoolWindows.Loop("y", rowBand));
        var columns = w.Block(PoolWindows.Loop("x", columnBand));
        w.Line($"int o = ((m * {output.Height} + y) * {output.Width} + x) * TileSize;");
        w.Line($"int at = ((m * {input.Height} + y * {p.Stride}) * {input.Width} + x * {p.Stride}) * TileSize;");
        return new NestedBlocks(columns, rows);
    }

    /// <summary>The offsets of a <paramref name="height"/> x <paramref name="width"/> window's cells from its origin.</summary>
    private static List<string> Cells(TileLayer layer, TileCode c, int height, int width)
    {
        var cells = new List<string>();
        for (int ky = 0; ky < height; ky++)
            for (int kx = 0; kx < width; kx++)
            {
                cells.Add(Naming.Int(((long)ky * layer.Plan.In.Width + kx) * c.TileSize));
            }
        return cells;
    }
}
