using System.Collections.Generic;
using System.Linq;
using LeNetGen.Generator.Model;

namespace LeNetGen.Generator.Emit.Vector.Sample;

/// <summary>
/// A fully connected layer's one-sample kernels, also the softmax head's and those of a convolution whose kernel covers
/// its input (LeNet-5's C5): each vector holds adjacent inputs, the last one moved back to end at the last input with
/// its repeated lanes masked off. Forward: a few units' dot products at a time, each input vector loaded once for them,
/// summed across lanes. Backward: each unit's gradient row is its delta times the input vector by vector; the input's
/// deltas are sums over the units of delta times weight row, a few input vectors in registers at a time.
/// </summary>
internal static class SampleDenseLayer
{
    private const int UnitBlock = 4, InputBlock = 8;

    public static void EmitForward(SourceWriter w, SampleLayer layer, TileCode c)
    {
        LayerPlan p = layer.Plan;
        int inputs = p.In.Size, units = p.Out.Maps;
        bool softmax = p.Kind == LayerKind.SoftmaxOutput;
        int whole = inputs / c.Count * c.Count;
        int overlap = SampleLayer.Overlap(inputs, c.Count);
        w.Line($"// {p.Name}, forward, one sample: {Title(p)}");
        w.Line($"//   each vector: {c.Count} adjacent inputs" + (whole < inputs ? $", the last one at {inputs - c.Count} with its first {overlap} lanes masked off" : "") +
            $"; {(c.Width.Bits == 512 && c.T == "float" ? 16 : UnitBlock)} units' dot products (s<k>) at a time, summed across lanes");
        w.Line(TileCode.Optimized);
        using (w.Block($"private static void {c.Method(p.Name + "ForwardSample")}(ref {c.T} input, ref {c.T} parameters, ref {c.T} workspace)"))
        {
            w.Line(c.Ref("weights", "parameters", layer.WeightsOffset));
            w.Line(c.Ref("biases", "parameters", layer.BiasesOffset));
            w.Line(c.Ref("sums", "workspace", layer.Sums));
            if (layer.HasSeparateSums || softmax) w.Line(c.Ref("values", "workspace", layer.Values));
            if (whole < inputs)
            {
                w.Line(SampleKernels.Mask(c, "fresh", overlap));
                w.Line($"{c.V} last = {c.Load("input", Naming.Int(inputs - c.Count))} & fresh;");
            }
            // At 512 bits of float, sixteen units at a time, their dot products summed across lanes at once (LaneSums).
            bool sixteen = c.Width.Bits == 512 && c.T == "float";
            TileBlocks.Loop(w, "u", units, sixteen ? 16 : UnitBlock, n =>
            {
                w.Line($"{c.V} {string.Join(", ", Enumerable.Range(0, n).Select(k => $"s{k} = {c.Zero}"))};");
                for (int k = 0; k < n; k++) w.Line(c.Ref($"row{k}", "weights", $"({SampleKernels.Plus("u", k)}) * {inputs}"));
                if (whole > 0)
                    using (w.Block($"for (int i = 0; i < {whole}; i += {c.Count})"))
                    {
                        w.Line($"{c.V} x = {c.Load("input", "i")};");
                        w.Line(string.Join(" ", Enumerable.Range(0, n).Select(k => $"s{k} = {c.Fma("x", c.Load($"row{k}", "i"), $"s{k}")};")));
                    }
                if (whole < inputs)
                    w.Line(string.Join(" ", Enumerable.Range(0, n).Select(k => $"s{k} = {c.Fma("last", c.Load($"row{k}", Naming.Int(inputs - c.Count)), $"s{k}")};")));
                if (sixteen)
                {
                    string all = string.Join(", ", Enumerable.Range(0, 16).Select(k => k < n ? $"s{k}" : c.Zero));
                    w.Line($"{c.V} dots = global::LeNetGen.LaneSums.Of16({all});");
                    if (n == 16) w.Line(c.Store($"dots + {c.Load("biases", "u")}", "sums", "u"));
                    else
                        for (int k = 0; k < n; k++)
                        {
                            string unit = SampleKernels.Plus("u", k);
                            w.Line($"{c.At("sums", unit)} = {c.Width.Api}.GetElement(dots, {k}) + {c.At("biases", unit)};");
                        }
                    return;
                }
                for (int k = 0; k < n; k++)
                {
                    string unit = SampleKernels.Plus("u", k);
                    w.Line($"{c.At("sums", unit)} = {c.Sum($"s{k}")} + {c.At("biases", unit)};");
                }
            });
            if (softmax)
            {
                string exp = c.T == "float" ? "global::System.MathF.Exp" : "global::System.Math.Exp";
                w.Line("// softmax across the units: the largest sum first subtracted, for stability");
                w.Line($"{c.T} largest = sums;");
                w.Line($"for (int u = 1; u < {units}; u++) largest = global::System.Math.Max(largest, {c.At("sums", "u")});");
                w.Line($"{c.T} total = 0;");
                w.Line($"for (int u = 0; u < {units}; u++) total += {c.At("values", "u")} = {exp}({c.At("sums", "u")} - largest);");
                w.Line($"{c.T} scale = 1 / total;");
                w.Line($"for (int u = 0; u < {units}; u++) {c.At("values", "u")} *= scale;");
            }
            else if (layer.HasSeparateSums) SampleKernels.Activation(w, c, p.Activation, "sums", "values", units);
        }
    }

    public static void EmitBackward(SourceWriter w, SampleLayer layer, TileCode c, bool curvature)
    {
        LayerPlan p = layer.Plan;
        int inputs = p.In.Size, units = p.Out.Maps;
        int whole = inputs / c.Count * c.Count;
        int overlap = SampleLayer.Overlap(inputs, c.Count);
        string pass = curvature ? "Curvature" : "Backward";
        w.Line($"// {p.Name}, {pass.ToLowerInvariant()}, one sample: deltas ({units}) -> {(curvature ? "d2E/dw2" : "dE/dw")} of {Naming.Weights(p)} and {Naming.Biases(p)}, and the input's deltas ({inputs})");
        w.Line($"//   each vector: {c.Count} adjacent inputs; a row of {(curvature ? "curvatures" : "gradients")} is the unit's delta times the {(curvature ? "squared " : "")}input, vector by vector;");
        w.Line($"//   the input's deltas: {InputBlock} vectors of them (t<k>) at a time, each a sum over the units of delta times {(curvature ? "squared " : "")}weights");
        w.Line(TileCode.Optimized);
        using (w.Block($"private static void {c.Method(p.Name + pass + "Sample")}(ref {c.T} input, ref {c.T} parameters, ref {c.T} workspace, ref {c.T} gradients, ref {c.T} inputDeltas, bool withInputDeltas)"))
        {
            w.Line(c.Ref("deltas", "workspace", layer.Deltas));
            if (p.Kind != LayerKind.SoftmaxOutput) SampleKernels.Derivative(w, c, layer, "deltas", units, curvature);
            w.Line(c.Ref("weightGradients", "gradients", layer.WeightsOffset));
            w.Line(c.Ref("biasGradients", "gradients", layer.BiasesOffset));
            if (whole < inputs)
            {
                w.Line(SampleKernels.Mask(c, "fresh", overlap));
                w.Line($"{c.V} last = {c.Load("input", Naming.Int(inputs - c.Count))} & fresh;");
                if (curvature) w.Line("last *= last;");
            }
            using (w.Block($"for (int u = 0; u < {units}; u++)"))
            {
                w.Line($"{c.T} g = {c.At("deltas", "u")};");
                w.Line($"{c.At("biasGradients", "u")} += g;");
                w.Line($"{c.V} d = {c.Splat("g")};");
                w.Line(c.Ref("row", "weightGradients", $"u * {inputs}"));
                if (whole > 0)
                    w.Line(curvature
                        ? $"for (int i = 0; i < {whole}; i += {c.Count}) {{ {c.V} x = {c.Load("input", "i")}; {c.Store(c.Fma("x * x", "d", c.Load("row", "i")), "row", "i")} }}"
                        : $"for (int i = 0; i < {whole}; i += {c.Count}) {c.Store(c.Fma(c.Load("input", "i"), "d", c.Load("row", "i")), "row", "i")}");
                if (whole < inputs)
                    w.Line(c.Store(c.Fma("last", "d", c.Load("row", Naming.Int(inputs - c.Count))), "row", Naming.Int(inputs - c.Count)));
            }

            w.Line("if (!withInputDeltas) return;");
            w.Line(c.Ref("weights", "parameters", layer.WeightsOffset));
            // Whole vectors, then the last one moved back: its sums are complete, so storing it again over a few inputs is harmless.
            var starts = new List<int>();
            for (int i = 0; i < whole; i += c.Count) starts.Add(i);
            if (whole < inputs) starts.Add(inputs - c.Count);
            for (int first = 0; first < starts.Count; first += InputBlock)
            {
                List<int> group = starts.Skip(first).Take(InputBlock).ToList();
                using (w.Block())
                {
                    w.Line($"{c.V} {string.Join(", ", group.Select((_, k) => $"t{k} = {c.Zero}"))};");
                    using (w.Block($"for (int u = 0; u < {units}; u++)"))
                    {
                        w.Line($"{c.V} d = {c.Splat(c.At("deltas", "u"))};");
                        w.Line(c.Ref("row", "weights", $"u * {inputs}"));
                        w.Line(string.Join(" ", group.Select((start, k) => curvature
                            ? $"{{ {c.V} x = {c.Load("row", Naming.Int(start))}; t{k} = {c.Fma("x * x", "d", $"t{k}")}; }}"
                            : $"t{k} = {c.Fma(c.Load("row", Naming.Int(start)), "d", $"t{k}")};")));
                    }
                    for (int k = 0; k < group.Count; k++) w.Line(c.Store($"t{k}", "inputDeltas", Naming.Int(group[k])));
                }
            }
        }
    }

    private static string Title(LayerPlan p) => p.Kind switch
    {
        LayerKind.SoftmaxOutput => $"softmax output, fully connected {p.In.Size} -> {p.Out.Maps}",
        LayerKind.Conv => $"convolution {p.In.ToMapsString()} -> {p.Out.ToMapsString()}, kernel {p.KernelHeight}x{p.KernelWidth}: the kernel covers the input, so fully connected {p.In.Size} -> {p.Out.Maps}, {Naming.ActivationTitle(p.Activation)}",
        _ => $"fully connected {p.In.Size} -> {p.Out.Maps}, {Naming.ActivationTitle(p.Activation)}",
    };
}
