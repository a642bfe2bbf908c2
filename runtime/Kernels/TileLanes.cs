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
        int vectorSamples = 0;
        if (typeof(T) == typeof(float) && Avx.IsSupported && tileSize % 8 == 0)
        {
            vectorSamples = count - count % 8;
            InterleaveBlocks8x8(ref Unsafe.As<T, float>(ref source), size, vectorSamples, tileSize, ref Unsafe.As<T, float>(ref target));
        }
        InterleaveBlocks(ref source, size, vectorSamples, count, 0, tileSize, ref target);
    }

    // A block of 16 values at a time, sample after sample: each sample's values of the block are one read (a cache line
    // of floats), and the block's lines of the tile (16 x tileSize values, contiguous) stay in the first-level cache while
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

    // Floats, 8 samples and 8 values at a time: eight loads of 8 values (one per sample), an 8x8 transpose in registers,
    // eight stores of 8 lanes (one per value), for the first count samples (a multiple of 8). The values after the last
    // multiple of 8 go through the scalar blocks.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void InterleaveBlocks8x8(ref float source, int size, int count, int tileSize, ref float target)
    {
        int whole = size - size % 8;
        for (int l0 = 0; l0 < count; l0 += 8)
        {
            ref float rows = ref Unsafe.Add(ref source, l0 * size);
            ref float lanes = ref Unsafe.Add(ref target, l0);
            for (int v = 0; v < whole; v += 8)
            {
                ref float at = ref Unsafe.Add(ref rows, v);
                Vector256<float> r0 = Vector256.LoadUnsafe(ref at), r1 = Vector256.LoadUnsafe(ref at, (nuint)size),
                    r2 = Vector256.LoadUnsafe(ref at, (nuint)(2 * size)), r3 = Vector256.LoadUnsafe(ref at, (nuint)(3 * size)),
                    r4 = Vector256.LoadUnsafe(ref at, (nuint)(4 * size)), r5 = Vector256.LoadUnsafe(ref at, (nuint)(5 * size)),
                    r6 = Vector256.LoadUnsafe(ref at, (nuint)(6 * size)), r7 = Vector256.LoadUnsafe(ref at, (nuint)(7 * size));
                // Pairs of samples interleaved, then quadruples, then the 128-bit halves swapped into place.
                Vector256<float> t0 = Avx.UnpackLow(r0, r1), t1 = Avx.UnpackHigh(r0, r1), t2 = Avx.UnpackLow(r2, r3), t3 = Avx.UnpackHigh(r2, r3),
                    t4 = Avx.UnpackLow(r4, r5), t5 = Avx.UnpackHigh(r4, r5), t6 = Avx.UnpackLow(r6, r7), t7 = Avx.UnpackHigh(r6, r7);
                Vector256<float> q0 = Avx.Shuffle(t0, t2, 0x44), q1 = Avx.Shuffle(t0, t2, 0xEE), q2 = Avx.Shuffle(t1, t3, 0x44), q3 = Avx.Shuffle(t1, t3, 0xEE),
                    q4 = Avx.Shuffle(t4, t6, 0x44), q5 = Avx.Shuffle(t4, t6, 0xEE), q6 = Avx.Shuffle(t5, t7, 0x44), q7 = Avx.Shuffle(t5, t7, 0xEE);
                ref float line = ref Unsafe.Add(ref lanes, v * tileSize);
                Avx.Permute2x128(q0, q4, 0x20).StoreUnsafe(ref line);
                Avx.Permute2x128(q1, q5, 0x20).StoreUnsafe(ref line, (nuint)tileSize);
                Avx.Permute2x128(q2, q6, 0x20).StoreUnsafe(ref line, (nuint)(2 * tileSize));
                Avx.Permute2x128(q3, q7, 0x20).StoreUnsafe(ref line, (nuint)(3 * tileSize));
                Avx.Permute2x128(q0, q4, 0x31).StoreUnsafe(ref line, (nuint)(4 * tileSize));
                Avx.Permute2x128(q1, q5, 0x31).StoreUnsafe(ref line, (nuint)(5 * tileSize));
                Avx.Permute2x128(q2, q6, 0x31).StoreUnsafe(ref line, (nuint)(6 * tileSize));
                Avx.Permute2x128(q3, q7, 0x31).StoreUnsafe(ref line, (nuint)(7 * tileSize));
            }
        }
        if (whole < size) InterleaveBlocks(ref source, size, 0, count, whole, tileSize, ref target);
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
