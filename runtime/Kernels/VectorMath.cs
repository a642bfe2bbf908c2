using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace LeNetGen;

/// <summary>
/// The element-wise loops of training (adding the tiles' gradient sums, scaling, the optimizers' steps), vectorized
/// with <see cref="Vector{T}"/> at the machine's width, the tail element by element. Each element is computed with the
/// same operations in the same order as a scalar loop, so results do not depend on the vector width.
/// </summary>
public static class VectorMath
{
    /// <summary>sum[k] += addend[k].</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="sum">The running sum, updated in place.</param>
    /// <param name="addend">What is added; as long as <paramref name="sum"/>.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Add<T>(Span<T> sum, ReadOnlySpan<T> addend) where T : unmanaged, IFloatingPointIeee754<T>
    {
        LengthGuard.Require(addend.Length, sum.Length, "values to add", nameof(addend));
        Span<Vector<T>> sums = MemoryMarshal.Cast<T, Vector<T>>(sum);
        ReadOnlySpan<Vector<T>> addends = MemoryMarshal.Cast<T, Vector<T>>(addend);
        for (int i = 0; i < sums.Length; i++) sums[i] += addends[i];
        for (int k = sums.Length * Vector<T>.Count; k < sum.Length; k++) sum[k] += addend[k];
    }

    /// <summary>sum[k] += addend[k], then addend[k] = 0: a sum that empties what it takes, in one pass.</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="sum">The running sum, updated in place.</param>
    /// <param name="addend">What is added; as long as <paramref name="sum"/>, zero afterwards.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void AddAndClear<T>(Span<T> sum, Span<T> addend) where T : unmanaged, IFloatingPointIeee754<T>
    {
        LengthGuard.Require(addend.Length, sum.Length, "values to add", nameof(addend));
        Span<Vector<T>> sums = MemoryMarshal.Cast<T, Vector<T>>(sum), addends = MemoryMarshal.Cast<T, Vector<T>>(addend);
        for (int i = 0; i < sums.Length; i++)
        {
            sums[i] += addends[i];
            addends[i] = Vector<T>.Zero;
        }
        for (int k = sums.Length * Vector<T>.Count; k < sum.Length; k++)
        {
            sum[k] += addend[k];
            addend[k] = T.Zero;
        }
    }

    /// <summary>values[k] *= factor.</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="values">The values, scaled in place.</param>
    /// <param name="factor">The factor.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Scale<T>(Span<T> values, T factor) where T : unmanaged, IFloatingPointIeee754<T>
    {
        Span<Vector<T>> vectors = MemoryMarshal.Cast<T, Vector<T>>(values);
        var f = new Vector<T>(factor);
        for (int i = 0; i < vectors.Length; i++) vectors[i] *= f;
        for (int k = vectors.Length * Vector<T>.Count; k < values.Length; k++) values[k] *= factor;
    }
}
