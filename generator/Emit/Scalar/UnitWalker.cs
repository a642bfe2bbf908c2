using System;
using System.Collections.Generic;
using LeNetGen.Generator.Model;

namespace LeNetGen.Generator.Emit.Scalar;

/// <summary>
/// Walks units and their inputs at a fully connected layer's depth (dense, softmax and RBF heads alike): Maps and Full
/// write every unit of the group out, Kernel loops over units and writes one unit's inputs out, Window loops over both.
/// The backward and curvature passes of the dense layers and of the RBF head are written from it.
/// </summary>
internal static class UnitWalker
{
    public static void Walk(SourceWriter w, LayerPlan layer, Unroll depth, IReadOnlyList<int> units, Action<string> open, Func<string, string, string> tap)
    {
        int inputs = layer.In.Size, unitStride = layer.Weights.MapStride;
        switch (depth)
        {
            case Unroll.Maps:
            case Unroll.Full:
                foreach (int u in units)
                {
                    open(Naming.Int(u));
                    for (int i = 0; i < inputs; i++) w.Line(tap(Naming.Int(i), Naming.Int((long)layer.MapWeightStart(u) + i)));
                }
                break;
            case Unroll.Kernel:
                using (w.Block($"for (int u = 0; u < {layer.Out.Maps}; u++)"))
                {
                    w.Line($"int wi = u * {unitStride};");
                    open("u");
                    for (int i = 0; i < inputs; i++) w.Line(tap(Naming.Int(i), ScalarCode.Index("wi", i)));
                }
                break;
            default:
                using (w.Block($"for (int u = 0; u < {layer.Out.Maps}; u++)"))
                {
                    w.Line($"int wi = u * {unitStride};");
                    open("u");
                    using (w.Block($"for (int i = 0; i < {inputs}; i++)"))
                        w.Line(tap("i", "wi + i"));
                }
                break;
        }
    }
}
