using System;

namespace LeNetGen.Generator.Emit.Vector;

/// <summary>
/// Loops over items in register blocks: a loop over the full blocks, then the remainder as a last block of its own with
/// the variable a constant. The kernels stay the same size whatever the layer's size, so every spec builds quickly.
/// </summary>
internal static class TileBlocks
{
    /// <summary>The sizes of the blocks <see cref="Loop"/> writes for <paramref name="count"/> items: the full ones, then the remainder.</summary>
    public static System.Collections.Generic.IEnumerable<int> Sizes(int count, int block)
    {
        for (int i = 0; i < count / block; i++) yield return block;
        if (count % block != 0) yield return count % block;
    }

    /// <summary>Declares <paramref name="variable"/>, the block's first item; <paramref name="body"/> writes a block of the given size.</summary>
    public static void Loop(SourceWriter w, string variable, int count, int block, Action<int> body)
    {
        int full = count / block * block;
        if (full > 0)
            using (w.Block(full == block ? null : $"for (int {variable} = 0; {variable} < {full}; {variable} += {block})"))
            {
                if (full == block) w.Line($"const int {variable} = 0;");
                body(block);
            }
        if (full < count)
            using (w.Block())
            {
                w.Line($"const int {variable} = {full};");
                body(count - full);
            }
    }
}
