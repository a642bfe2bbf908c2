namespace LeNetGen.Generator.Emit.Vector;

/// <summary>What every layer's tile kernels share.</summary>
internal static class TileKernels
{
    /// <summary>
    /// Multiplies the layer's deltas by the activation's derivative, from the stored outputs (relu: the sums), squared
    /// in the curvature pass; nothing for identity. Declares the refs it reads; expects <c>deltas</c> declared.
    /// </summary>
    public static void ActivationDerivative(SourceWriter w, TileLayer layer, TileCode c, bool curvature)
    {
        string? derivative = c.Derivative(layer.Plan.Activation, "x", "a");
        if (derivative is null) return;
        w.Line(curvature
            ? "// d2E/da2 = f'(a)^2 d2E/dx2 (Gauss-Newton: the f'' term is dropped)"
            : "// dE/da = f'(a) dE/dx");
        bool relu = layer.Plan.Activation == Model.Act.Relu;
        w.Line(c.Ref(relu ? "sums" : "values", "tile", (relu ? layer.Sums : layer.Values) + " + lane"));
        using (w.Block($"for (int v = 0; v < {layer.Size}; v++)"))
        {
            w.Line(relu ? $"{c.V} a = {c.Load("sums", "v * TileSize")};" : $"{c.V} x = {c.Load("values", "v * TileSize")};");
            w.Line($"{c.V} f = {derivative};");
            w.Line(c.Store(curvature ? $"{c.Load("deltas", "v * TileSize")} * f * f" : $"{c.Load("deltas", "v * TileSize")} * f", "deltas", "v * TileSize"));
        }
    }
}
