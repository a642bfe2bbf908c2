using System.Collections.Generic;
using LeNetGen.Generator.Model;
using static LeNetGen.Generator.Emit.LayerEmitting;

namespace LeNetGen.Generator.Emit;

/// <summary>
/// Writes the Euclidean RBF output layer: y_k = sum_i (x_i - w_ki)^2, the squared distance of the input to each class's
/// prototype. Fixed prototypes are read from a static table built once from the runtime's values; trainable ones are
/// a block of the parameters.
/// </summary>
internal static class RbfEmitter
{
    public const string FixedTable = "FixedPrototypes";

    public static void EmitForward(SourceWriter w, LayerPlan layer, ElementSyntax e)
    {
        int width = layer.In.Size, classes = layer.Out.Maps;
        string source = layer.TrainablePrototypes
            ? $"trainable, at {Naming.Weights(layer)}Offset"
            : $"fixed, in {FixedTable}";
        var legend = new List<string>
        {
            $"input       {width}",
            $"prototypes  ({classes}, {width}), {source}",
            $"output      {classes} penalties: the smaller, the likelier the class",
            "unroll      " + (layer.Unroll switch
            {
                Unroll.Full or Unroll.Maps => $"Maps: every class's {width} squared differences written out",
                Unroll.Kernel => $"Kernel: one class's {width} squared differences written out; a loop over the {classes} classes",
                _ => "Window: loops over classes and inputs",
            }),
        };
        using (OpenMethod(w, layer, e, $"Euclidean RBF units {width} -> {classes}", legend))
        {
            w.Line(layer.TrainablePrototypes
                ? $"{e.ReadOnlySpan} prototypes = parameters.Slice({Naming.Weights(layer)}Offset, {Naming.Weights(layer)}Length);"
                : $"{e.ReadOnlySpan} prototypes = {FixedTable};");
            switch (layer.Unroll)
            {
                case Unroll.Full:
                case Unroll.Maps:
                    w.Line($"{e.Name} s, d;");
                    for (int k = 0; k < classes; k++)
                    {
                        w.Line($"// class {k}");
                        w.Line($"s = 0;");
                        for (int i = 0; i < width; i++)
                            w.Line($"d = input[{i}] - prototypes[{Naming.Int((long)k * width + i)}]; s += d * d;");
                        Store(w, layer, Naming.Int(k), "s");
                    }
                    break;
                case Unroll.Kernel:
                    using (w.Block($"for (int k = 0; k < {classes}; k++)"))
                    {
                        w.Line($"{e.ReadOnlySpan} prototype = prototypes.Slice(k * {width}, {width});");
                        w.Line($"{e.Name} s = 0, d;");
                        for (int i = 0; i < width; i++)
                            w.Line($"d = input[{i}] - prototype[{i}]; s += d * d;");
                        Store(w, layer, "k", "s");
                    }
                    break;
                default:
                    using (w.Block($"for (int k = 0; k < {classes}; k++)"))
                    {
                        w.Line($"{e.ReadOnlySpan} prototype = prototypes.Slice(k * {width}, {width});");
                        w.Line($"{e.Name} s = 0;");
                        using (w.Block($"for (int i = 0; i < {width}; i++)"))
                        {
                            w.Line($"{e.Name} d = input[i] - prototype[i];");
                            w.Line("s += d * d;");
                        }
                        Store(w, layer, "k", "s");
                    }
                    break;
            }
        }
    }
}
