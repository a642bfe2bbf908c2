using System;
using System.Collections.Generic;
using System.Linq;
using LeNetGen.Generator.Model;

namespace LeNetGen.Generator.Emit.Vector.Sample;

/// <summary>
/// A convolution's one-sample kernels (stride 1, no padding): each vector holds adjacent output columns of one row,
/// the last vector of a row moved back to end at the row's end. Forward: a few rows' column vectors accumulate in
/// registers over every connected input map and kernel tap, each weight broadcast once for all of them. Weight
/// gradients: one accumulator per kernel tap, a vector of deltas times a vector of inputs per row, summed across lanes
/// at the end. The input's deltas: each delta vector times each weight added to the input rows it came from.
/// </summary>
internal static class SampleConvLayer
{
    public static void EmitForward(SourceWriter w, SampleLayer layer, TileCode c)
    {
        LayerPlan p = layer.Plan;
        Shape input = p.In, output = p.Out;
        int kh = p.KernelHeight, kw = p.KernelWidth;
        List<int> starts = SampleLayer.BlockStarts(output.Width, c.Count);
        int blocks = starts.Count;
        int rows = Math.Max(1, Math.Min(Math.Min(output.Height, 4), (c.Width.Registers - 4) / blocks));
        w.Line($"// {p.Name}, forward, one sample: convolution {input.ToMapsString()} -> {output.ToMapsString()}, kernel {kh}x{kw}, {Naming.ActivationTitle(p.Activation)}");
        int mapBlock = SampleWideConvLayer.MapBlock(p, c, rows * blocks);
        w.Line($"//   each vector: {c.Count} adjacent output columns of one row, at columns {string.Join(", ", starts)}; {rows} rows at a time, so {rows * blocks} vectors of sums (a<row>_<block>) take each broadcast weight");
        if (mapBlock > 1) w.Line($"//   {mapBlock} output maps at a time (a<map>_<row>_<block>), each input vector loaded once for all of them");
        w.Line(TileCode.Optimized);
        using (w.Block($"private static void {c.Method(p.Name + "ForwardSample")}(ref {c.T} input, ref {c.T} parameters, ref {c.T} workspace)"))
        {
            SampleKernels.ForwardRefs(w, layer, c);
            TileBlocks.Loop(w, "o", output.Maps, mapBlock, maps =>
            {
                // One map's names carry no map number (a<row>_<block>, k<kx>, kernel); a block's do (a<map>_<row>_<block>, ...).
                string Of(string stem, int mb) => maps == 1 ? stem : stem + mb;
                string A(int mb, int j, int b) => maps == 1 ? $"a{j}_{b}" : $"a{mb}_{j}_{b}";
                string K(int mb, int kx) => maps == 1 ? $"k{kx}" : $"k{mb}_{kx}";
                for (int mb = 0; mb < maps; mb++)
                    w.Line($"{c.V} {Of("bias", mb)} = {c.Splat(c.At("biases", SampleKernels.Plus("o", mb)))};");
                TileBlocks.Loop(w, "y", output.Height, rows, n =>
                {
                    for (int mb = 0; mb < maps; mb++)
                    {
                        var sums = new List<string>();
                        for (int j = 0; j < n; j++)
                            for (int b = 0; b < blocks; b++) sums.Add(A(mb, j, b));
                        w.Line($"{c.V} {string.Join(", ", sums.Select(s => $"{s} = {Of("bias", mb)}"))};");
                    }
                    using (OpenPairs(w, p))
                    {
                        for (int mb = 0; mb < maps; mb++)
                            w.Line(c.Ref(Of("kernel", mb), "weights", KernelOfMap(p, mb)));
                        w.Line(c.Ref("rows", "input", $"i * {input.Height * input.Width} + y * {input.Width}"));
                        // A loop over the kernel's rows, so that no input vector is named twice in one body (the JIT would keep
                        // the repeats in registers it does not have, and spill them).
                        using (w.Block($"for (int ky = 0; ky < {kh}; ky++)"))
                        {
                            for (int mb = 0; mb < maps; mb++)
                                w.Line(c.Ref(Of("kernelRow", mb), Of("kernel", mb), $"ky * {kw}"));
                            w.Line(c.Ref("inputRow", "rows", $"ky * {input.Width}"));
                            w.Line($"{c.V} x;");
                            for (int kx = 0; kx < kw; kx++)
                            {
                                for (int mb = 0; mb < maps; mb++)
                                    w.Line($"{c.V} {K(mb, kx)} = {c.Splat(c.At(Of("kernelRow", mb), Naming.Int(kx)))};");
                                // each input vector loaded once for the block's maps
                                for (int j = 0; j < n; j++)
                                    foreach (int b in Enumerable.Range(0, blocks))
                                        w.Line($"x = {c.Load("inputRow", Naming.Int((long)j * input.Width + starts[b] + kx))}; " +
                                            string.Join(" ", Enumerable.Range(0, maps).Select(mb => $"{A(mb, j, b)} = {c.Fma("x", K(mb, kx), A(mb, j, b))};")));
                            }
                        }
                    }
                    for (int mb = 0; mb < maps; mb++)
                        for (int j = 0; j < n; j++)
                            for (int b = 0; b < blocks; b++)
                            {
                                string place = $"{(mb == 0 ? "o" : $"(o + {mb})")} * {output.Height * output.Width} + ({SampleKernels.Plus("y", j)}) * {output.Width} + {starts[b]}";
                                w.Line(c.Store(A(mb, j, b), "sums", $"({place})"));
                            }
                });
            });
            // The activation in a pass of its own (the sums are in the first-level cache): beside the blocks' sums, its
            // constants and temporaries would not fit in the registers.
            if (layer.HasSeparateSums) SampleKernels.Activation(w, c, p.Activation, "sums", "values", output.Size);
        }
    }

    public static void EmitBackward(SourceWriter w, SampleLayer layer, TileCode c, bool curvature)
    {
        LayerPlan p = layer.Plan;
        Shape input = p.In, output = p.Out;
        int kh = p.KernelHeight, kw = p.KernelWidth, kernel = kh * kw;
        int outMap = output.Height * output.Width, inMap = input.Height * input.Width;
        List<int> starts = SampleLayer.BlockStarts(output.Width, c.Count);
        int blocks = starts.Count, overlap = SampleLayer.Overlap(output.Width, c.Count);
        // Kernel rows whose taps' accumulators fit in the registers beside a delta and an input vector.
        int kernelRows = Math.Max(1, Math.Min(kh, (c.Width.Registers - 4) / kw));
        string pass = curvature ? "Curvature" : "Backward";
        w.Line($"// {p.Name}, {pass.ToLowerInvariant()}, one sample: deltas {output.ToMapsString()} -> {(curvature ? "d2E/dw2" : "dE/dw")} of {Naming.Weights(p)} and {Naming.Biases(p)}, and the input's deltas {input.ToMapsString()}");
        w.Line($"//   each vector: {c.Count} adjacent columns of one row of deltas, at columns {string.Join(", ", starts)}" +
            (overlap > 0 ? $" (the last one's first {overlap} lanes masked off: the vector before has them)" : ""));
        w.Line($"//   weight {(curvature ? "curvatures (deltas x squared inputs)" : "gradients")}: one accumulator per tap (g<ky>_<kx>), {kernelRows} kernel rows at a time, summed across lanes at the end");
        w.Line(TileCode.Optimized);
        using (w.Block($"private static void {c.Method(p.Name + pass + "Sample")}(ref {c.T} input, ref {c.T} parameters, ref {c.T} workspace, ref {c.T} gradients, ref {c.T} inputDeltas, bool withInputDeltas)"))
        {
            w.Line(c.Ref("deltas", "workspace", layer.Deltas));
            SampleKernels.Derivative(w, c, layer, "deltas", output.Size, curvature);
            w.Line(c.Ref("weightGradients", "gradients", layer.WeightsOffset));
            w.Line(c.Ref("biasGradients", "gradients", layer.BiasesOffset));
            if (overlap > 0) w.Line(SampleKernels.Mask(c, "fresh", overlap));
            string Delta(int b) => b == blocks - 1 && overlap > 0 ? $"({c.Load("row", Naming.Int(starts[b]))} & fresh)" : c.Load("row", Naming.Int(starts[b]));

            using (w.Block($"for (int o = 0; o < {output.Maps}; o++)"))
            {
                w.Line(c.Ref("map", "deltas", $"o * {outMap}"));
                w.Line($"{c.V} biasSum = {c.Zero};");
                using (w.Block($"for (int y = 0; y < {output.Height}; y++)"))
                {
                    w.Line(c.Ref("row", "map", $"y * {output.Width}"));
                    foreach (int b in Enumerable.Range(0, blocks)) w.Line($"biasSum += {Delta(b)};");
                }
                w.Line($"{c.At("biasGradients", "o")} += {c.Sum("biasSum")};");
                using (OpenPairs(w, p))
                {
                    w.Line(c.Ref("kernelGradients", "weightGradients", $"pair * {kernel}"));
                    w.Line(c.Ref("inputMap", "input", $"i * {inMap}"));
                    for (int first = 0; first < kh; first += kernelRows)
                    {
                        int last = Math.Min(kh, first + kernelRows);
                        using (w.Block())
                        {
                            var taps = new List<(int Ky, int Kx)>();
                            for (int ky = first; ky < last; ky++)
                                for (int kx = 0; kx < kw; kx++) taps.Add((ky, kx));
                            w.Line($"{c.V} {string.Join(", ", taps.Select(t => $"g{t.Ky}_{t.Kx} = {c.Zero}"))};");
                            using (w.Block($"for (int y = 0; y < {output.Height}; y++)"))
                            {
                                w.Line(c.Ref("row", "map", $"y * {output.Width}"));
                                w.Line(c.Ref("inputRows", "inputMap", $"y * {input.Width}"));
                                for (int b = 0; b < blocks; b++)
                                {
                                    w.Line($"{c.V} d{b} = {Delta(b)};");
                                    foreach (var (ky, kx) in taps)
                                    {
                                        string x = c.Load("inputRows", Naming.Int((long)ky * input.Width + starts[b] + kx));
                                        w.Line(curvature
                                            ? $"{{ {c.V} x = {x}; g{ky}_{kx} = {c.Fma($"d{b}", "x * x", $"g{ky}_{kx}")}; }}"
                                            : $"g{ky}_{kx} = {c.Fma($"d{b}", x, $"g{ky}_{kx}")};");
                                    }
                                }
                            }
                            SampleKernels.AddLaneSums(w, c, taps.Select(t => $"g{t.Ky}_{t.Kx}").ToList(), "kernelGradients", first * kw);
                        }
                    }
                }
            }

            w.Line("if (!withInputDeltas) return;");
            EmitInputDeltas(w, layer, c, curvature);
        }
    }

    /// <summary>
    /// The input's deltas, gathered rather than scattered (adding shifted vectors into memory one kernel tap after
    /// another would make each load wait on the store before it): output map after output map, its deltas are copied
    /// into a zero-padded plane, and each row of each connected input map's deltas is then a plain sum over the kernel
    /// of weight times a vector of that plane, a few rows in registers, added to the row once.
    /// </summary>
    private static void EmitInputDeltas(SourceWriter w, SampleLayer layer, TileCode c, bool curvature)
    {
        LayerPlan p = layer.Plan;
        Shape input = p.In, output = p.Out;
        int kh = p.KernelHeight, kw = p.KernelWidth, kernel = kh * kw;
        int outMap = output.Height * output.Width, inMap = input.Height * input.Width;
        int planeHeight = output.Height + 2 * (kh - 1), planeWidth = output.Width + 2 * (kw - 1);
        List<int> deltaStarts = SampleLayer.BlockStarts(output.Width, c.Count);
        List<int> starts = SampleLayer.BlockStarts(input.Width, c.Count);
        int blocks = starts.Count, overlap = SampleLayer.Overlap(input.Width, c.Count);
        int rows = System.Math.Max(1, System.Math.Min(System.Math.Min(input.Height, 4), (c.Width.Registers - 4) / blocks));
        w.Line($"// the input's deltas: each output map's deltas in a zero-padded {planeHeight}x{planeWidth} plane; each input row's deltas, {c.Count} columns a vector at");
        w.Line($"// columns {string.Join(", ", starts)}, {rows} rows at a time (t<row>_<block>), are sums of weight x plane over the {kh}x{kw} kernel");
        w.Line($"global::System.Span<{c.T}> plane = stackalloc {c.T}[{planeHeight * planeWidth}];");
        w.Line("plane.Clear();");
        w.Line($"ref {c.T} padded = ref global::System.Runtime.InteropServices.MemoryMarshal.GetReference(plane);");
        w.Line($"global::System.Runtime.InteropServices.MemoryMarshal.CreateSpan(ref inputDeltas, {input.Size}).Clear();");
        w.Line(c.Ref("weights", "parameters", layer.WeightsOffset));
        if (overlap > 0) w.Line(SampleKernels.Mask(c, "freshInput", overlap));
        using (w.Block($"for (int o = 0; o < {output.Maps}; o++)"))
        {
            w.Line(c.Ref("map", "deltas", $"o * {outMap}"));
            using (w.Block($"for (int y = 0; y < {output.Height}; y++)"))
                foreach (int start in deltaStarts)
                    w.Line(c.Store(c.Load("map", $"y * {output.Width} + {start}"), "padded", $"(y + {kh - 1}) * {planeWidth} + {kw - 1 + start}"));
            using (OpenPairs(w, p))
            {
                w.Line(c.Ref("kernel", "weights", $"pair * {kernel}"));
                w.Line(c.Ref("inputMapDeltas", "inputDeltas", $"i * {inMap}"));
                TileBlocks.Loop(w, "r", input.Height, rows, n =>
                {
                    var sums = new List<string>();
                    for (int j = 0; j < n; j++)
                        for (int b = 0; b < blocks; b++) sums.Add($"t{j}_{b}");
                    w.Line($"{c.V} {string.Join(", ", sums.Select(t => $"{t} = {c.Zero}"))};");
                    w.Line(c.Ref("source", "padded", $"r * {planeWidth}"));
                    using (w.Block($"for (int ky = 0; ky < {kh}; ky++)"))
                    {
                        w.Line(c.Ref("kernelRow", "kernel", $"ky * {kw}"));
                        w.Line(c.Ref("planeRow", "source", $"({kh - 1} - ky) * {planeWidth}"));
                        for (int kx = 0; kx < kw; kx++)
                        {
                            string weight = c.At("kernelRow", Naming.Int(kx));
                            w.Line($"{c.V} k{kx} = {c.Splat(curvature ? $"{weight} * {weight}" : weight)};");
                            for (int j = 0; j < n; j++)
                                w.Line(string.Join(" ", Enumerable.Range(0, blocks).Select(b =>
                                    $"t{j}_{b} = {c.Fma($"k{kx}", c.Load("planeRow", Naming.Int((long)j * planeWidth + kw - 1 - kx + starts[b])), $"t{j}_{b}")};")));
                        }
                    }
                    for (int j = 0; j < n; j++)
                        for (int b = 0; b < blocks; b++)
                        {
                            string at = $"({SampleKernels.Plus("r", j)}) * {input.Width} + {starts[b]}";
                            string sum = b == blocks - 1 && overlap > 0 ? $"(t{j}_{b} & freshInput)" : $"t{j}_{b}";
                            w.Line(c.Store($"{c.Load("inputMapDeltas", at)} + {sum}", "inputMapDeltas", at));
                        }
                });
            }
        }
    }

    /// <summary>
    /// Opens the loop over output map o's connected input maps, declaring i (the input map) and pair (its kernel's
    /// place in the weights: pair after pair through a connection table, o x maps + i for a full one).
    /// </summary>
    /// <summary>
    /// Where map o + <paramref name="mb"/>'s kernel of the current pair starts in the weights: pair x kernel for the
    /// block's first map; with a full table (the only kind map blocks have), pair + mb x input maps for the others.
    /// </summary>
    public static string KernelOfMap(LayerPlan p, int mb)
    {
        int kernel = p.KernelHeight * p.KernelWidth;
        return mb == 0 ? $"pair * {kernel}" : $"(pair + {mb * p.In.Maps}) * {kernel}";
    }

    public static IDisposable OpenPairs(SourceWriter w, LayerPlan p)
    {
        if (p.HasTable)
        {
            var loop = w.Block($"for (int pair = {p.Name}PairStarts[o], end = {p.Name}PairStarts[o + 1]; pair < end; pair++)");
            w.Line($"int i = {p.Name}PairInputs[pair];");
            return loop;
        }
        var full = w.Block($"for (int i = 0; i < {p.In.Maps}; i++)");
        w.Line($"int pair = o * {p.In.Maps} + i;");
        return full;
    }
}
