using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

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
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(size);
        int count = samples.Length / size;
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, tileSize, nameof(samples));
        LengthGuard.Require(tile.Length, size * tileSize, "the tile region (values x lanes)", nameof(tile));
        if (count < tileSize) tile.Clear();
        // Value after value, so that each value's lanes (one cache line for 16 floats) are written together and the
        // samples are read as count sequential streams; sample after sample would write every line of the region
        // (64 KiB for a 32x32 input) once per sample, partially, and evict them from the first-level cache in between.
        ref T source = ref MemoryMarshal.GetReference(samples);
        ref T target = ref MemoryMarshal.GetReference(tile);
        for (int v = 0; v < size; v++)
        {
            ref T line = ref Unsafe.Add(ref target, v * tileSize);
            ref T first = ref Unsafe.Add(ref source, v);
            for (int l = 0; l < count; l++) Unsafe.Add(ref line, l) = Unsafe.Add(ref first, l * size);
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
