using System.Collections.Generic;
using System.Globalization;
using System.Text;
using LeNetGen.Generator.Model;

namespace LeNetGen.Generator.Check;

/// <summary>
/// A 64-bit FNV-1a hash of everything that decides a network's parameter layout and arithmetic (element type, shapes,
/// kinds, kernels, strides, tables, activations, heads), but not its name, seed or unroll depth. A checkpoint carries it,
/// so parameters are never loaded into a network of another shape.
/// </summary>
internal static class Fingerprint
{
    public static ulong Of(ElementType element, Shape input, IReadOnlyList<LayerPlan> layers)
    {
        var text = new StringBuilder();
        text.Append("lenetgen/1;").Append(element).Append(';').Append(input).Append(';');
        foreach (LayerPlan l in layers)
        {
            text.Append(l.Kind).Append(',').Append(l.Out).Append(',').Append(l.Activation)
                .Append(',').Append(l.KernelHeight.ToString(CultureInfo.InvariantCulture)).Append('x').Append(l.KernelWidth.ToString(CultureInfo.InvariantCulture))
                .Append(",s").Append(l.Stride.ToString(CultureInfo.InvariantCulture)).Append(",p").Append(l.Padding.ToString(CultureInfo.InvariantCulture))
                .Append(',').Append(l.PoolKind).Append(",w").Append(l.Window.ToString(CultureInfo.InvariantCulture))
                .Append(',').Append(l.Prototypes).Append(',').Append(l.TrainablePrototypes ? "t" : "f");
            foreach (EquatableArray<int> inputs in l.Table)
            {
                text.Append('[');
                foreach (int i in inputs) text.Append(i.ToString(CultureInfo.InvariantCulture)).Append(' ');
                text.Append(']');
            }
            text.Append(';');
        }
        return Fnv1a64.Of(text.ToString());
    }
}
