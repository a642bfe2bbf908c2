using System;
using System.Collections.Generic;
using System.Linq;
using LeNetGen.Generator.Model;

namespace LeNetGen.Generator.Emit.Vector.Sample;

/// <summary>
/// A convolution's one-sample forward kernel with the output maps in the lanes, for a full table whose maps fill whole
/// vectors (the peer's and the modern C3: 16 maps, one Vector512 or two Vector256 at each position). The weights are
/// transposed first into a stack buffer, each kernel tap's weights of all the maps side by side; then at every output
/// position one vector of sums takes, tap by tap, that tap's weight vector times the input value broadcast. Every lane
/// is an output, whatever the map's width: the grids along rows leave lanes empty where a map is narrower than a vector
/// (C3's 10 columns laid out at the input's 14 fill 100 of 144 lanes). The sums, position after position, are transposed
/// into the maps' layout at the end, where the activation and the backward kernels find them.
/// </summary>
internal static class SampleMapLanesConvLayer
{
    /// <summary>The most values of either stack buffer (the transposed weights, the sums by position): 32 KiB of float.</summary>
    private const int MaxBuffer = 8192;

    /// <summary>Whether the forward kernel at this width puts the maps in the lanes: a full table, maps a multiple of the lanes, buffers that fit.</summary>
    public static bool Fits(LayerPlan p, TileCode c) =>
        !p.HasTable && p.Stride == 1 && p.Padding == 0 && p.Out.Maps % c.Count == 0
        && (long)p.In.Maps * p.KernelHeight * p.KernelWidth * p.Out.Maps <= MaxBuffer
        && (long)p.Out.Height * p.Out.Width * p.Out.Maps <= MaxBuffer;

    /// <summary>Output positions per block of sums in registers, beside the tap's weights and a broadcast input.</summary>
    private static int Block(LayerPlan p, TileCode c) => Math.Min(p.Out.Width, c.Width.Registers >= 32 ? 14 : 12);

    public static void EmitForward(SourceWriter w, SampleLayer layer, TileCode c)
    {
        LayerPlan p = layer.Plan;
        Shape input = p.In, output = p.Out;
        int kh = p.KernelHeight, kw = p.KernelWidth, maps = output.Maps, taps = input.Maps * kh * kw;
        int area = output.Height * output.Width, block = Block(p, c);
        const string Marshal = "global::System.Runtime.InteropServices.MemoryMarshal";
        w.Line($"// {p.Name}, forward, one sample: convolution {input.ToMapsString()} -> {output.ToMapsString()}, kernel {kh}x{kw}, {Naming.ActivationTitle(p.Activation)}");
        w.Line($"//   each vector: {c.Count} output maps at one position; the weights transposed first, kernels[(input map x {kh * kw} + tap) x {maps} + map];");
        w.Line($"//   {block} positions of a row at a time (a<x>), each tap's weight vector loaded once for them and each input value broadcast");
        w.Line(TileCode.Optimized);
        using (w.Block($"private static void {c.Method(p.Name + "ForwardSample")}(ref {c.T} input, ref {c.T} parameters, ref {c.T} workspace)"))
        {
            SampleKernels.ForwardRefs(w, layer, c);
            w.Line($"global::System.Span<{c.T}> transposed = stackalloc {c.T}[{taps * maps}];");
            w.Line($"global::LeNetGen.TileLanes.Interleave<{c.T}>({Marshal}.CreateReadOnlySpan(ref weights, {taps * maps}), {taps}, {maps}, transposed);");
            w.Line($"ref {c.T} kernels = ref {Marshal}.GetReference(transposed);");
            w.Line($"global::System.Span<{c.T}> byPosition = stackalloc {c.T}[{area * maps}];");
            w.Line($"ref {c.T} positions = ref {Marshal}.GetReference(byPosition);");
            TileBlocks.Loop(w, "g", maps, c.Count, _ =>
            {
                w.Line($"{c.V} bias = {c.Load("biases", "g")};");
                using (w.Block($"for (int y = 0; y < {output.Height}; y++)"))
                    TileBlocks.Loop(w, "x", output.Width, block, n =>
                    {
                        w.Line($"{c.V} {string.Join(", ", Enumerable.Range(0, n).Select(r => $"a{r} = bias"))};");
                        using (w.Block($"for (int i = 0; i < {input.Maps}; i++)"))
                        using (w.Block($"for (int ky = 0; ky < {kh}; ky++)"))
                        {
                            w.Line(c.Ref("row", "input", $"(i * {input.Height} + y + ky) * {input.Width} + x"));
                            w.Line(c.Ref("tapWeights", "kernels", $"(i * {kh} + ky) * {kw * maps} + g"));
                            // A loop over the kernel's columns, so that no input value is named twice in one body (the JIT
                            // would keep each repeat's broadcast in a register).
                            using (w.Block($"for (int kx = 0; kx < {kw}; kx++)"))
                            {
                                w.Line(c.Ref("tap", "row", "kx"));
                                w.Line($"{c.V} k = {c.Load("tapWeights", $"kx * {maps}")};");
                                w.Line(string.Join(" ", Enumerable.Range(0, n).Select(r => $"a{r} = {c.Fma(c.Splat(c.At("tap", Naming.Int(r))), "k", $"a{r}")};")));
                            }
                        }
                        w.Line($"int at = (y * {output.Width} + x) * {maps} + g;");
                        for (int r = 0; r < n; r++) w.Line(c.Store($"a{r}", "positions", r == 0 ? "at" : $"at + {r * maps}"));
                    });
            });
            w.Line($"global::LeNetGen.TileLanes.Deinterleave<{c.T}>(byPosition, {area}, {maps}, {Marshal}.CreateSpan(ref sums, {area * maps}));");
            if (layer.HasSeparateSums) SampleKernels.Activation(w, c, p.Activation, "sums", "values", output.Size);
        }
    }
}
