using System.Linq;
using LeNetGen.Generator.Model;

namespace LeNetGen.Generator.Emit.Vector;

/// <summary>
/// The Euclidean RBF head's tile kernels: y_k = sum_i (x_i - w_ki)^2 for every lane at once, the prototypes broadcast.
/// Backward: dE/dx_i = sum_k dE/dy_k 2 (x_i - w_ki); the curvature pass adds d2E/dy_k2 (2 (x_i - w_ki))^2 and each
/// unit's own second derivative 2 weighted by the head weights. Trainable prototypes get the same terms, summed over
/// the lanes (with the opposite sign in the gradient).
/// </summary>
internal static class TileRbfLayer
{
    private const int ClassBlock = 8, InputBlock = 8;

    private static string Plus(string variable, int offset) => offset == 0 ? variable : $"{variable} + {offset}";

    private static string Prototypes(TileLayer layer) => layer.Plan.TrainablePrototypes
        ? $"ref {TileCode.Unsafe}.Add(ref parameters, {layer.WeightsOffset})"
        : $"ref global::System.Runtime.InteropServices.MemoryMarshal.GetArrayDataReference({Naming.FixedPrototypes})";

    public static void EmitForward(SourceWriter w, TileLayer layer, TileCode c)
    {
        LayerPlan p = layer.Plan;
        int width = p.In.Size, classes = p.Out.Maps;
        w.Line($"// {p.Name}, forward: Euclidean RBF units {width} -> {classes} ({(p.TrainablePrototypes ? "trainable" : "fixed")} prototypes)");
        w.Line($"//   each vector: one value of {c.Count} samples side by side; blocks of {ClassBlock} classes' penalties in registers (s...)");
        w.Line(TileCode.Optimized);
        using (w.Block($"private static void {c.Method(p.Name + "ForwardTile")}(ref {c.T} tile, ref {c.T} parameters)"))
        {
            w.Line($"ref {c.T} prototypes = {Prototypes(layer)};");
            using (w.Block(c.LaneLoop))
            {
                w.Line(c.Ref("input", "tile", layer.Input + " + lane"));
                w.Line(c.Ref("values", "tile", layer.Values + " + lane"));
                TileBlocks.Loop(w, "k0", classes, ClassBlock, n =>
                {
                    w.Line($"{c.V} " + string.Join(", ", Enumerable.Range(0, n).Select(k => $"s{k} = {c.Zero}")) + ";");
                    for (int k = 0; k < n; k++) w.Line(c.Ref($"prototype{k}", "prototypes", $"({Plus("k0", k)}) * {width}"));
                    using (w.Block($"for (int i = 0; i < {width}; i++)"))
                    {
                        w.Line($"{c.V} x = {c.Load("input", "i * TileSize")}, d;");
                        w.Line(string.Join(" ", Enumerable.Range(0, n).Select(k => $"d = x - {c.Splat(c.At($"prototype{k}", "i"))}; s{k} = {c.Fma("d", "d", $"s{k}")};")));
                    }
                    for (int k = 0; k < n; k++) w.Line(c.Store($"s{k}", "values", $"({Plus("k0", k)}) * TileSize"));
                });
            }
        }
    }

    public static void EmitBackward(SourceWriter w, TileLayer layer, TileCode c, bool curvature)
    {
        LayerPlan p = layer.Plan;
        int width = p.In.Size, classes = p.Out.Maps;
        bool trainable = p.TrainablePrototypes;
        string pass = curvature ? "Curvature" : "Backward";
        w.Line($"// {p.Name}, {pass.ToLowerInvariant()}: deltas ({classes}) -> the input's deltas ({width})" + (trainable ? " and the prototypes'" : "; the prototypes are fixed"));
        w.Line(TileCode.Optimized);
        using (w.Block($"private static void {c.Method(p.Name + pass + "Tile")}(ref {c.T} tile, ref {c.T} parameters, ref {c.T} gradients)"))
        {
            w.Line($"ref {c.T} prototypes = {Prototypes(layer)};");
            if (trainable) w.Line(c.Ref("prototypeDeltas", "gradients", layer.WeightsOffset));
            using (w.Block(c.LaneLoop))
            {
                w.Line(c.Ref("input", "tile", layer.Input + " + lane"));
                w.Line(c.Ref("deltas", "tile", layer.Deltas + " + lane"));
                if (curvature) w.Line(c.Ref("headWeights", "tile", "TileHeadWeightsOffset + lane"));
                if (layer.InputDeltas is not null)
                {
                    w.Line(c.Ref("inputDeltas", "tile", layer.InputDeltas + " + lane"));
                    TileBlocks.Loop(w, "i0", width, InputBlock, n =>
                    {
                        w.Line($"{c.V} " + string.Join(", ", Enumerable.Range(0, n).Select(k => $"x{k} = {c.Load("input", $"({Plus("i0", k)}) * TileSize")}")) + ";");
                        w.Line($"{c.V} " + string.Join(", ", Enumerable.Range(0, n).Select(k => $"r{k} = {c.Zero}")) + ";");
                        using (w.Block($"for (int k = 0; k < {classes}; k++)"))
                        {
                            w.Line(c.Ref("prototype", "prototypes", $"k * {width} + i0"));
                            if (curvature)
                            {
                                w.Line($"{c.V} h4 = {c.Load("deltas", "k * TileSize")} * {c.Splat(c.E.Literal(4))}, own = {c.Load("headWeights", "k * TileSize")} * {c.Splat(c.E.Literal(2))}, d;");
                                w.Line(string.Join(" ", Enumerable.Range(0, n).Select(k => $"d = x{k} - {c.Splat(c.At("prototype", Naming.Int(k)))}; r{k} += {c.Fma("h4", "d * d", "own")};")));
                            }
                            else
                            {
                                w.Line($"{c.V} g2 = {c.Load("deltas", "k * TileSize")} * {c.Splat(c.E.Literal(2))};");
                                w.Line(string.Join(" ", Enumerable.Range(0, n).Select(k => $"r{k} = {c.Fma("g2", $"x{k} - {c.Splat(c.At("prototype", Naming.Int(k)))}", $"r{k}")};")));
                            }
                        }
                        for (int k = 0; k < n; k++) w.Line(c.Store($"r{k}", "inputDeltas", $"({Plus("i0", k)}) * TileSize"));
                    });
                }
                if (trainable)
                {
                    w.Line("// the prototypes' terms, summed over the lanes");
                    using (w.Block($"for (int k = 0; k < {classes}; k++)"))
                    {
                        if (curvature)
                            w.Line($"{c.V} h4 = {c.Load("deltas", "k * TileSize")} * {c.Splat(c.E.Literal(4))}, own = {c.Load("headWeights", "k * TileSize")} * {c.Splat(c.E.Literal(2))};");
                        else
                            w.Line($"{c.V} g2 = {c.Load("deltas", "k * TileSize")} * {c.Splat(c.E.Literal(-2))};");
                        using (w.Block($"for (int i = 0; i < {width}; i++)"))
                        {
                            w.Line($"{c.V} d = {c.Load("input", "i * TileSize")} - {c.Splat(c.At("prototypes", $"k * {width} + i"))};");
                            w.Line($"{c.At("prototypeDeltas", $"k * {width} + i")} += {c.Sum(curvature ? c.Fma("h4", "d * d", "own") : "g2 * d")};");
                        }
                    }
                }
            }
        }
    }
}
