using System;
using System.Collections.Generic;
using System.Linq;
using LeNetGen.Generator.Model;

namespace LeNetGen.Generator.Emit.Vector.Sample;

/// <summary>
/// A convolution's one-sample kernels for maps narrower than a vector (LeNet-5's C3: 10 columns, 16 lanes): the
/// vectors run along a "wide" grid, the output's rows laid out at the input's width, so that every kernel tap reads the
/// input at one constant offset from each position and a vector fills with consecutive positions across row ends. The
/// few columns past the map's edge are computed and dropped (forward), or held at zero (the deltas of the weight
/// gradients); the input's deltas are gathered the same way from zero-padded planes of the deltas.
/// </summary>
internal static class SampleWideConvLayer
{
    /// <summary>Positions of the wide output grid: its rows at the input's width, the last one cut at the map's edge.</summary>
    private static int Positions(LayerPlan p) => (p.Out.Height - 1) * p.In.Width + p.Out.Width;

    private static int PlaneHeight(LayerPlan p) => p.Out.Height + 2 * (p.KernelHeight - 1);

    private static int PlaneWidth(LayerPlan p) => p.Out.Width + 2 * (p.KernelWidth - 1);

    /// <summary>Positions of the wide grid of the input's deltas: its rows at a padded plane's width.</summary>
    private static int InputPositions(LayerPlan p) => (p.In.Height - 1) * PlaneWidth(p) + p.In.Width;

    /// <summary>Whether the wide kernels are written for this width: its vectors of sums, and of taps, fit in the registers.</summary>
    public static bool Fits(LayerPlan p, VectorWidth width, ElementSyntax e)
    {
        int lanes = width.Count(e), budget = width.Registers - 4;
        return Positions(p) >= lanes
            && SampleLayer.Blocks(Positions(p), lanes) <= budget
            && SampleLayer.Blocks(InputPositions(p), lanes) <= budget
            && p.KernelWidth <= budget
            && (long)p.Out.Maps * PlaneHeight(p) * PlaneWidth(p) <= SampleLayer.MaxPlane;
    }

    public static void EmitForward(SourceWriter w, SampleLayer layer, TileCode c)
    {
        LayerPlan p = layer.Plan;
        Shape input = p.In, output = p.Out;
        int kh = p.KernelHeight, kw = p.KernelWidth, positions = Positions(p);
        List<int> starts = SampleLayer.BlockStarts(positions, c.Count);
        w.Line($"// {p.Name}, forward, one sample: convolution {input.ToMapsString()} -> {output.ToMapsString()}, kernel {kh}x{kw}, {Naming.ActivationTitle(p.Activation)}");
        w.Line($"//   the output's {output.Height} rows laid out at the input's width {input.Width} (the last {input.Width - output.Width} columns of each past the map, dropped): {positions} positions,");
        int mapBlock = MapBlock(p, c, starts.Count);
        w.Line($"//   {c.Count} consecutive ones a vector (a<k> at {string.Join(", ", starts)}), every tap one offset into the input map" +
            (mapBlock > 1 ? $"; {mapBlock} output maps at a time (a<map>_<k>), each input vector loaded once for all of them" : ""));
        w.Line(TileCode.Optimized);
        using (w.Block($"private static void {c.Method(p.Name + "ForwardSample")}(ref {c.T} input, ref {c.T} parameters, ref {c.T} workspace)"))
        {
            SampleKernels.ForwardRefs(w, layer, c);
            w.Line($"global::System.Span<{c.T}> wideSums = stackalloc {c.T}[{positions}];");
            w.Line($"ref {c.T} wide = ref global::System.Runtime.InteropServices.MemoryMarshal.GetReference(wideSums);");
            TileBlocks.Loop(w, "o", output.Maps, mapBlock, maps =>
            {
                // One map's names carry no map number (a<k>, k<kx>, kernel); a block's do (a<map>_<k>, ...).
                string Of(string stem, int mb) => maps == 1 ? stem : stem + mb;
                string A(int mb, int k) => maps == 1 ? $"a{k}" : $"a{mb}_{k}";
                string K(int mb, int kx) => maps == 1 ? $"k{kx}" : $"k{mb}_{kx}";
                for (int mb = 0; mb < maps; mb++)
                {
                    w.Line($"{c.V} {Of("bias", mb)} = {c.Splat(c.At("biases", SampleKernels.Plus("o", mb)))};");
                    w.Line($"{c.V} {string.Join(", ", starts.Select((_, k) => $"{A(mb, k)} = {Of("bias", mb)}"))};");
                }
                using (SampleConvLayer.OpenPairs(w, p))
                {
                    for (int mb = 0; mb < maps; mb++)
                        w.Line(c.Ref(Of("kernel", mb), "weights", SampleConvLayer.KernelOfMap(p, mb)));
                    w.Line(c.Ref("map", "input", $"i * {input.Height * input.Width}"));
                    // A loop over the kernel's rows, so that no input vector is named twice in one body (the JIT would keep
                    // the repeats in registers it does not have, and spill them).
                    using (w.Block($"for (int ky = 0; ky < {kh}; ky++)"))
                    {
                        for (int mb = 0; mb < maps; mb++)
                            w.Line(c.Ref(Of("kernelRow", mb), Of("kernel", mb), $"ky * {kw}"));
                        w.Line(c.Ref("inputRow", "map", $"ky * {input.Width}"));
                        w.Line($"{c.V} x;");
                        for (int kx = 0; kx < kw; kx++)
                        {
                            for (int mb = 0; mb < maps; mb++)
                                w.Line($"{c.V} {K(mb, kx)} = {c.Splat(c.At(Of("kernelRow", mb), Naming.Int(kx)))};");
                            // each input vector loaded once for the block's maps
                            foreach ((int start, int k) in starts.Select((start, k) => (start, k)))
                                w.Line($"x = {c.Load("inputRow", Naming.Int(kx + start))}; " +
                                    string.Join(" ", Enumerable.Range(0, maps).Select(mb => $"{A(mb, k)} = {c.Fma("x", K(mb, kx), A(mb, k))};")));
                        }
                    }
                }
                for (int mb = 0; mb < maps; mb++)
                {
                    w.Line(string.Join(" ", starts.Select((start, k) => c.Store(A(mb, k), "wide", Naming.Int(start)))));
                    using (w.Block())
                    {
                        w.Line(c.Ref("mapSums", "sums", $"{(mb == 0 ? "o" : $"(o + {mb})")} * {output.Height * output.Width}"));
                        CopyRows(w, c, "wide", input.Width, "mapSums", output.Width, output.Height, output.Width);
                    }
                }
            });
            if (layer.HasSeparateSums) SampleKernels.Activation(w, c, p.Activation, "sums", "values", output.Size);
        }
    }

    /// <summary>
    /// Output maps per block of the forward pass: with a full table, as many as fit in the registers (each map's vectors
    /// of sums and its broadcast weight, beside one input vector), so that each input vector is loaded once for all of
    /// them; a table's maps read different inputs, one map at a time.
    /// </summary>
    internal static int MapBlock(LayerPlan p, TileCode c, int vectorsPerMap) =>
        p.HasTable ? 1 : Math.Max(1, Math.Min(Math.Min(p.Out.Maps, 4), (c.Width.Registers - 8) / (vectorsPerMap + 1)));

    public static void EmitBackward(SourceWriter w, SampleLayer layer, TileCode c, bool curvature)
    {
        LayerPlan p = layer.Plan;
        Shape input = p.In, output = p.Out;
        int kh = p.KernelHeight, kw = p.KernelWidth, kernel = kh * kw, positions = Positions(p);
        int outMap = output.Height * output.Width, inMap = input.Height * input.Width;
        List<int> starts = SampleLayer.BlockStarts(positions, c.Count);
        int overlap = SampleLayer.Overlap(positions, c.Count);
        int kernelRows = System.Math.Max(1, System.Math.Min(kh, (c.Width.Registers - 4) / kw));
        string pass = curvature ? "Curvature" : "Backward";
        w.Line($"// {p.Name}, {pass.ToLowerInvariant()}, one sample: deltas {output.ToMapsString()} -> {(curvature ? "d2E/dw2" : "dE/dw")} of {Naming.Weights(p)} and {Naming.Biases(p)}, and the input's deltas {input.ToMapsString()}");
        w.Line($"//   weights: each output map's deltas laid out at the input's width {input.Width} with zeros past the map ({positions} positions, {c.Count} a vector at {string.Join(", ", starts)}" +
            (overlap > 0 ? $", the last one's first {overlap} lanes masked off" : "") + $"); one accumulator per tap (g<ky>_<kx>), {kernelRows} kernel rows at a time");
        w.Line(TileCode.Optimized);
        using (w.Block($"private static void {c.Method(p.Name + pass + "Sample")}(ref {c.T} input, ref {c.T} parameters, ref {c.T} workspace, ref {c.T} gradients, ref {c.T} inputDeltas, bool withInputDeltas)"))
        {
            w.Line(c.Ref("deltas", "workspace", layer.Deltas));
            SampleKernels.Derivative(w, c, layer, "deltas", output.Size, curvature);
            w.Line(c.Ref("weightGradients", "gradients", layer.WeightsOffset));
            w.Line(c.Ref("biasGradients", "gradients", layer.BiasesOffset));
            w.Line($"global::System.Span<{c.T}> wideDeltas = stackalloc {c.T}[{positions}];");
            w.Line("wideDeltas.Clear();");
            w.Line($"ref {c.T} wide = ref global::System.Runtime.InteropServices.MemoryMarshal.GetReference(wideDeltas);");
            if (overlap > 0) w.Line(SampleKernels.Mask(c, "fresh", overlap));
            string Delta(int k) => k == starts.Count - 1 && overlap > 0 ? $"({c.Load("wide", Naming.Int(starts[k]))} & fresh)" : c.Load("wide", Naming.Int(starts[k]));
            using (w.Block($"for (int o = 0; o < {output.Maps}; o++)"))
            {
                w.Line(c.Ref("map", "deltas", $"o * {outMap}"));
                CopyRows(w, c, "map", output.Width, "wide", input.Width, output.Height, output.Width);
                w.Line($"{c.At("biasGradients", "o")} += {c.Sum(string.Join(" + ", starts.Select((_, k) => Delta(k))))};");
                using (SampleConvLayer.OpenPairs(w, p))
                {
                    w.Line(c.Ref("kernelGradients", "weightGradients", $"pair * {kernel}"));
                    w.Line(c.Ref("inputMap", "input", $"i * {inMap}"));
                    for (int first = 0; first < kh; first += kernelRows)
                    {
                        int last = System.Math.Min(kh, first + kernelRows);
                        using (w.Block())
                        {
                            var taps = new List<(int Ky, int Kx)>();
                            for (int ky = first; ky < last; ky++)
                                for (int kx = 0; kx < kw; kx++) taps.Add((ky, kx));
                            w.Line($"{c.V} {string.Join(", ", taps.Select(t => $"g{t.Ky}_{t.Kx} = {c.Zero}"))};");
                            // The whole vectors in a loop, the last one after it: no input vector is named twice in one body.
                            void Vector(string start, string delta)
                            {
                                w.Line($"{c.V} d = {delta};");
                                foreach (var (ky, kx) in taps)
                                {
                                    string x = c.Load("inputMap", $"{start} + {(long)ky * input.Width + kx}");
                                    w.Line(curvature
                                        ? $"{{ {c.V} x = {x}; g{ky}_{kx} = {c.Fma("d", "x * x", $"g{ky}_{kx}")}; }}"
                                        : $"g{ky}_{kx} = {c.Fma("d", x, $"g{ky}_{kx}")};");
                                }
                            }
                            int whole = overlap > 0 ? starts.Count - 1 : starts.Count;
                            using (w.Block($"for (int v = 0; v < {whole * c.Count}; v += {c.Count})"))
                                Vector("v", c.Load("wide", "v"));
                            if (overlap > 0)
                                using (w.Block())
                                    Vector(Naming.Int(starts[starts.Count - 1]), Delta(starts.Count - 1));
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
    /// The input's deltas: every output map's deltas in a zero-padded plane; each input map's deltas, laid out at the
    /// plane's width, are then sums over its connected output maps and the kernel of weight times a vector of a plane,
    /// all of them in registers, and are copied out row by row.
    /// </summary>
    private static void EmitInputDeltas(SourceWriter w, SampleLayer layer, TileCode c, bool curvature)
    {
        LayerPlan p = layer.Plan;
        Shape input = p.In, output = p.Out;
        int kh = p.KernelHeight, kw = p.KernelWidth, kernel = kh * kw;
        int planeHeight = PlaneHeight(p), planeWidth = PlaneWidth(p), plane = planeHeight * planeWidth, positions = InputPositions(p);
        List<int> starts = SampleLayer.BlockStarts(positions, c.Count);
        w.Line($"// the input's deltas: each output map's deltas in a zero-padded {planeHeight}x{planeWidth} plane; each input map's, laid out at the plane's width");
        w.Line($"// ({positions} positions, t<k> at {string.Join(", ", starts)}), are sums of {(curvature ? "squared " : "")}weight x plane over the connected maps and the {kh}x{kw} kernel");
        w.Line($"global::System.Span<{c.T}> planes = stackalloc {c.T}[{output.Maps * plane}];");
        w.Line("planes.Clear();");
        w.Line($"ref {c.T} padded = ref global::System.Runtime.InteropServices.MemoryMarshal.GetReference(planes);");
        using (w.Block($"for (int o = 0; o < {output.Maps}; o++)"))
        {
            w.Line(c.Ref("map", "deltas", $"o * {output.Height * output.Width}"));
            w.Line(c.Ref("inside", "padded", $"o * {plane} + {(kh - 1) * planeWidth + kw - 1}"));
            CopyRows(w, c, "map", output.Width, "inside", planeWidth, output.Height, output.Width);
        }
        w.Line($"global::System.Span<{c.T}> wideInputDeltas = stackalloc {c.T}[{positions}];");
        w.Line($"ref {c.T} wideInput = ref global::System.Runtime.InteropServices.MemoryMarshal.GetReference(wideInputDeltas);");
        w.Line(c.Ref("weights", "parameters", layer.WeightsOffset));
        using (w.Block($"for (int i = 0; i < {input.Maps}; i++)"))
        {
            w.Line($"{c.V} {string.Join(", ", starts.Select((_, k) => $"t{k} = {c.Zero}"))};");
            IDisposable pairs;
            if (p.HasTable)
            {
                pairs = w.Block($"for (int at = {p.Name}InputPairStarts[i], end = {p.Name}InputPairStarts[i + 1]; at < end; at++)");
                w.Line($"int pair = {p.Name}InputPairs[at];");
                w.Line($"int o = {p.Name}PairOutputs[pair];");
            }
            else
            {
                pairs = w.Block($"for (int o = 0; o < {output.Maps}; o++)");
                w.Line($"int pair = o * {input.Maps} + i;");
            }
            using (pairs)
            {
                w.Line(c.Ref("kernel", "weights", $"pair * {kernel}"));
                w.Line(c.Ref("source", "padded", $"o * {plane}"));
                using (w.Block($"for (int ky = 0; ky < {kh}; ky++)"))
                {
                    w.Line(c.Ref("kernelRow", "kernel", $"ky * {kw}"));
                    w.Line(c.Ref("planeRow", "source", $"({kh - 1} - ky) * {planeWidth}"));
                    for (int kx = 0; kx < kw; kx++)
                    {
                        string weight = c.At("kernelRow", Naming.Int(kx));
                        w.Line($"{c.V} k{kx} = {c.Splat(curvature ? $"{weight} * {weight}" : weight)};");
                        w.Line(string.Join(" ", starts.Select((start, k) => $"t{k} = {c.Fma($"k{kx}", c.Load("planeRow", Naming.Int(kw - 1 - kx + start)), $"t{k}")};")));
                    }
                }
            }
            w.Line(string.Join(" ", starts.Select((start, k) => c.Store($"t{k}", "wideInput", Naming.Int(start)))));
            w.Line(c.Ref("inputMapDeltas", "inputDeltas", $"i * {input.Height * input.Width}"));
            CopyRows(w, c, "wideInput", planeWidth, "inputMapDeltas", input.Width, input.Height, input.Width);
        }
    }

    /// <summary>
    /// Copies <paramref name="rows"/> rows of <paramref name="columns"/> values between two row strides, each row in
    /// vectors of the widest width that fits in it and is no wider than the kernel's own (which the processor
    /// accelerates when the kernel runs), the last one moved back; one by one when none fits.
    /// </summary>
    private static void CopyRows(SourceWriter w, TileCode c, string source, int sourceStride, string destination, int destinationStride, int rows, int columns)
    {
        ElementSyntax e = c.E;
        VectorWidth? width = VectorWidth.All.FirstOrDefault(v => v.Bits <= c.Width.Bits && v.Count(e) <= columns);
        using (w.Block($"for (int y = 0; y < {rows}; y++)"))
        {
            if (width is null)
            {
                w.Line($"for (int x = 0; x < {columns}; x++) {TileCode.Unsafe}.Add(ref {destination}, y * {destinationStride} + x) = {TileCode.Unsafe}.Add(ref {source}, y * {sourceStride} + x);");
                return;
            }
            var copy = new TileCode(width, e, tileSize: 1);
            foreach (int start in SampleLayer.BlockStarts(columns, width.Count(e)))
                w.Line(copy.Store(copy.Load(source, $"y * {sourceStride} + {start}"), destination, $"y * {destinationStride} + {start}"));
        }
    }
}
