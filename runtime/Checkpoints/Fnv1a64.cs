using System;

namespace LeNetGen;

/// <summary>
/// The 64-bit FNV-1a hash (Fowler, Noll, Vo), the checkpoint checksum. Each step, <c>h = (h ^ b) * prime</c>, is a
/// bijection of <c>h</c> (the prime is odd), so changing any one byte always changes the hash.
/// </summary>
internal static class Fnv1a64
{
    public const ulong OffsetBasis = 0xCBF29CE484222325UL;
    public const ulong Prime = 0x00000100000001B3UL;

    public static ulong Hash(ReadOnlySpan<byte> bytes)
    {
        ulong hash = OffsetBasis;
        foreach (byte b in bytes)
        {
            hash ^= b;
            hash *= Prime;
        }
        return hash;
    }
}
