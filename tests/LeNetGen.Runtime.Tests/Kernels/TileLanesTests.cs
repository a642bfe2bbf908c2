using System;
using Xunit;

namespace LeNetGen.Runtime.Tests.Kernels;

/// <summary>
/// Interleave puts value v of sample l at v x tileSize + l and zeros in the lanes after the last sample, whichever path
/// it takes (8x8 transposes of floats where the processor has AVX and the tile a multiple of 8 lanes; blocks of scalars
/// for doubles, for a tile of 4 lanes and for the rest of a transposed tile: the samples after the last multiple of 8
/// and the values after the last multiple of 8); Deinterleave reads them back.
/// </summary>
public sealed class TileLanesTests
{
    public static TheoryData<int, int, int> Shapes()
    {
        var shapes = new TheoryData<int, int, int>();
        foreach (int tileSize in new[] { 4, 8, 16 })
            foreach (int size in new[] { 1, 7, 8, 10, 17, 120, 1024, 3 * 32 * 32 })
                foreach (int count in new[] { 1, 7, 8, 9, 15, 16 })
                    if (count <= tileSize) shapes.Add(tileSize, size, count);
        return shapes;
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void FloatsLandInTheirLanes(int tileSize, int size, int count) => Check<float>(tileSize, size, count);

    [Theory]
    [MemberData(nameof(Shapes))]
    public void DoublesLandInTheirLanes(int tileSize, int size, int count) => Check<double>(tileSize, size, count);

    private static void Check<T>(int tileSize, int size, int count) where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
    {
        var samples = new T[count * size];
        for (int i = 0; i < samples.Length; i++) samples[i] = T.CreateTruncating(i + 1);
        var tile = new T[size * tileSize];
        tile.AsSpan().Fill(T.CreateTruncating(-1)); // stale lanes from an earlier tile: the empty ones must come back zero
        TileLanes.Interleave<T>(samples, size, tileSize, tile);
        for (int v = 0; v < size; v++)
            for (int l = 0; l < tileSize; l++)
            {
                T expected = l < count ? samples[l * size + v] : T.Zero;
                if (tile[v * tileSize + l] != expected)
                    Assert.Fail($"tile {tileSize}, size {size}, {count} samples: value {v} of lane {l} is {tile[v * tileSize + l]}, not {expected}");
            }
        var back = new T[count * size];
        TileLanes.Deinterleave<T>(tile, size, tileSize, back);
        Assert.Equal(samples, back);
    }
}
