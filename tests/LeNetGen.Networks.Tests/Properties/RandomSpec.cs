using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using LeNetGen.Reference;

namespace LeNetGen.Networks.Tests.Properties;

/// <summary>One hidden layer of a <see cref="RandomSpec"/>.</summary>
internal abstract record RandomLayer;

/// <summary>A convolution; <paramref name="Table"/> [input map, output map], null for full connection.</summary>
internal sealed record RandomConv(int Maps, int KernelHeight, int KernelWidth, int Stride, int Padding, bool[,]? Table, Act Activation, Unroll Unroll)
    : RandomLayer;

/// <summary>A pooling layer; <paramref name="Stride"/> 0 means the window; <paramref name="CeilMode"/> PyTorch's ceil_mode.</summary>
internal sealed record RandomPool(PoolKind Kind, int Window, int Stride, Act Activation, Unroll Unroll, bool CeilMode = false) : RandomLayer;

/// <summary>A dense layer.</summary>
internal sealed record RandomDense(int Units, Act Activation, Unroll Unroll) : RandomLayer;

/// <summary>
/// A valid network spec drawn at random: input shape, element type, hidden layers and a head. It prints itself as the
/// attribute source a person can paste (<see cref="ToAttributeSource"/>) and builds the same network for the
/// reference implementation (<see cref="ToReference"/>), written from the spec's fields, not from generated code.
/// </summary>
internal sealed record RandomSpec(Shape Input, bool IsDouble, ulong Seed, IReadOnlyList<RandomLayer> Layers, bool RbfHead, int Classes,
    RbfPrototypes Prototypes, bool Trainable, Unroll HeadUnroll)
{
    /// <summary>The spec as C# attributes on a partial class <paramref name="className"/> in namespace Properties.</summary>
    public string ToAttributeSource(string className)
    {
        var s = new StringBuilder();
        s.Append(CultureInfo.InvariantCulture, $"[Network(Input = \"{Input.Maps}x{Input.Height}x{Input.Width}\"")
            .Append(IsDouble ? ", Element = ElementType.Double" : "")
            .Append(CultureInfo.InvariantCulture, $", Seed = {Seed})]\n");
        foreach (RandomLayer layer in Layers)
        {
            s.Append(layer switch
            {
                RandomConv c => $"[Conv({c.Maps}, KernelHeight = {c.KernelHeight}, KernelWidth = {c.KernelWidth}, Stride = {c.Stride}, Padding = {c.Padding}"
                    + (c.Table is null ? "" : $", Connections = \"{TableText(c.Table)}\"")
                    + $", Activation = Act.{c.Activation}, Unroll = Unroll.{c.Unroll})]",
                RandomPool p => $"[Pool(PoolKind.{p.Kind}, {p.Window}" + (p.Stride == 0 ? "" : $", Stride = {p.Stride}")
                    + (p.CeilMode ? ", CeilMode = true" : "") + $", Activation = Act.{p.Activation}, Unroll = Unroll.{p.Unroll})]",
                RandomDense d => $"[Dense({d.Units}, Activation = Act.{d.Activation}, Unroll = Unroll.{d.Unroll})]",
                _ => throw new System.ArgumentException(layer.ToString()),
            }).Append('\n');
        }
        s.Append(RbfHead
            ? $"[RbfOutput({Classes}, Prototypes = RbfPrototypes.{Prototypes}, Trainable = {(Trainable ? "true" : "false")}, Unroll = Unroll.{HeadUnroll})]\n"
            : $"[SoftmaxOutput({Classes}, Unroll = Unroll.{HeadUnroll})]\n");
        s.Append("public partial class ").Append(className).Append(" { }\n");
        return s.ToString();
    }

    /// <summary>A whole file with this spec, ready to paste into a project that references LeNetGen.</summary>
    public override string ToString() => "using LeNetGen;\n\nnamespace Properties;\n\n" + ToAttributeSource("Net");

    /// <summary>The same network for the reference implementation.</summary>
    public ReferenceNetwork ToReference()
    {
        var layers = new List<ReferenceLayer>();
        foreach (RandomLayer layer in Layers)
        {
            layers.Add(layer switch
            {
                RandomConv c => new ConvLayer(c.Maps, c.KernelHeight, c.KernelWidth, c.Stride, c.Padding, c.Table, c.Activation),
                RandomPool p => new PoolLayer(p.Kind, p.Window, p.Stride, p.Activation, p.CeilMode),
                RandomDense d => new DenseLayer(d.Units, d.Activation),
                _ => throw new System.ArgumentException(layer.ToString()),
            });
        }
        if (RbfHead)
        {
            Shape last = Input;
            foreach (ReferenceLayer hidden in layers) last = hidden.OutputShape(last);
            int width = last.Size;
            layers.Add(new RbfHead(Classes, RbfPrototypeValues.Create<double>(Prototypes, Classes, width, Seed), Trainable));
        }
        else
        {
            layers.Add(new SoftmaxHead(Classes));
        }
        return new ReferenceNetwork(Input, [.. layers]);
    }

    /// <summary>Rows are input maps, columns output maps, as the paper's table 1 and the Connections property.</summary>
    private static string TableText(bool[,] table) =>
        string.Join("\\n", Enumerable.Range(0, table.GetLength(0))
            .Select(r => new string(Enumerable.Range(0, table.GetLength(1)).Select(m => table[r, m] ? 'X' : '.').ToArray())));
}
