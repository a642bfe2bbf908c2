using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

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
        ref T source = ref MemoryMarshal.GetReference(samples);
        ref T target = ref MemoryMarshal.GetReference(tile);
        int samples8 = 0, values8 = 0;
        if (typeof(T) == typeof(float) && Avx.IsSupported && tileSize % 8 == 0)
        {
            // Floats, 8 samples and 8 values at a time: the samples (rows size apart) transposed into the lanes (rows
            // tileSize apart), for the samples and values up to the last multiple of 8.
            samples8 = count - count % 8;
            values8 = size - size % 8;
            TransposeBlocks(ref Unsafe.As<T, float>(ref source), size, ref Unsafe.As<T, float>(ref target), tileSize, samples8, values8);
        }
        InterleaveBlocks(ref source, size, 0, samples8, values8, tileSize, ref target); // the transposed samples' last values
        InterleaveBlocks(ref source, size, samples8, count, 0, tileSize, ref target); // the other samples, whole
    }

    // A block of 16 values at a time, sample after sample: each sample's values of the block are one read (a cache line
    // of floats, two of doubles), and the block's lines of the tile (16 x tileSize values, contiguous) stay in the first-level cache while
    // every sample writes its lane. Value after value over the whole sample instead reads the samples as count streams
    // one sample size apart, 4 KiB for a 32x32 input: the same cache set for all of them, which the first-level cache
    // cannot hold, so nearly every read missed it.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void InterleaveBlocks<T>(ref T source, int size, int firstSample, int endSample, int firstValue, int tileSize, ref T target)
    {
        const int Block = 16;
        for (int v0 = firstValue; v0 < size; v0 += Block)
        {
            int values = Math.Min(Block, size - v0);
            for (int l = firstSample; l < endSample; l++)
            {
                ref T from = ref Unsafe.Add(ref source, l * size + v0);
                ref T lane = ref Unsafe.Add(ref target, v0 * tileSize + l);
                for (int j = 0; j < values; j++) Unsafe.Add(ref lane, j * tileSize) = Unsafe.Add(ref from, j);
            }
        }
    }

    /// <summary>
    /// Transposes the first <paramref name="rows"/> x <paramref name="columns"/> floats at <paramref name="source"/> (rows
    /// <paramref name="sourceStride"/> apart; both counts multiples of 8) into <paramref name="target"/> (rows
    /// <paramref name="targetStride"/> apart), 8x8 blocks at a time: Interleave's samples into lanes, Deinterleave's lanes
    /// into samples.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void TransposeBlocks(ref float source, int sourceStride, ref float target, int targetStride, int rows, int columns)
    {
        for (int r = 0; r < rows; r += 8)
            for (int k = 0; k < columns; k += 8)
                Transpose8x8(ref Unsafe.Add(ref source, r * sourceStride + k), sourceStride, ref Unsafe.Add(ref target, k * targetStride + r), targetStride);
    }

    /// <summary>
    /// Transposes the 8x8 block of floats at <paramref name="source"/> (rows <paramref name="sourceStride"/> apart) into
    /// <paramref name="target"/> (rows <paramref name="targetStride"/> apart): row j of the target is column j of the source.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Transpose8x8(ref float source, int sourceStride, ref float target, int targetStride)
    {
        Vector256<float> r0 = Vector256.LoadUnsafe(ref source), r1 = Vector256.LoadUnsafe(ref source, (nuint)sourceStride),
            r2 = Vector256.LoadUnsafe(ref source, (nuint)(2 * sourceStride)), r3 = Vector256.LoadUnsafe(ref source, (nuint)(3 * sourceStride)),
            r4 = Vector256.LoadUnsafe(ref source, (nuint)(4 * sourceStride)), r5 = Vector256.LoadUnsafe(ref source, (nuint)(5 * sourceStride)),
            r6 = Vector256.LoadUnsafe(ref source, (nuint)(6 * sourceStride)), r7 = Vector256.LoadUnsafe(ref source, (nuint)(7 * sourceStride));
        // Pairs of rows interleaved, then quadruples, then the 128-bit halves swapped into place.
        Vector256<float> t0 = Avx.UnpackLow(r0, r1), t1 = Avx.UnpackHigh(r0, r1), t2 = Avx.UnpackLow(r2, r3), t3 = Avx.UnpackHigh(r2, r3),
            t4 = Avx.UnpackLow(r4, r5), t5 = Avx.UnpackHigh(r4, r5), t6 = Avx.UnpackLow(r6, r7), t7 = Avx.UnpackHigh(r6, r7);
        Vector256<float> q0 = Avx.Shuffle(t0, t2, 0x44), q1 = Avx.Shuffle(t0, t2, 0xEE), q2 = Avx.Shuffle(t1, t3, 0x44), q3 = Avx.Shuffle(t1, t3, 0xEE),
            q4 = Avx.Shuffle(t4, t6, 0x44), q5 = Avx.Shuffle(t4, t6, 0xEE), q6 = Avx.Shuffle(t5, t7, 0x44), q7 = Avx.Shuffle(t5, t7, 0xEE);
        Avx.Permute2x128(q0, q4, 0x20).StoreUnsafe(ref target);
        Avx.Permute2x128(q1, q5, 0x20).StoreUnsafe(ref target, (nuint)targetStride);
        Avx.Permute2x128(q2, q6, 0x20).StoreUnsafe(ref target, (nuint)(2 * targetStride));
        Avx.Permute2x128(q3, q7, 0x20).StoreUnsafe(ref target, (nuint)(3 * targetStride));
        Avx.Permute2x128(q0, q4, 0x31).StoreUnsafe(ref target, (nuint)(4 * targetStride));
        Avx.Permute2x128(q1, q5, 0x31).StoreUnsafe(ref target, (nuint)(5 * targetStride));
        Avx.Permute2x128(q2, q6, 0x31).StoreUnsafe(ref target, (nuint)(6 * targetStride));
        Avx.Permute2x128(q3, q7, 0x31).StoreUnsafe(ref target, (nuint)(7 * targetStride));
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
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(size);
        int count = samples.Length / size;
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, tileSize, nameof(samples));
        LengthGuard.Require(tile.Length, size * tileSize, "the tile region (values x lanes)", nameof(tile));
        ref T source = ref MemoryMarshal.GetReference(tile);
        ref T target = ref MemoryMarshal.GetReference(samples);
        int samples8 = 0, values8 = 0;
        if (typeof(T) == typeof(float) && Avx.IsSupported && tileSize % 8 == 0)
        {
            // The transposes of Interleave the other way round: the values (rows tileSize apart) into the samples.
            samples8 = count - count % 8;
            values8 = size - size % 8;
            TransposeBlocks(ref Unsafe.As<T, float>(ref source), tileSize, ref Unsafe.As<T, float>(ref target), size, values8, samples8);
        }
        // The rest one by one: the samples after the last multiple of 8, and the values after it of the others.
        for (int l = 0; l < count; l++)
            for (int v = l < samples8 ? values8 : 0; v < size; v++)
                Unsafe.Add(ref target, l * size + v) = Unsafe.Add(ref source, v * tileSize + l);
    }
}
