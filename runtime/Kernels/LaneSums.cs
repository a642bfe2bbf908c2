using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace LeNetGen;

/// <summary>
/// Sums across the lanes of many vectors at once, for the generated kernels' accumulators of one weight each: sixteen
/// 512-bit vectors of float become one vector of their sixteen sums by a tree of swaps and adds, halving the vectors
/// at each of four levels (31 permutes for 16 sums, where summing each vector on its own takes about ten apiece).
/// </summary>
public static class LaneSums
{
    /// <summary>The vector whose lane k is the sum of the lanes of <c>a</c>k, for k = 0 to 15.</summary>
    /// <param name="a0">The vector of lane 0's sum; a1 to a15 likewise.</param>
    /// <param name="a1">The vector of lane 1's sum.</param>
    /// <param name="a2">The vector of lane 2's sum.</param>
    /// <param name="a3">The vector of lane 3's sum.</param>
    /// <param name="a4">The vector of lane 4's sum.</param>
    /// <param name="a5">The vector of lane 5's sum.</param>
    /// <param name="a6">The vector of lane 6's sum.</param>
    /// <param name="a7">The vector of lane 7's sum.</param>
    /// <param name="a8">The vector of lane 8's sum.</param>
    /// <param name="a9">The vector of lane 9's sum.</param>
    /// <param name="a10">The vector of lane 10's sum.</param>
    /// <param name="a11">The vector of lane 11's sum.</param>
    /// <param name="a12">The vector of lane 12's sum.</param>
    /// <param name="a13">The vector of lane 13's sum.</param>
    /// <param name="a14">The vector of lane 14's sum.</param>
    /// <param name="a15">The vector of lane 15's sum.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Of16(
        Vector512<float> a0, Vector512<float> a1, Vector512<float> a2, Vector512<float> a3,
        Vector512<float> a4, Vector512<float> a5, Vector512<float> a6, Vector512<float> a7,
        Vector512<float> a8, Vector512<float> a9, Vector512<float> a10, Vector512<float> a11,
        Vector512<float> a12, Vector512<float> a13, Vector512<float> a14, Vector512<float> a15)
    {
        // Level by level, each pair (a, b) becomes one vector holding a's partial sums in the lanes whose bit h is 0 and
        // b's in the others; after four levels lane i holds the whole sum of the vector whose number is i's four bits
        // reversed, which the last permute puts back in order.
        Vector512<float> b0 = Pair8(a0, a1), b1 = Pair8(a2, a3), b2 = Pair8(a4, a5), b3 = Pair8(a6, a7);
        Vector512<float> b4 = Pair8(a8, a9), b5 = Pair8(a10, a11), b6 = Pair8(a12, a13), b7 = Pair8(a14, a15);
        Vector512<float> c0 = Pair4(b0, b1), c1 = Pair4(b2, b3), c2 = Pair4(b4, b5), c3 = Pair4(b6, b7);
        Vector512<float> d0 = Pair2(c0, c1), d1 = Pair2(c2, c3);
        Vector512<float> e = Pair1(d0, d1);
        return Vector512.Shuffle(e, Vector512.Create(0, 8, 4, 12, 2, 10, 6, 14, 1, 9, 5, 13, 3, 11, 7, 15));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> Pair8(Vector512<float> a, Vector512<float> b) => Pair(a, b,
        Vector512.Create(8, 9, 10, 11, 12, 13, 14, 15, 0, 1, 2, 3, 4, 5, 6, 7),
        Vector512.Create(-1, -1, -1, -1, -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0, 0).AsSingle());

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> Pair4(Vector512<float> a, Vector512<float> b) => Pair(a, b,
        Vector512.Create(4, 5, 6, 7, 0, 1, 2, 3, 12, 13, 14, 15, 8, 9, 10, 11),
        Vector512.Create(-1, -1, -1, -1, 0, 0, 0, 0, -1, -1, -1, -1, 0, 0, 0, 0).AsSingle());

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> Pair2(Vector512<float> a, Vector512<float> b) => Pair(a, b,
        Vector512.Create(2, 3, 0, 1, 6, 7, 4, 5, 10, 11, 8, 9, 14, 15, 12, 13),
        Vector512.Create(-1, -1, 0, 0, -1, -1, 0, 0, -1, -1, 0, 0, -1, -1, 0, 0).AsSingle());

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> Pair1(Vector512<float> a, Vector512<float> b) => Pair(a, b,
        Vector512.Create(1, 0, 3, 2, 5, 4, 7, 6, 9, 8, 11, 10, 13, 12, 15, 14),
        Vector512.Create(-1, 0, -1, 0, -1, 0, -1, 0, -1, 0, -1, 0, -1, 0, -1, 0).AsSingle());

    /// <summary>Lanes of <paramref name="first"/> (the mask's): a[i] + a[i ^ h]; the others: b[i] + b[i ^ h].</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> Pair(Vector512<float> a, Vector512<float> b, Vector512<int> swap, Vector512<float> first) =>
        Vector512.ConditionalSelect(first, a, Vector512.Shuffle(b, swap)) + Vector512.ConditionalSelect(first, Vector512.Shuffle(a, swap), b);
}
