using System.Collections.Generic;
using System.Linq;
using LeNetGen.Generator.Model;

namespace LeNetGen.Generator.Emit.Vector.Sample;

/// <summary>
/// The Euclidean RBF head's one-sample kernels: y_k = sum_i (x_i - w_ki)^2 over each class's prototype, each vector
/// holding adjacent inputs, the last one moved back with its repeated lanes masked off. Backward: each input's delta is
/// sum_k 2 dE/dy_k (x_i - w_ki) (the curvature: 4 d2E/dy_k2 (x_i - w_ki)^2 plus the unit's own second derivative 2
/// weighted by headWeights), a few input vectors in registers at a time; trainable prototypes get the opposite.
/// </summary>
internal static class SampleRbfLayer
{
    private const int InputBlock = 8;

    private static string Prototypes(LayerPlan p, TileCode c, SampleLayer layer) => p.TrainablePrototypes
        ? c.Ref("prototypes", "parameters", layer.WeightsOffset)
        : $"ref {c.T} prototypes = ref global::System.Runtime.InteropServices.MemoryMarshal.GetArrayDataReference({Naming.FixedPrototypes});";

    public static void EmitForward(SourceWriter w, SampleLayer layer, TileCode c)
    {
        LayerPlan p = layer.Plan;
        int inputs = p.In.Size, classes = p.Out.Maps, stride = p.Weights.MapStride;
        int whole = inputs / c.Count * c.Count, overlap = SampleLayer.Overlap(inputs, c.Count);
        w.Line($"// {p.Name}, forward, one sample: Euclidean RBF units {inputs} -> {classes} ({(p.TrainablePrototypes ? "trainable" : "fixed")} prototypes)");
        w.Line($"//   each vector: {c.Count} adjacent inputs minus the prototype's" + (whole < inputs ? $", the last one at {inputs - c.Count} with its first {overlap} lanes masked off" : "") + "; squared and summed across lanes");
        w.Line(TileCode.Optimized);
        using (w.Block($"private static void {c.Method(p.Name + "ForwardSample")}(ref {c.T} input, ref {c.T} parameters, ref {c.T} workspace)"))
        {
            w.Line(Prototypes(p, c, layer));
            w.Line(c.Ref("values", "workspace", layer.Values));
            if (whole < inputs) w.Line(SampleKernels.Mask(c, "fresh", overlap));
            using (w.Block($"for (int k = 0; k < {classes}; k++)"))
            {
                w.Line(c.Ref("prototype", "prototypes", $"k * {stride}"));
                w.Line($"{c.V} s = {c.Zero}, d;");
                if (whole > 0)
                    w.Line($"for (int i = 0; i < {whole}; i += {c.Count}) {{ d = {c.Load("input", "i")} - {c.Load("prototype", "i")}; s = {c.Fma("d", "d", "s")}; }}");
                if (whole < inputs)
                {
                    string at = Naming.Int(inputs - c.Count);
                    w.Line($"d = ({c.Load("input", at)} - {c.Load("prototype", at)}) & fresh; s = {c.Fma("d", "d", "s")};");
                }
                w.Line($"{c.At("values", "k")} = {c.Sum("s")};");
            }
        }
    }

    public static void EmitBackward(SourceWriter w, SampleLayer layer, TileCode c, bool curvature)
    {
        LayerPlan p = layer.Plan;
        int inputs = p.In.Size, classes = p.Out.Maps, stride = p.Weights.MapStride;
        int whole = inputs / c.Count * c.Count, overlap = SampleLayer.Overlap(inputs, c.Count);
        string pass = curvature ? "Curvature" : "Backward";
        string term = curvature ? "4 d2E/dy2 (x - w)^2 + 2 x head weight" : "2 dE/dy (x - w)";
        w.Line($"// {p.Name}, {pass.ToLowerInvariant()}, one sample: Euclidean RBF units {inputs} -> {classes}; each input's {(curvature ? "curvature" : "delta")} is the sum over the classes of {term}");
        w.Line($"//   each vector: {c.Count} adjacent inputs; {InputBlock} vectors of sums (t<k>) at a time" + (p.TrainablePrototypes ? $"; the prototypes' {(curvature ? "curvatures" : "gradients")} row by row" : ""));
        w.Line(TileCode.Optimized);
        string weights = curvature ? $", ref {c.T} headWeights" : "";
        using (w.Block($"private static void {c.Method(p.Name + pass + "Sample")}(ref {c.T} input, ref {c.T} parameters, ref {c.T} workspace, ref {c.T} gradients, ref {c.T} inputDeltas, bool withInputDeltas{weights})"))
        {
            w.Line(Prototypes(p, c, layer));
            w.Line(c.Ref("deltas", "workspace", layer.Deltas));
            if (whole < inputs) w.Line(SampleKernels.Mask(c, "fresh", overlap));
            // The factor of each class: 2 dE/dy_k, or 4 d2E/dy_k2 and its own term 2 x head weight.
            string Factors(string k) => curvature
                ? $"{c.V} h4 = {c.Splat($"4 * {c.At("deltas", k)}")}, own = {c.Splat($"2 * {c.At("headWeights", k)}")};"
                : $"{c.V} g2 = {c.Splat($"2 * {c.At("deltas", k)}")};";
            string Term(string difference) => curvature ? $"{c.Fma("h4", $"{difference} * {difference}", "own")}" : $"g2 * {difference}";
            if (p.TrainablePrototypes)
            {
                w.Line(c.Ref("prototypeGradients", "gradients", layer.WeightsOffset));
                using (w.Block($"for (int k = 0; k < {classes}; k++)"))
                {
                    w.Line(Factors("k"));
                    w.Line(c.Ref("prototype", "prototypes", $"k * {stride}"));
                    w.Line(c.Ref("row", "prototypeGradients", $"k * {stride}"));
                    // The prototype's gradient is the opposite of the input's: w - x instead of x - w.
                    string Update(string at, string masked) => curvature
                        ? c.Store($"{c.Load("row", at)} + (({Term($"({c.Load("input", at)} - {c.Load("prototype", at)})")}){masked})", "row", at)
                        : c.Store($"{c.Load("row", at)} + g2 * (({c.Load("prototype", at)} - {c.Load("input", at)}){masked})", "row", at);
                    if (whole > 0) w.Line($"for (int i = 0; i < {whole}; i += {c.Count}) {Update("i", "")}");
                    if (whole < inputs) w.Line(Update(Naming.Int(inputs - c.Count), " & fresh"));
                }
            }
            w.Line("if (!withInputDeltas) return;");
            var starts = new List<int>();
            for (int i = 0; i < whole; i += c.Count) starts.Add(i);
            if (whole < inputs) starts.Add(inputs - c.Count);
            for (int first = 0; first < starts.Count; first += InputBlock)
            {
                List<int> group = starts.Skip(first).Take(InputBlock).ToList();
                using (w.Block())
                {
                    w.Line($"{c.V} {string.Join(", ", group.Select((_, k) => $"t{k} = {c.Zero}"))};");
                    using (w.Block($"for (int k = 0; k < {classes}; k++)"))
                    {
                        w.Line(Factors("k"));
                        w.Line(c.Ref("prototype", "prototypes", $"k * {stride}"));
                        foreach (var (start, k) in group.Select((start, k) => (start, k)))
                        {
                            string at = Naming.Int(start);
                            w.Line($"{{ {c.V} d = {c.Load("input", at)} - {c.Load("prototype", at)}; t{k} += {Term("d")}; }}");
                        }
                    }
                    for (int k = 0; k < group.Count; k++) w.Line(c.Store($"t{k}", "inputDeltas", Naming.Int(group[k])));
                }
            }
        }
    }
}
