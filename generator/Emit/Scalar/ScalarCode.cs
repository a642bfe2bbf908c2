using System;
using System.Collections.Generic;
using System.Text;
using LeNetGen.Generator.Model;

namespace LeNetGen.Generator.Emit.Scalar;

/// <summary>What the scalar layers share: sums written out a few terms per line, index expressions with literal
/// offsets, the loops over output positions, and storing a unit's sum and activated value.</summary>
internal static class ScalarCode
{
    /// <summary>"at + 33", "at", or "33".</summary>
    public static string Index(string? variable, long offset)
    {
        if (variable is null) return Naming.Int(offset);
        return offset == 0 ? variable : variable + " + " + Naming.Int(offset);
    }

    /// <summary>Stores sum <paramref name="sum"/> of the unit at <paramref name="index"/>: the sum and its activation.</summary>
    public static void Store(SourceWriter w, LayerPlan layer, string index, string sum)
    {
        if (layer.Kind == LayerKind.SoftmaxOutput)
        {
            w.Line("sums[" + index + "] = " + sum + ";");
            return;
        }
        if (!LayerEmitting.HasSeparateSums(layer))
        {
            w.Line("values[" + index + "] = " + sum + ";");
            return;
        }
        w.Line("sums[" + index + "] = " + sum + ";");
        w.Line("values[" + index + "] = " + Naming.Activate(layer.Activation, sum) + ";");
    }

    /// <summary>Writes "s += t0 + t1 + ...;" with <paramref name="perLine"/> terms per statement.</summary>
    public static void AddTerms(SourceWriter w, string sum, IReadOnlyList<string> terms, int perLine)
    {
        for (int start = 0; start < terms.Count; start += perLine)
        {
            var line = new StringBuilder(sum).Append(" += ");
            int end = Math.Min(terms.Count, start + perLine);
            for (int i = start; i < end; i++)
            {
                if (i > start) line.Append(" + ");
                line.Append(terms[i]);
            }
            w.Line(line.Append(';').ToString());
        }
    }

    /// <summary>Opens the two loops over output positions, declaring o (the position) and at (the window's origin).</summary>
    public static IDisposable? OpenPositionLoops(SourceWriter w, Shape output, int stride, int inputWidth, out string? position, out string? origin) =>
        OpenPositionLoops(w, output, stride, inputWidth, new PoolBand(0, output.Height, 0), new PoolBand(0, output.Width, 0), out position, out origin);

    /// <summary>
    /// Opens the two loops over the output positions of <paramref name="rows"/> by <paramref name="columns"/> (a pooling
    /// layer's rectangle of equal windows), declaring o and at as above.
    /// </summary>
    public static IDisposable? OpenPositionLoops(SourceWriter w, Shape output, int stride, int inputWidth, PoolBand rows, PoolBand columns,
        out string? position, out string? origin)
    {
        if (output.Height == 1 && output.Width == 1)
        {
            position = null;
            origin = null;
            return null;
        }
        var outer = w.Block(PoolWindows.Loop("y", rows));
        var inner = w.Block(PoolWindows.Loop("x", columns));
        w.Line($"int o = y * {output.Width} + x;");
        w.Line($"int at = y * {Naming.Int((long)stride * inputWidth)} + {(stride == 1 ? "x" : "x * " + Naming.Int(stride))};");
        position = "o";
        origin = "at";
        return new NestedBlocks(inner, outer);
    }
}
