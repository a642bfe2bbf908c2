using System;
using LeNetGen.Generator.Model;

namespace LeNetGen.Generator.Emit.Vector;

/// <summary>
/// How a convolution's tile forward kernel blocks its sums in registers: <see cref="Maps"/> output maps x
/// <see cref="Rows"/> output rows x <see cref="Columns"/> output columns, each kernel row's input columns either
/// preloaded into registers (<see cref="Preload"/>, one map row at a time) or loaded as they are used, once for all the
/// block's maps.
/// </summary>
/// <remarks>
/// A block needs about 8 independent sums to keep two FMA units of 4 cycles' latency busy. With 32 registers (512 bits)
/// the columns of one row and their inputs fit. With 16 (AVX2, 128 bits) they do not: 5 columns of a 5-wide kernel
/// take 5 sums and 9 inputs, so every sum's chain of FMAs waits on itself. There the block is chosen by a search over
/// maps, rows and columns for the most work at full FMA rate, then the fewest loads per FMA.
/// </remarks>
internal readonly record struct ConvForwardBlocking(int Maps, int Rows, int Columns, bool Preload)
{
    /// <summary>Independent sums that keep two FMA units of 4 cycles' latency busy.</summary>
    private const int Chains = 8;

    public static ConvForwardBlocking For(LayerPlan p, TileCode c)
    {
        Shape output = p.Out;
        int kw = p.KernelWidth, s = p.Stride;
        int xBlock = TileConvLayer.ColumnBlock(output.Width, TileConvLayer.RegisterColumns(c, kw, s));
        int mapBlock = p.HasTable ? 1 : Math.Max(1, Math.Min(output.Maps, (c.Width.Bits == 512 ? 8 : 4) / xBlock));
        bool preload = mapBlock * xBlock + (xBlock - 1) * s + kw + 1 <= c.Width.Registers;
        if (c.Width.Registers >= 32) return new(mapBlock, 1, xBlock, preload);

        int budget = c.Width.Registers - 1;
        ConvForwardBlocking best = new(mapBlock, 1, xBlock, preload);
        (double Share, double Loads) bestScore = preload ? Score(best, p) : (-1, 0);
        for (int maps = 1; maps <= (p.HasTable ? 1 : Math.Min(output.Maps, 12)); maps++)
            for (int rows = 1; rows <= Math.Min(output.Height, 3); rows++)
                for (int limit = 1; limit <= Math.Min(output.Width, 12); limit++)
                {
                    int columns = TileConvLayer.ColumnBlock(output.Width, limit);
                    int sums = maps * rows * columns;
                    foreach (bool load in new[] { true, false })
                    {
                        if (load && rows > 1) continue;
                        int registers = load ? sums + (columns - 1) * s + kw + 1 : sums + maps + (maps > 1 ? 1 : 0);
                        if (registers > budget) continue;
                        var candidate = new ConvForwardBlocking(maps, rows, columns, load);
                        var score = Score(candidate, p);
                        if (score.Share > bestScore.Share + 1e-9 || (Math.Abs(score.Share - bestScore.Share) <= 1e-9 && score.Loads < bestScore.Loads - 1e-9))
                        {
                            best = candidate;
                            bestScore = score;
                        }
                    }
                }
        return best;
    }

    /// <summary>What the registers hold, for the kernel's header comment.</summary>
    public string Describe(int kernelWidth, int stride) =>
        $"{Maps} map(s) x {(Rows == 1 ? "" : $"{Rows} rows x ")}{Columns} output columns of sums (s...); " +
        (Preload ? $"the {(Columns - 1) * stride + kernelWidth} input columns of each kernel row loaded once (i...)"
            : Maps > 1 ? $"each input vector loaded once for the {Maps} maps (i), each map's weight of the tap broadcast (k...)"
            : "input columns loaded as they are used");

    // The share of the layer's sums computed in blocks of at least Chains sums (a smaller last block counts in part), and
    // the loads (inputs and broadcast weights) per FMA.
    private static (double Share, double Loads) Score(ConvForwardBlocking b, LayerPlan p)
    {
        Shape output = p.Out;
        double share = 0, total = 0;
        foreach (int m in TileBlocks.Sizes(output.Maps, b.Maps))
            foreach (int r in TileBlocks.Sizes(output.Height, b.Rows))
                foreach (int x in TileBlocks.Sizes(output.Width, b.Columns))
                {
                    double sums = (double)m * r * x;
                    share += sums * Math.Min(1.0, sums / Chains);
                    total += sums;
                }
        int kw = p.KernelWidth, inputs = (b.Columns - 1) * p.Stride + kw;
        double fmas = (double)b.Maps * b.Rows * b.Columns * kw;
        double loads = b.Preload ? inputs + b.Maps * kw : kw * (b.Maps + b.Rows * b.Columns);
        return (Math.Round(share / total, 3), loads / fmas);
    }
}
