using System;
using System.Runtime.CompilerServices;

namespace LeNetGen;

/// <summary>
/// Moves samples between their own layout (sample after sample) and a tile's (value after value, the samples of the
/// tile side by side in vector lanes: value v of sample l at v x tileSize + l), as the generated tile kernels read and
/// write them. Lanes without a sample are zero.
/// </summary>
public static class TileLanes
{
    /// <summary>Writes the samples of <paramref name="samples"/> into the lanes of <paramref name="tile"/>; the lanes after the last sample get zeros.</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="samples">count x <paramref name="size"/> values, sample after sample.</param>
    /// <param name="size">The values of one sample.</param>
    /// <param name="tileSize">The lanes of the tile.</param>
    /// <param name="tile">The tile region: <paramref name="size"/> x <paramref name="tileSize"/> values.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Interleave<T>(ReadOnlySpan<T> samples, int size, int tileSize, Span<T> tile) where T : unmanaged
    {
        int count = samples.Length / size;
        if (count < tileSize) tile.Clear();
        for (int l = 0; l < count; l++)
        {
            ReadOnlySpan<T> sample = samples.Slice(l * size, size);
            for (int v = 0; v < sample.Length; v++) tile[v * tileSize + l] = sample[v];
        }
    }

    /// <summary>Reads the first samples' values out of the lanes of <paramref name="tile"/>.</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="tile">The tile region: <paramref name="size"/> x <paramref name="tileSize"/> values.</param>
    /// <param name="size">The values of one sample.</param>
    /// <param name="tileSize">The lanes of the tile.</param>
    /// <param name="samples">Receives count x <paramref name="size"/> values, sample after sample.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Deinterleave<T>(ReadOnlySpan<T> tile, int size, int tileSize, Span<T> samples) where T : unmanaged
    {
        int count = samples.Length / size;
        for (int l = 0; l < count; l++)
        {
            Span<T> sample = samples.Slice(l * size, size);
            for (int v = 0; v < sample.Length; v++) sample[v] = tile[v * tileSize + l];
        }
    }
}
