using System.Collections.Generic;
using LeNetGen.Generator.Model;

namespace LeNetGen.Generator.Emit.Vector.Sample;

/// <summary>What the one-sample kernels of every layer kind share: the activation and its derivative over a region, in vectors.</summary>
internal static class SampleKernels
{
    /// <summary>
    /// values = f(sums) over <paramref name="count"/> values at refs <paramref name="sums"/> and <paramref name="values"/>:
    /// whole vectors, the last one moved back to end at the region's end (it repeats a few values, harmlessly); scalar
    /// when the region is shorter than a vector.
    /// </summary>
    /// <summary>
    /// The references a forward kernel opens with: its <paramref name="weights"/> (null: a layer without) and biases in
    /// the parameters, its sums and, where they are apart, its values in the workspace.
    /// </summary>
    public static void ForwardRefs(SourceWriter w, SampleLayer layer, TileCode c, string? weights = "weights")
    {
        if (weights is not null)
        {
            w.Line(c.Ref(weights, "parameters", layer.WeightsOffset));
            w.Line(c.Ref("biases", "parameters", layer.BiasesOffset));
        }
        w.Line(c.Ref("sums", "workspace", layer.Sums));
        if (layer.HasSeparateSums) w.Line(c.Ref("values", "workspace", layer.Values));
    }

    public static void Activation(SourceWriter w, TileCode c, Act activation, string sums, string values, int count)
    {
        if (activation == Act.Identity) return;
        w.Line($"// values = {Naming.ActivationTitle(activation)} of the sums, {c.Count} at a time");
        if (count < c.Count)
        {
            w.Line($"for (int v = 0; v < {count}; v++) {c.At(values, "v")} = {Naming.Activate(activation, c.At(sums, "v"))};");
            return;
        }
        int last = count - c.Count;
        if (last > 0) w.Line($"for (int v = 0; v < {last}; v += {c.Count}) {c.Store(c.Activate(activation, c.Load(sums, "v")), values, "v")}");
        w.Line(c.Store(c.Activate(activation, c.Load(sums, Naming.Int(last))), values, Naming.Int(last)));
    }

    /// <summary>
    /// deltas *= f'(a) (squared in the curvature pass) over the layer's values at ref <paramref name="deltas"/>, in place: whole vectors, then the
    /// remainder one by one (a vector moved back would multiply some deltas twice). Relu's derivative reads the sums,
    /// the others the values; declares the ref it reads.
    /// </summary>
    public static void Derivative(SourceWriter w, TileCode c, SampleLayer layer, string deltas, int count, bool curvature)
    {
        Act activation = layer.Plan.Activation;
        string? vector = c.Derivative(activation, "x", "a");
        if (vector is null) return;
        bool relu = activation == Act.Relu;
        string source = relu ? "activationSums" : "activationValues";
        w.Line(c.Ref(source, "workspace", relu ? layer.Sums : layer.Values));
        string scalar = activation switch
        {
            Act.Tanh => KnownNames.Activations + ".TanhDerivative",
            Act.ScaledTanh => KnownNames.Activations + ".ScaledTanhDerivative",
            Act.Relu => KnownNames.Activations + ".ReluDerivative",
            _ => KnownNames.Activations + ".SigmoidDerivative",
        };
        w.Line(curvature ? "// d2E/da2 = f'(a)^2 d2E/dx2 (Gauss-Newton: the f'' term is dropped)" : "// dE/da = f'(a) dE/dx");
        int whole = count / c.Count * c.Count;
        if (whole > 0)
            using (w.Block($"for (int v = 0; v < {whole}; v += {c.Count})"))
            {
                w.Line($"{c.V} {(relu ? "a" : "x")} = {c.Load(source, "v")};");
                w.Line($"{c.V} f = {vector};");
                w.Line(c.Store($"{c.Load(deltas, "v")} * {(curvature ? "f * f" : "f")}", deltas, "v"));
            }
        if (whole < count)
            w.Line(curvature
                ? $"for (int v = {whole}; v < {count}; v++) {{ {c.T} f = {scalar}({c.At(source, "v")}); {c.At(deltas, "v")} *= f * f; }}"
                : $"for (int v = {whole}; v < {count}; v++) {c.At(deltas, "v")} *= {scalar}({c.At(source, "v")});");
    }

    /// <summary>
    /// Adds the lane sums of <paramref name="accumulators"/> to consecutive values from <paramref name="first"/> at ref
    /// <paramref name="destination"/>: at 512 bits of float sixteen at a time through LaneSums (a tree of swaps, about 2
    /// permutes a sum), elsewhere one vector's sum at a time.
    /// </summary>
    public static void AddLaneSums(SourceWriter w, TileCode c, IReadOnlyList<string> accumulators, string destination, int first)
    {
        if (c.Width.Bits != 512 || c.T != "float")
        {
            for (int k = 0; k < accumulators.Count; k++)
                w.Line($"{c.At(destination, Naming.Int(first + k))} += {c.Sum(accumulators[k])};");
            return;
        }
        for (int start = 0; start < accumulators.Count; start += 16)
        {
            int count = System.Math.Min(16, accumulators.Count - start);
            var arguments = new List<string>();
            for (int k = 0; k < 16; k++) arguments.Add(k < count ? accumulators[start + k] : c.Zero);
            using (w.Block())
            {
                w.Line($"{c.V} sums = global::LeNetGen.LaneSums.Of16({string.Join(", ", arguments)});");
                string at = Naming.Int(first + start);
                if (count == 16) w.Line(c.Store($"{c.Load(destination, at)} + sums", destination, at));
                else
                    for (int k = 0; k < count; k++) w.Line($"{c.At(destination, Naming.Int(first + start + k))} += {c.Width.Api}.GetElement(sums, {k});");
            }
        }
    }

    /// <summary>"V mask = lanes from <paramref name="from"/> on": the lanes of a moved-back vector that are new.</summary>
    public static string Mask(TileCode c, string name, int from) =>
        $"{c.V} {name} = {c.Width.Api}.GreaterThanOrEqual({c.V}.Indices, {c.Splat(c.E.Literal(from))});";

    /// <summary>"a + 4", "a", "4".</summary>
    public static string Plus(string variable, long offset) =>
        offset == 0 ? variable : variable == "0" ? Naming.Int(offset) : variable + " + " + Naming.Int(offset);
}
