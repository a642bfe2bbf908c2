namespace LeNetGen.Generator.Emit.Vector;

/// <summary>What every layer's tile kernels share.</summary>
internal static class TileKernels
{
    /// <summary>Writes zeros to <paramref name="values"/> values of the tile part at ref <paramref name="region"/>.</summary>
    public static void Clear(SourceWriter w, TileCode c, string region, int values)
    {
        using (w.Block($"for (int v = 0; v < {values}; v++)"))
            w.Line(c.Store(c.Zero, region, "v * TileSize"));
    }

    /// <summary>
    /// Copies every value of the maps <paramref name="shape"/> between an unpadded region and the inside of a padded one
    /// (<paramref name="padding"/> around each map): into the padding's inside, or, with <paramref name="outOfPadded"/>,
    /// out of it.
    /// </summary>
    public static void CopyInsidePadding(SourceWriter w, TileCode c, Model.Shape shape, int padding, string unpadded, string padded, bool outOfPadded)
    {
        int height = shape.Height + 2 * padding, width = shape.Width + 2 * padding;
        string plain = $"((cm * {shape.Height} + y) * {shape.Width} + x) * TileSize";
        string inside = $"((cm * {height} + y + {padding}) * {width} + x + {padding}) * TileSize";
        using (w.Block($"for (int cm = 0; cm < {shape.Maps}; cm++)"))
        using (w.Block($"for (int y = 0; y < {shape.Height}; y++)"))
        using (w.Block($"for (int x = 0; x < {shape.Width}; x++)"))
            w.Line(outOfPadded ? c.Store(c.Load(padded, inside), unpadded, plain) : c.Store(c.Load(unpadded, plain), padded, inside));
    }

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
