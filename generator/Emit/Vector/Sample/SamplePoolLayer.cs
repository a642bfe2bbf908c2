using System.Collections.Generic;
using System.Linq;
using LeNetGen.Generator.Model;

namespace LeNetGen.Generator.Emit.Vector.Sample;

/// <summary>
/// A pooling layer's one-sample kernels: average, max or LeNet-5's trainable subsampling. Forward, 2x2 windows at stride 2
/// go in vectors (<see cref="EmitPairsForward"/>: average and subsampling the scalar kernels' sums bit for bit, max the
/// same but for signed zeros and NaNs, where the vector max follows IEEE 754); other windows, and the backward passes,
/// add (or compare) a window's few inputs one by one, as the scalar kernels do. The activation and its derivative run in
/// vectors over the whole layer. Max pooling routes each delta to the first largest input of its window.
/// </summary>
internal static class SamplePoolLayer
{
    public static void EmitForward(SourceWriter w, SampleLayer layer, TileCode c)
    {
        if (PairsFit(layer.Plan, c))
        {
            EmitPairsForward(w, layer, c);
            return;
        }
        LayerPlan p = layer.Plan;
        Shape input = p.In, output = p.Out;
        bool subsample = p.PoolKind == PoolKind.Subsample;
        w.Line($"// {p.Name}, forward, one sample: {Kind(p)} {input.ToMapsString()} -> {output.ToMapsString()}, window {p.Window}x{p.Window}, stride {p.Stride}{PoolWindows.CeilNote(p)}, {Naming.ActivationTitle(p.Activation)}");
        w.Line($"//   the windows one by one into the sums; then the activation, {c.Count} values at a time");
        w.Line(TileCode.Optimized);
        using (w.Block($"private static void {c.Method(p.Name + "ForwardSample")}(ref {c.T} input, ref {c.T} parameters, ref {c.T} workspace)"))
        {
            SampleKernels.ForwardRefs(w, layer, c, subsample ? "coefficients" : null);
            using (w.Block($"for (int m = 0; m < {output.Maps}; m++)"))
            {
                if (subsample) w.Line($"{c.T} coefficient = {c.At("coefficients", "m")}, bias = {c.At("biases", "m")};");
                foreach ((PoolBand rows, PoolBand columns) in PoolWindows.Of(p))
                using (Positions(w, p, rows, columns))
                {
                    List<string> cells = Cells(p, rows.Extent, columns.Extent);
                    w.Line(c.Ref("window", "input", "at"));
                    w.Line($"{c.T} s = {c.At("window", cells[0])};");
                    foreach (string cell in cells.Skip(1))
                        w.Line(p.PoolKind == PoolKind.Max ? $"if ({c.At("window", cell)} > s) s = {c.At("window", cell)};" : $"s += {c.At("window", cell)};");
                    if (p.PoolKind == PoolKind.Average) w.Line($"s *= {c.E.Literal(1.0 / (rows.Extent * columns.Extent))};");
                    if (subsample) w.Line("s = s * coefficient + bias;");
                    w.Line($"{c.At("sums", "o")} = s;");
                }
            }
            if (layer.HasSeparateSums) SampleKernels.Activation(w, c, p.Activation, "sums", "values", output.Size);
        }
    }

    /// <summary>
    /// Whether the forward windows go in vectors: 2x2 windows at stride 2, none clipped, rows of outputs at least half a
    /// vector wide (so that each vector of outputs reads whole vectors inside its two input rows).
    /// </summary>
    private static bool PairsFit(LayerPlan p, TileCode c) =>
        p.Window == 2 && p.Stride == 2 && p.Padding == 0 && !PoolWindows.AnyClipped(p) && 2 * p.Out.Width >= c.Count;

    /// <summary>
    /// The forward windows in vectors: a vector of a row's adjacent outputs (the last one moved back to end at the row's
    /// end, or, in a row narrower than a vector, the whole row and lanes past it that the next row overwrites) from two
    /// vectors of each of its two input rows. In each input vector a window's two columns are neighbouring lanes: the
    /// pair is combined into the even lane in the scalar kernels' order (top left, top right, bottom left, bottom right),
    /// and the even lanes of the two vectors are gathered into one.
    /// </summary>
    private static void EmitPairsForward(SourceWriter w, SampleLayer layer, TileCode c)
    {
        LayerPlan p = layer.Plan;
        Shape input = p.In, output = p.Out;
        bool subsample = p.PoolKind == PoolKind.Subsample;
        int lanes = c.Count, half = lanes / 2;
        int n = System.Math.Min(lanes, output.Width);
        List<int> starts = output.Width >= lanes ? SampleLayer.BlockStarts(output.Width, lanes) : new List<int> { 0 };
        string index = c.E.Name == "double" ? "long" : "int";
        string As = c.E.Name == "double" ? "AsDouble" : "AsSingle";
        string Indices(System.Func<int, int> lane) => $"{c.Width.Api}.Create({string.Join(", ", Enumerable.Range(0, lanes).Select(j => $"({index}){lane(j)}"))})";
        // The partner lane of each lane; output j's even lane in the first vector (j below half) or in the second.
        string partners = Indices(j => j ^ 1), fromFirst = Indices(j => j < half ? 2 * j : 0), fromSecond = Indices(j => j >= half ? 2 * j - 2 * n + lanes : 0);
        string firstHalf = $"{c.Width.Api}.{As}({Indices(j => j < half ? -1 : 0)})";
        string Combine(string a, string b) => p.PoolKind == PoolKind.Max ? c.Max(a, b) : $"{a} + {b}";

        w.Line($"// {p.Name}, forward, one sample: {Kind(p)} {input.ToMapsString()} -> {output.ToMapsString()}, window 2x2, stride 2{PoolWindows.CeilNote(p)}, {Naming.ActivationTitle(p.Activation)}");
        w.Line($"//   each vector: {n} adjacent outputs of one row{(output.Width < lanes ? $" (and {lanes - n} lanes past its end, which the next row overwrites)" : $", at columns {string.Join(", ", starts)}")}, from two vectors");
        w.Line($"//   of each of its two input rows (t, b): a window's columns are neighbouring lanes, combined into the even one, the even lanes of both gathered");
        if (subsample) w.Line("//   then x coefficient + bias; then the activation");
        w.Line(TileCode.Optimized);
        using (w.Block($"private static void {c.Method(p.Name + "ForwardSample")}(ref {c.T} input, ref {c.T} parameters, ref {c.T} workspace)"))
        {
            SampleKernels.ForwardRefs(w, layer, c, subsample ? "coefficients" : null);
            using (w.Block($"for (int m = 0; m < {output.Maps}; m++)"))
            {
                if (subsample) w.Line($"{c.V} coefficient = {c.Splat(c.At("coefficients", "m"))}, bias = {c.Splat(c.At("biases", "m"))};");
                using (w.Block($"for (int y = 0; y < {output.Height}; y++)"))
                {
                    w.Line(c.Ref("top", "input", $"(m * {input.Height} + 2 * y) * {input.Width}"));
                    w.Line(c.Ref("bottom", "top", Naming.Int(input.Width)));
                    w.Line(c.Ref("row", "sums", $"(m * {output.Height} + y) * {output.Width}"));
                    foreach (int x0 in starts)
                        using (w.Block())
                        {
                            int first = 2 * x0, second = 2 * x0 + 2 * n - lanes;
                            w.Line($"{c.V} t0 = {c.Load("top", Naming.Int(first))}, b0 = {c.Load("bottom", Naming.Int(first))}, t1 = {c.Load("top", Naming.Int(second))}, b1 = {c.Load("bottom", Naming.Int(second))};");
                            for (int k = 0; k < 2; k++)
                                w.Line($"{c.V} w{k} = {Combine(Combine(Combine($"t{k}", $"{c.Width.Api}.Shuffle(t{k}, {partners})"), $"b{k}"), $"{c.Width.Api}.Shuffle(b{k}, {partners})")};");
                            w.Line($"{c.V} s = {c.Width.Api}.ConditionalSelect({firstHalf}, {c.Width.Api}.Shuffle(w0, {fromFirst}), {c.Width.Api}.Shuffle(w1, {fromSecond}));");
                            if (p.PoolKind == PoolKind.Average) w.Line($"s *= {c.E.Literal(0.25)};");
                            if (subsample) w.Line("s = s * coefficient + bias;");
                            if (n == lanes) w.Line(c.Store("s", "row", Naming.Int(x0)));
                            else
                            {
                                // The last row's lanes past it would land beyond the layer's region: its n values one by one.
                                using (w.Block($"if (m == {output.Maps - 1} && y == {output.Height - 1})"))
                                    w.Line($"for (int j = 0; j < {n}; j++) {c.At("row", "j")} = {c.Width.Api}.GetElement(s, j);");
                                w.Line("else " + c.Store("s", "row", "0"));
                            }
                        }
                }
            }
            if (layer.HasSeparateSums) SampleKernels.Activation(w, c, p.Activation, "sums", "values", output.Size);
        }
    }

    public static void EmitBackward(SourceWriter w, SampleLayer layer, TileCode c, bool curvature)
    {
        LayerPlan p = layer.Plan;
        Shape input = p.In, output = p.Out;
        bool subsample = p.PoolKind == PoolKind.Subsample;
        string pass = curvature ? "Curvature" : "Backward";
        w.Line($"// {p.Name}, {pass.ToLowerInvariant()}, one sample: deltas {output.ToMapsString()} -> the input's deltas {input.ToMapsString()}" +
            (subsample ? $", and {(curvature ? "d2E/dw2" : "dE/dw")} of the coefficients and biases" : ""));
        w.Line($"//   the activation's derivative {c.Count} values at a time; then the windows one by one");
        w.Line(TileCode.Optimized);
        using (w.Block($"private static void {c.Method(p.Name + pass + "Sample")}(ref {c.T} input, ref {c.T} parameters, ref {c.T} workspace, ref {c.T} gradients, ref {c.T} inputDeltas, bool withInputDeltas)"))
        {
            w.Line(c.Ref("deltas", "workspace", layer.Deltas));
            SampleKernels.Derivative(w, c, layer, "deltas", output.Size, curvature);
            if (subsample)
            {
                w.Line(c.Ref("coefficients", "parameters", layer.WeightsOffset));
                w.Line(c.Ref("coefficientGradients", "gradients", layer.WeightsOffset));
                w.Line(c.Ref("biasGradients", "gradients", layer.BiasesOffset));
            }
            else w.Line("if (!withInputDeltas) return;");
            // Windows that tile the input exactly give each input's delta once: it is stored, without clearing and
            // adding (max pooling still adds, into the one cell of its window that was largest).
            bool covered = p.Stride == p.Window && output.Height * p.Stride == input.Height && output.Width * p.Stride == input.Width;
            bool store = covered && p.PoolKind != PoolKind.Max;
            string assign = store ? "=" : "+=";
            if (!store) w.Line($"if (withInputDeltas) global::System.Runtime.InteropServices.MemoryMarshal.CreateSpan(ref inputDeltas, {input.Size}).Clear();");
            using (w.Block($"for (int m = 0; m < {output.Maps}; m++)"))
            {
                if (subsample)
                {
                    w.Line($"{c.T} coefficient = {c.At("coefficients", "m")};");
                    w.Line($"{c.T} coefficientSum = 0, biasSum = 0;");
                }
                foreach ((PoolBand rows, PoolBand columns) in PoolWindows.Of(p))
                using (Positions(w, p, rows, columns))
                {
                    List<string> cells = Cells(p, rows.Extent, columns.Extent);
                    w.Line(c.Ref("window", "input", "at"));
                    w.Line($"{c.T} d = {c.At("deltas", "o")};");
                    switch (p.PoolKind)
                    {
                        case PoolKind.Average:
                            w.Line(c.Ref("windowDeltas", "inputDeltas", "at"));
                            double scale = 1.0 / (rows.Extent * columns.Extent);
                            w.Line($"d *= {c.E.Literal(curvature ? scale * scale : scale)};");
                            foreach (string cell in cells) w.Line($"{c.At("windowDeltas", cell)} {assign} d;");
                            break;
                        case PoolKind.Max:
                            w.Line($"int best = {cells[0]};");
                            foreach (string cell in cells.Skip(1))
                                w.Line($"if ({c.At("window", cell)} > {c.At("window", "best")}) best = {cell};");
                            w.Line($"{c.At("inputDeltas", "at + best")} += d;");
                            break;
                        default:
                            w.Line($"{c.T} s = " + string.Join(" + ", cells.Select(cell => c.At("window", cell))) + ";");
                            w.Line(curvature ? "coefficientSum += s * s * d;" : "coefficientSum += s * d;");
                            w.Line("biasSum += d;");
                            using (w.Block("if (withInputDeltas)"))
                            {
                                w.Line(c.Ref("windowDeltas", "inputDeltas", "at"));
                                w.Line(curvature ? "d *= coefficient * coefficient;" : "d *= coefficient;");
                                foreach (string cell in cells) w.Line($"{c.At("windowDeltas", cell)} {assign} d;");
                            }
                            break;
                    }
                }
                if (subsample)
                {
                    w.Line($"{c.At("coefficientGradients", "m")} += coefficientSum;");
                    w.Line($"{c.At("biasGradients", "m")} += biasSum;");
                }
            }
        }
    }

    private static string Kind(LayerPlan p) => p.PoolKind switch
    {
        PoolKind.Average => "average pooling",
        PoolKind.Max => "max pooling",
        _ => "subsampling (window sum x coefficient + bias)",
    };

    /// <summary>
    /// Opens the loops over map m's output positions in <paramref name="rowBand"/> x <paramref name="columnBand"/> (all of
    /// them but in ceil mode, whose clipped windows get loops of their own), declaring o (the output's place) and at (its
    /// window's).
    /// </summary>
    private static System.IDisposable Positions(SourceWriter w, LayerPlan p, PoolBand rowBand, PoolBand columnBand)
    {
        var rows = w.Block(PoolWindows.Loop("y", rowBand));
        var columns = w.Block(PoolWindows.Loop("x", columnBand));
        w.Line($"int o = (m * {p.Out.Height} + y) * {p.Out.Width} + x;");
        w.Line($"int at = (m * {p.In.Height} + y * {p.Stride}) * {p.In.Width} + x * {p.Stride};");
        return new NestedBlocks(columns, rows);
    }

    /// <summary>The offsets of a <paramref name="height"/> x <paramref name="width"/> window's cells from its origin.</summary>
    private static List<string> Cells(LayerPlan p, int height, int width)
    {
        var cells = new List<string>();
        for (int ky = 0; ky < height; ky++)
            for (int kx = 0; kx < width; kx++) cells.Add(Naming.Int((long)ky * p.In.Width + kx));
        return cells;
    }
}
