using System;
using System.Collections.Generic;
using System.Linq;
using CsCheck;
using LeNetGen.Reference;

namespace LeNetGen.Networks.Tests.Properties;

/// <summary>
/// CsCheck generators of valid specs. Each layer is drawn as raw numbers (a <see cref="LayerGene"/>) and fitted to the
/// shape it meets (<see cref="Build"/>): kernels no larger than the padded input, pool strides that tile (in ceil mode,
/// strides no longer than the window, so the clipped windows read every value), a connection
/// table whose every output map reads at least one input map, dense layers only after the last spatial layer. Drawing
/// numbers first and fitting them after keeps every draw valid and lets CsCheck shrink: fewer genes and smaller numbers
/// give fewer, smaller layers.
/// </summary>
internal static class RandomSpecs
{
    /// <summary>One layer's raw draw: the kind (conv, pool, dense), five sizes, an activation, an unroll depth, table bits.</summary>
    internal sealed record LayerGene(int Kind, int A, int B, int C, int D, int E, int Activation, int Unroll, ulong Bits);

    /// <summary>
    /// Auto half the time, each written-out depth an eighth: Full and Maps write out the most code, and compiling it is
    /// what the test spends its time on.
    /// </summary>
    private static readonly Gen<int> UnrollIndex = Gen.Int[0, 7].Select(i => i < 4 ? 0 : i - 3);

    private static readonly Gen<LayerGene> Gene =
        Gen.Select(Gen.Int[0, 2], Gen.Int[0, 99].Array[5], Gen.Int[0, 4], UnrollIndex, Gen.ULong,
            (kind, sizes, activation, unroll, bits) => new LayerGene(kind, sizes[0], sizes[1], sizes[2], sizes[3], sizes[4], activation, unroll, bits));

    /// <summary>Valid specs: 1 to 3 input maps of 1x1 to 12x12, 0 to 5 hidden layers and a head, float or double.</summary>
    public static readonly Gen<RandomSpec> Spec =
        Gen.Select(Gen.Int[1, 3], Gen.Int[1, 12], Gen.Int[1, 12], Gen.Bool, Gen.ULong[1, 1_000_000], Gene.Array[0, 5],
            Gen.Select(Gen.Int[0, 9], Gen.Int[1, 6], Gen.Bool, UnrollIndex, (kind, classes, trainable, unroll) => (kind, classes, trainable, unroll)),
            (maps, height, width, isDouble, seed, genes, head) => Build(new Shape(maps, height, width), isDouble, seed, genes, head));

    private static readonly Act[] Activations = [Act.Identity, Act.Tanh, Act.ScaledTanh, Act.Relu, Act.Sigmoid];
    private static readonly Unroll[] Unrolls = [Unroll.Auto, Unroll.Window, Unroll.Kernel, Unroll.Maps, Unroll.Full];
    private static readonly PoolKind[] PoolKinds = [PoolKind.Average, PoolKind.Max, PoolKind.Subsample];

    /// <summary>Fits <paramref name="genes"/> to the shapes they meet, in order, and adds the head.</summary>
    public static RandomSpec Build(Shape input, bool isDouble, ulong seed, LayerGene[] genes,
        (int Kind, int Classes, bool Trainable, int Unroll) head)
    {
        var layers = new List<RandomLayer>();
        Shape shape = input;
        bool flat = false; // after a dense layer only dense layers follow
        foreach (LayerGene g in genes)
        {
            Act activation = Activations[g.Activation];
            Unroll unroll = Unrolls[g.Unroll];
            RandomLayer layer;
            if (flat || g.Kind == 2)
            {
                layer = new RandomDense(1 + g.A % 12, activation, unroll);
                flat = true;
            }
            else if (g.Kind == 0)
            {
                int padding = g.D % 3 == 0 ? g.D % 2 : 0; // mostly none, sometimes 1
                int kernelHeight = 1 + g.B % Math.Min(5, shape.Height + 2 * padding);
                int kernelWidth = g.E % 2 == 0 ? kernelHeight : 1 + g.C % Math.Min(5, shape.Width + 2 * padding);
                kernelHeight = Math.Min(kernelHeight, shape.Height + 2 * padding);
                kernelWidth = Math.Min(kernelWidth, shape.Width + 2 * padding);
                int stride = 1 + g.E % 5 / 3; // mostly 1, sometimes 2
                int maps = 1 + g.A % 4;
                bool[,]? table = (g.Bits & 1) == 1 ? Table(shape.Maps, maps, g.Bits >> 1) : null;
                layer = new RandomConv(maps, kernelHeight, kernelWidth, stride, padding, table, activation, unroll);
            }
            else
            {
                int window = 1 + g.B % Math.Min(3, Math.Min(shape.Height, shape.Width));
                PoolKind kind = PoolKinds[g.C % 3];
                // Average and max pooling in ceil mode half the time (not subsampling, LNG0114), with a stride no longer
                // than the window, so the clipped last windows read what the floor rule leaves; else stride 0 (the
                // window) or 1 to 3, whichever tile the input; 1 always does.
                bool ceil = kind != PoolKind.Subsample && (g.Bits & 1) == 1;
                int[] strides = new[] { 0, 1, 2, 3 }.Where(s => ceil ? s <= window : Tiles(shape, window, s == 0 ? window : s)).ToArray();
                layer = new RandomPool(kind, window, strides[g.D % strides.Length], activation, unroll, ceil);
            }
            ReferenceLayer fitted = layer switch
            {
                RandomConv c => new ConvLayer(c.Maps, c.KernelHeight, c.KernelWidth, c.Stride, c.Padding, c.Table, c.Activation),
                RandomPool p => new PoolLayer(p.Kind, p.Window, p.Stride, p.Activation, p.CeilMode),
                RandomDense d => new DenseLayer(d.Units, d.Activation),
                _ => throw new ArgumentException(layer.ToString()),
            };
            Shape output = fitted.OutputShape(shape);
            // A depth asked for that would write out more than a build can take is an error (LNG0302), not a valid
            // spec: such a layer is left to Auto.
            long taps = layer switch
            {
                RandomConv c => (long)output.Size * c.KernelHeight * c.KernelWidth * shape.Maps,
                RandomPool p => (long)output.Size * p.Window * p.Window,
                _ => (long)output.Size * shape.Size,
            };
            if (taps > WrittenOutBudget)
                layer = layer switch
                {
                    RandomConv c => c with { Unroll = Unroll.Auto },
                    RandomPool p => p with { Unroll = Unroll.Auto },
                    RandomDense d => d with { Unroll = Unroll.Auto },
                    _ => layer,
                };
            shape = output;
            layers.Add(layer);
        }

        Unroll headUnroll = Unrolls[head.Unroll];
        long headTaps = head.Kind <= 8 ? (long)Math.Max(2, head.Classes) * shape.Size : 84L * shape.Size; // the digits: F 84 first
        if (headTaps > WrittenOutBudget) headUnroll = Unroll.Auto;
        if (head.Kind <= 5) return new RandomSpec(input, isDouble, seed, layers, false, head.Classes, default, false, headUnroll);
        if (head.Kind <= 8) return new RandomSpec(input, isDouble, seed, layers, true, Math.Max(2, head.Classes), RbfPrototypes.RandomCodes, head.Trainable, headUnroll);
        // LeNet-5's digit prototypes need 10 classes of 7x12 = 84 inputs: an F layer of 84 in front.
        layers.Add(new RandomDense(84, Act.ScaledTanh, headUnroll));
        return new RandomSpec(input, isDouble, seed, layers, true, 10, RbfPrototypes.LeNet5Digits, head.Trainable, headUnroll);
    }

    /// <summary>
    /// Forward multiply-adds a layer may ask to write out: LeNetGen's limit is 20,000 over forward, backward and curvature
    /// (five per forward multiply-add for layers with weights), so 4,000 forward ones, less a margin.
    /// </summary>
    private const long WrittenOutBudget = 3_000;

    private static bool Tiles(Shape shape, int window, int stride) =>
        window <= shape.Height && window <= shape.Width && (shape.Height - window) % stride == 0 && (shape.Width - window) % stride == 0;

    /// <summary>A table from <paramref name="bits"/>; an output map left without input reads input map (map mod inputs).</summary>
    private static bool[,] Table(int inputs, int outputs, ulong bits)
    {
        var table = new bool[inputs, outputs];
        for (int m = 0; m < outputs; m++)
        {
            bool any = false;
            for (int r = 0; r < inputs; r++) any |= table[r, m] = ((bits >> (m * inputs + r)) & 1) == 1;
            if (!any) table[m % inputs, m] = true;
        }
        return table;
    }
}
