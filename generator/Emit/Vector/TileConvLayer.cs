using System;
using System.Collections.Generic;
using System.Linq;
using LeNetGen.Generator.Model;

namespace LeNetGen.Generator.Emit.Vector;

/// <summary>
/// A convolution's tile kernels. Every vector holds one value (map, row, column) of the tile's samples, one per lane,
/// so each weight is broadcast once and multiplies every sample at once, whatever the layer's shape. Forward: a block of
/// output columns (and, for a full table, output maps) accumulates in registers while the input columns it reads are
/// loaded once per kernel row. Backward: each kernel row's weights gather their gradients over all positions in
/// registers, summed over the lanes at the end; the input's deltas are gathered in registers a row and block of columns at
/// a time, from every output map and kernel row that read them, and stored once. The
/// curvature pass walks the same loops with squared inputs and weights.
/// </summary>
internal static class TileConvLayer
{
    /// <summary>The connection table as data the kernels loop over: each output map's pairs and the input map of each pair.</summary>
    public static void EmitTable(SourceWriter w, TileLayer layer)
    {
        LayerPlan p = layer.Plan;
        if (!p.HasTable) return;
        var inputs = new List<int>();
        var starts = new List<int> { 0 };
        foreach (EquatableArray<int> maps in p.Table)
        {
            inputs.AddRange(maps);
            starts.Add(inputs.Count);
        }
        int kernel = p.KernelHeight * p.KernelWidth;
        w.Line($"/// <summary>{p.Name}'s connection table, pair by pair: the input map each connected (output map, input map) pair reads, output map after output map; pair j's {p.KernelHeight}x{p.KernelWidth} kernel is at j x {kernel} in {Naming.Weights(p)}.</summary>");
        w.Line($"private static global::System.ReadOnlySpan<int> {p.Name}PairInputs => new int[] {{ {string.Join(", ", inputs)} }};");
        w.Line($"/// <summary>Where each of {p.Name}'s output maps' pairs start in {p.Name}PairInputs, and one past the last.</summary>");
        w.Line($"private static global::System.ReadOnlySpan<int> {p.Name}PairStarts => new int[] {{ {string.Join(", ", starts)} }};");
        var outputs = new List<int>();
        for (int m = 0; m < p.Table.Count; m++) outputs.AddRange(Enumerable.Repeat(m, p.Table[m].Count));
        var byInput = new List<int>();
        var inputStarts = new List<int> { 0 };
        for (int cm = 0; cm < p.In.Maps; cm++)
        {
            for (int j = 0; j < inputs.Count; j++) if (inputs[j] == cm) byInput.Add(j);
            inputStarts.Add(byInput.Count);
        }
        w.Line($"/// <summary>The output map of each of {p.Name}'s pairs.</summary>");
        w.Line($"private static global::System.ReadOnlySpan<int> {p.Name}PairOutputs => new int[] {{ {string.Join(", ", outputs)} }};");
        w.Line($"/// <summary>{p.Name}'s pairs input map by input map, for the input's deltas.</summary>");
        w.Line($"private static global::System.ReadOnlySpan<int> {p.Name}InputPairs => new int[] {{ {string.Join(", ", byInput)} }};");
        w.Line($"/// <summary>Where each input map's pairs start in {p.Name}InputPairs, and one past the last.</summary>");
        w.Line($"private static global::System.ReadOnlySpan<int> {p.Name}InputPairStarts => new int[] {{ {string.Join(", ", inputStarts)} }};");
        w.Line();
    }

    public static void EmitForward(SourceWriter w, TileLayer layer, TileCode c)
    {
        LayerPlan p = layer.Plan;
        Shape input = p.PaddedIn, output = p.Out;
        int kh = p.KernelHeight, kw = p.KernelWidth, s = p.Stride;
        ConvForwardBlocking b = ConvForwardBlocking.For(p, c);

        w.Line($"// {p.Name}, forward: convolution {p.In.ToMapsString()} -> {output.ToMapsString()}, kernel {kh}x{kw}, stride {s}" +
            (p.Padding > 0 ? $", padding {p.Padding}" : "") + (p.HasTable ? $", table ({p.Table.Sum(t => t.Count)} of {p.In.Maps * output.Maps} pairs)" : "") +
            $", {Naming.ActivationTitle(p.Activation)}");
        w.Line($"//   each vector: one value of {c.Count} samples side by side; the value at (map, row, column) of lane l is at ((map x {input.Height} + row) x {input.Width} + column) x TileSize + l");
        w.Line($"//   registers: {b.Describe(kw, s)}");
        w.Line(TileCode.Optimized);
        using (w.Block($"private static void {c.Method(p.Name + "ForwardTile")}(ref {c.T} tile, ref {c.T} parameters)"))
        {
            w.Line(c.Ref("weights", "parameters", layer.WeightsOffset));
            w.Line(c.Ref("biases", "parameters", layer.BiasesOffset));
            using (w.Block(c.LaneLoop))
            {
                if (p.Padding > 0) EmitPaddedCopy(w, layer, c);
                w.Line(c.Ref("input", "tile", (p.Padding > 0 ? layer.Padded : layer.Input) + " + lane"));
                w.Line(c.Ref("sums", "tile", layer.Sums + " + lane"));
                if (layer.HasSeparateSums) w.Line(c.Ref("values", "tile", layer.Values + " + lane"));
                TileBlocks.Loop(w, "m", output.Maps, b.Maps, maps =>
                {
                    if (b.Rows == 1)
                        using (w.Block($"for (int y = 0; y < {output.Height}; y++)"))
                            TileBlocks.Loop(w, "x", output.Width, b.Columns, xs => ForwardBlock(w, layer, c, maps, 1, xs, b.Preload));
                    else
                        TileBlocks.Loop(w, "y", output.Height, b.Rows, rows =>
                            TileBlocks.Loop(w, "x", output.Width, b.Columns, xs => ForwardBlock(w, layer, c, maps, rows, xs, b.Preload)));
                });
                if (layer.HasSeparateSums)
                {
                    // The activation in a pass of its own: inside the loops above, its constants would take registers
                    // the sums and input columns need (the JIT hoists them), and spill them.
                    w.Line($"for (int v = 0; v < {layer.Size}; v++) {c.Store(c.Activate(p.Activation, c.Load("sums", "v * TileSize")), "values", "v * TileSize")}");
                }
            }
        }
    }

    /// <summary>
    /// One block of sums in registers: <paramref name="maps"/> output maps x <paramref name="rows"/> output rows x
    /// <paramref name="xs"/> output columns. Preloaded: each kernel row's input columns are loaded once into registers
    /// (i...) and every sum of the block reads them (one map, one row). Otherwise each input vector is loaded as it is
    /// used, once for all the block's maps (into i), and every map's weight of the tap is broadcast (k...).
    /// </summary>
    private static void ForwardBlock(SourceWriter w, TileLayer layer, TileCode c, int maps, int rows, int xs, bool preload)
    {
        LayerPlan p = layer.Plan;
        Shape input = p.PaddedIn, output = p.Out;
        int kh = p.KernelHeight, kw = p.KernelWidth, s = p.Stride;
        int area = output.Height * output.Width;
        for (int mb = 0; mb < maps; mb++)
            w.Line($"{c.V} " + string.Join(", ", Enumerable.Range(0, rows).SelectMany(r => Enumerable.Range(0, xs).Select(i => $"{Acc(mb, r, i, maps, rows)} = {c.Splat(c.At("biases", Plus("m", mb)))}"))) + ";");
        using (OpenPairs(w, p, maps))
        using (w.Block($"for (int ky = 0; ky < {kh}; ky++)"))
        {
            for (int r = 0; r < rows; r++)
                w.Line(c.Ref(Row(r, rows), "input", $"((c * {input.Height} + {RowOf("y", r, s)} + ky) * {input.Width} + x{Times(s)}) * TileSize"));
            for (int mb = 0; mb < maps; mb++)
                w.Line(c.Ref(Kernel(mb, maps), "weights", $"(({Pair(p, mb)}) * {kh} + ky) * {kw}"));
            int columns = (xs - 1) * s + kw;
            if (preload)
            {
                w.Line($"{c.V} " + string.Join(", ", Enumerable.Range(0, columns).Select(q => $"i{q} = {c.Load("row", Naming.Int((long)q * c.TileSize))}")) + ";");
                w.Line($"{c.V} k;");
                for (int kx = 0; kx < kw; kx++)
                    for (int mb = 0; mb < maps; mb++)
                    {
                        var line = new System.Text.StringBuilder($"k = {c.Splat(c.At(Kernel(mb, maps), Naming.Int(kx)))};");
                        for (int i = 0; i < xs; i++)
                            line.Append($" {Acc(mb, 0, i, maps, 1)} = {c.Fma($"i{i * s + kx}", "k", Acc(mb, 0, i, maps, 1))};");
                        w.Line(line.ToString());
                    }
            }
            else
            {
                // A loop over the kernel's columns, so that no input vector is named twice in one body: unrolled, the
                // JIT keeps each one it sees again for a later tap in a register it does not have, and spills it.
                w.Line($"{c.V} " + string.Join(", ", Enumerable.Range(0, maps).Select(mb => Broadcast(mb, maps))) + (maps > 1 ? ", i;" : ";"));
                using (w.Block($"for (int kx = 0; kx < {kw}; kx++)"))
                {
                    w.Line(string.Join(" ", Enumerable.Range(0, maps).Select(mb => $"{Broadcast(mb, maps)} = {c.Splat(c.At(Kernel(mb, maps), "kx"))};")));
                    for (int r = 0; r < rows; r++)
                    {
                        w.Line(c.Ref(Tap(r, rows), Row(r, rows), "kx * TileSize"));
                        var line = new System.Text.StringBuilder();
                        for (int i = 0; i < xs; i++)
                        {
                            string x = c.Load(Tap(r, rows), Naming.Int((long)i * s * c.TileSize));
                            if (maps > 1) line.Append($"{(i == 0 ? "" : " ")}i = {x};");
                            for (int mb = 0; mb < maps; mb++)
                            {
                                if (line.Length > 0) line.Append(' ');
                                line.Append($"{Acc(mb, r, i, maps, rows)} = {c.Fma(maps > 1 ? "i" : x, Broadcast(mb, maps), Acc(mb, r, i, maps, rows))};");
                            }
                        }
                        w.Line(line.ToString());
                    }
                }
            }
        }
        w.Line($"int at = (m * {area} + y * {output.Width} + x) * TileSize;");
        for (int mb = 0; mb < maps; mb++)
            for (int r = 0; r < rows; r++)
                for (int i = 0; i < xs; i++)
                {
                    string offset = Naming.Int(((long)mb * area + (long)r * output.Width + i) * c.TileSize);
                    string place = offset == "0" ? "at" : "at + " + offset;
                    w.Line(c.Store(Acc(mb, r, i, maps, rows), "sums", place));
                }
    }

    public static void EmitBackward(SourceWriter w, TileLayer layer, TileCode c, bool curvature)
    {
        LayerPlan p = layer.Plan;
        Shape input = p.PaddedIn, output = p.Out;
        int kh = p.KernelHeight, kw = p.KernelWidth, s = p.Stride;
        int area = output.Height * output.Width;
        string pass = curvature ? "Curvature" : "Backward";
        string what = curvature ? "d2E/dw2" : "dE/dw";
        w.Line($"// {p.Name}, {pass.ToLowerInvariant()}: deltas {output.ToMapsString()} -> {what} of {Naming.Weights(p)} and {Naming.Biases(p)}" +
            (layer.InputDeltas is null ? " (the first layer: no input deltas)" : $", and the input's deltas {p.In.ToMapsString()}"));
        w.Line($"//   weights: each kernel row's {kw} {(curvature ? "curvatures" : "gradients")} gather over all {output.Height}x{output.Width} positions in registers (g...), summed over the lanes once");
        w.Line(TileCode.Optimized);
        using (w.Block($"private static void {c.Method(p.Name + pass + "Tile")}(ref {c.T} tile, ref {c.T} parameters, ref {c.T} gradients)"))
        {
            w.Line(c.Ref("weights", "parameters", layer.WeightsOffset));
            w.Line(c.Ref("weightDeltas", "gradients", layer.WeightsOffset));
            w.Line(c.Ref("biasDeltas", "gradients", layer.BiasesOffset));
            using (w.Block(c.LaneLoop))
            {
                w.Line(c.Ref("input", "tile", (p.Padding > 0 ? layer.Padded : layer.Input) + " + lane"));
                w.Line(c.Ref("deltas", "tile", layer.Deltas + " + lane"));
                TileKernels.ActivationDerivative(w, layer, c, curvature);

                w.Line("// biases: the sum of each map's deltas");
                using (w.Block($"for (int m = 0; m < {output.Maps}; m++)"))
                {
                    w.Line($"{c.V} g = {c.Zero};");
                    w.Line($"for (int o = 0; o < {area}; o++) g += {c.Load("deltas", $"(m * {area} + o) * TileSize")};");
                    w.Line($"{c.At("biasDeltas", "m")} += {c.Sum("g")};");
                }

                int xBlock = ColumnBlock(output.Width, c.Width.Bits == 512 ? 8 : 4);
                // Kernel rows in blocks, so that a block has more accumulator chains than one row's kw, too few to keep
                // two FMA units busy. 512 bits: two rows, or three for an odd height (3 x 5 taps + the deltas fit in 32
                // registers), so no single row is left over. 16 registers: as many rows as fit beside the deltas and the
                // input vector (two rows of 5 taps + 4 deltas + 1).
                int rowBlock = c.Width.Registers >= 32
                    ? Math.Min(kh, kw <= 6 ? (kh % 2 == 1 && kh >= 3 ? 3 : 2) : 1)
                    : Math.Max(1, Math.Min(kh, (c.Width.Registers - 2 - Math.Min(xBlock, output.Width)) / kw));
                w.Line($"// weights: for each connected pair, {rowBlock} kernel row(s) at a time, one register per kernel tap (g<row>_<column>)");
                using (w.Block($"for (int m = 0; m < {output.Maps}; m++)"))
                using (OpenPairs(w, p, 1))
                    TileBlocks.Loop(w, "ky", kh, rowBlock, rows =>
                    {
                        string G(int r, int kx) => rows == 1 ? $"g{kx}" : $"g{r}_{kx}";
                        w.Line($"{c.V} " + string.Join(", ", Enumerable.Range(0, rows).SelectMany(r => Enumerable.Range(0, kw).Select(kx => $"{G(r, kx)} = {c.Zero}"))) + ";");
                        using (w.Block($"for (int y = 0; y < {output.Height}; y++)"))
                        {
                            for (int r = 0; r < rows; r++)
                                w.Line(c.Ref($"row{r}", "input", $"((c * {input.Height} + y{Times(s)} + {Plus("ky", r)}) * {input.Width}) * TileSize"));
                            w.Line(c.Ref("line", "deltas", $"(m * {area} + y * {output.Width}) * TileSize"));
                            TileBlocks.Loop(w, "x", output.Width, xBlock, xs =>
                            {
                                int columns = (xs - 1) * s + kw;
                                // refs at the block's first column, so every load below has a literal offset
                                w.Line(c.Ref("at", "line", "x * TileSize"));
                                for (int r = 0; r < rows; r++) w.Line(c.Ref($"from{r}", $"row{r}", $"x{Times(s)} * TileSize"));
                                w.Line($"{c.V} " + string.Join(", ", Enumerable.Range(0, xs).Select(i => $"d{i} = {c.Load("at", Naming.Int((long)i * c.TileSize))}")) + ";");
                                w.Line($"{c.V} i;");
                                for (int r = 0; r < rows; r++)
                                    for (int q = 0; q < columns; q++)
                                    {
                                        // input column q of this row meets delta i at tap kx = q - i * stride
                                        var line = new System.Text.StringBuilder($"i = {c.Load($"from{r}", Naming.Int((long)q * c.TileSize))};");
                                        if (curvature) line.Append(" i *= i;");
                                        for (int i = 0; i < xs; i++)
                                        {
                                            int kx = q - i * s;
                                            if (kx >= 0 && kx < kw) line.Append($" {G(r, kx)} = {c.Fma($"d{i}", "i", G(r, kx))};");
                                        }
                                        w.Line(line.ToString());
                                    }
                            });
                        }
                        for (int r = 0; r < rows; r++)
                        {
                            w.Line(c.Ref($"kernel{r}", "weightDeltas", $"(({Pair(p, 0)}) * {kh} + {Plus("ky", r)}) * {kw}"));
                            w.Line(string.Join(" ", Enumerable.Range(0, kw).Select(kx => $"{c.At($"kernel{r}", Naming.Int(kx))} += {c.Sum(G(r, kx))};")));
                        }
                    });

                if (layer.InputDeltas is not null) EmitInputDeltas(w, layer, c, curvature);
            }
        }
    }

    /// <summary>
    /// The input's deltas, gathered: for each input row and block of columns, the deltas stay in registers while every
    /// output map and kernel row that reads them adds in, and are stored once (not loaded and stored again per map and row).
    /// </summary>
    private static void EmitInputDeltas(SourceWriter w, TileLayer layer, TileCode c, bool curvature)
    {
        LayerPlan p = layer.Plan;
        Shape input = p.PaddedIn, output = p.Out;
        int kh = p.KernelHeight, kw = p.KernelWidth, s = p.Stride;
        int area = output.Height * output.Width;
        int xBlock = ColumnBlock(output.Width, RegisterColumns(c, kw, s));
        string target = p.Padding > 0 ? layer.PaddedDeltas : layer.InputDeltas!;
        w.Line($"// the input's deltas{(curvature ? " (second derivatives)" : "")}: for each input row and block of columns, in registers (r...) while every output map");
        w.Line($"// and kernel row that read them add in (output row y reads input row iy with kernel row ky = iy - y{Times(s)}), then stored once");
        w.Line(c.Ref("inputDeltas", "tile", target + " + lane"));
        TileKernels.Clear(w, c, "inputDeltas", input.Size);
        using (w.Block($"for (int c = 0; c < {p.In.Maps}; c++)"))
        using (w.Block($"for (int iy = 0; iy < {input.Height}; iy++)"))
        {
            // the output rows whose kernel covers input row iy: 0 <= iy - y x stride < kernel height
            string first = s == 1 ? $"iy - {kh - 1}" : $"(iy - {kh - s}) / {s}";
            w.Line($"int yFirst = iy < {kh} ? 0 : {first}, yLast = global::System.Math.Min({output.Height - 1}, iy{(s == 1 ? "" : $" / {s}")});");
            TileBlocks.Loop(w, "x", output.Width, xBlock, xs =>
            {
                int columns = (xs - 1) * s + kw;
                w.Line(c.Ref("row", "inputDeltas", $"((c * {input.Height} + iy) * {input.Width} + x{Times(s)}) * TileSize"));
                w.Line($"{c.V} " + string.Join(", ", Enumerable.Range(0, columns).Select(q => $"r{q} = {c.Load("row", Naming.Int((long)q * c.TileSize))}")) + ";");
                w.Line($"{c.V} k;");
                using (OpenPairsOfInput(w, p))
                using (w.Block("for (int y = yFirst; y <= yLast; y++)"))
                {
                    w.Line($"ref {c.T} at = ref {TileCode.Unsafe}.Add(ref deltas, (m * {area} + y * {output.Width} + x) * TileSize);");
                    w.Line(c.Ref("kernel", "weights", $"(({Pair(p, 0)}) * {kh} + iy - y{Times(s)}) * {kw}"));
                    w.Line($"{c.V} " + string.Join(", ", Enumerable.Range(0, xs).Select(i => $"d{i} = {c.Load("at", Naming.Int((long)i * c.TileSize))}")) + ";");
                    for (int kx = 0; kx < kw; kx++)
                    {
                        string weight = c.At("kernel", Naming.Int(kx));
                        var line = new System.Text.StringBuilder(curvature ? $"k = {c.Splat($"{weight} * {weight}")};" : $"k = {c.Splat(weight)};");
                        for (int i = 0; i < xs; i++)
                            line.Append($" r{i * s + kx} = {c.Fma($"d{i}", "k", $"r{i * s + kx}")};");
                        w.Line(line.ToString());
                    }
                }
                for (int q = 0; q < columns; q++) w.Line(c.Store($"r{q}", "row", Naming.Int((long)q * c.TileSize)));
            });
        }
        if (p.Padding > 0)
        {
            w.Line("// the padded input's deltas, without the padding, are the input's");
            w.Line(c.Ref("unpadded", "tile", layer.InputDeltas + " + lane"));
            TileKernels.CopyInsidePadding(w, c, p.In, p.Padding, "unpadded", "inputDeltas", outOfPadded: true);
        }
    }

    private static void EmitPaddedCopy(SourceWriter w, TileLayer layer, TileCode c)
    {
        LayerPlan p = layer.Plan;
        Shape padded = p.PaddedIn;
        w.Line($"// the input with {p.Padding} zero(s) around each map");
        w.Line(c.Ref("source", "tile", layer.Input + " + lane"));
        w.Line(c.Ref("padded", "tile", layer.Padded + " + lane"));
        TileKernels.Clear(w, c, "padded", padded.Size);
        TileKernels.CopyInsidePadding(w, c, p.In, p.Padding, "source", "padded", outOfPadded: false);
    }

    /// <summary>Opens the loop over the input maps of output map m (and, for a map block, its neighbours), declaring c and, with a table, the pair j.</summary>
    private static IDisposable OpenPairs(SourceWriter w, LayerPlan p, int maps)
    {
        if (p.HasTable)
        {
            var loop = w.Block($"for (int j = {p.Name}PairStarts[m]; j < {p.Name}PairStarts[m + 1]; j++)");
            w.Line($"int c = {p.Name}PairInputs[j];");
            return loop;
        }
        if (p.In.Maps == 1)
        {
            var block = w.Block();
            w.Line("const int c = 0;");
            return block;
        }
        return w.Block($"for (int c = 0; c < {p.In.Maps}; c++)");
    }

    /// <summary>
    /// The most output columns whose sums (or input deltas) fit in registers beside the input columns they read and a
    /// weight: b + (b - 1) x stride + kernel width + 1 registers.
    /// </summary>
    internal static int RegisterColumns(TileCode c, int kernelWidth, int stride) =>
        Math.Max(1, Math.Min(12, (c.Width.Registers - 1 - kernelWidth + stride) / (1 + stride)));

    /// <summary>Columns per block: as few blocks as the limit allows, of equal size, so no small last block wastes the registers.</summary>
    internal static int ColumnBlock(int width, int limit)
    {
        int blocks = (width + limit - 1) / limit;
        return (width + blocks - 1) / blocks;
    }

    /// <summary>Opens the loop over the output maps that read input map c (ascending), declaring m and, with a table, j.</summary>
    private static IDisposable OpenPairsOfInput(SourceWriter w, LayerPlan p)
    {
        if (!p.HasTable) return w.Block($"for (int m = 0; m < {p.Out.Maps}; m++)");
        var pairs = w.Block($"for (int n = {p.Name}InputPairStarts[c]; n < {p.Name}InputPairStarts[c + 1]; n++)");
        w.Line($"int j = {p.Name}InputPairs[n], m = {p.Name}PairOutputs[j];");
        return pairs;
    }

    /// <summary>The pair index of map m + <paramref name="mb"/> and input map c: j with a table, else (m + mb) x input maps + c.</summary>
    private static string Pair(LayerPlan p, int mb) =>
        p.HasTable ? "j" : p.In.Maps == 1 ? Plus("m", mb) : $"({Plus("m", mb)}) * {p.In.Maps} + c";

    private static string Acc(int mb, int r, int i, int maps, int rows) =>
        (maps, rows) switch { (1, 1) => $"s{i}", (_, 1) => $"s{mb}_{i}", (1, _) => $"s{r}_{i}", _ => $"s{mb}_{r}_{i}" };

    private static string Broadcast(int mb, int maps) => maps == 1 ? "k" : $"k{mb}";

    private static string Row(int r, int rows) => rows == 1 ? "row" : $"row{r}";

    private static string Tap(int r, int rows) => rows == 1 ? "tap" : $"tap{r}";

    private static string RowOf(string y, int r, int stride) => r == 0 ? $"{y}{Times(stride)}" : $"({y} + {r}){Times(stride)}";

    private static string Kernel(int mb, int maps) => maps == 1 ? "kernel" : $"kernel{mb}";

    private static string Plus(string variable, int offset) => offset == 0 ? variable : $"{variable} + {offset}";

    private static string Times(int stride) => stride == 1 ? "" : $" * {stride}";
}
