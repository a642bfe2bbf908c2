using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace LeNetGen;

/// <summary>
/// Scratch memory that starts on a 64-byte boundary: a cache line, one 512-bit vector. A tile's values are TileSize
/// elements apart (64 bytes of float), so on an aligned workspace every vector load and store of the tile kernels
/// stays inside one cache line; an array's data starts wherever the heap put it (8 or 16 bytes past a line, or 40),
/// and then every 512-bit access, and half of the 256-bit ones, touch two lines, by a different share in every process.
/// The array is pinned (the pinned object heap), so the boundary holds for its whole life.
/// </summary>
public static class AlignedScratch
{
    /// <summary>The boundary, in bytes.</summary>
    public const int Alignment = 64;

    /// <summary>Zeroed memory of <paramref name="length"/> elements whose first one is on a 64-byte boundary.</summary>
    public static Memory<T> Allocate<T>(int length) where T : unmanaged
    {
        int size = Unsafe.SizeOf<T>(), extra = Alignment / size;
        T[] array = GC.AllocateArray<T>(length + extra, pinned: true);
        nint address = Unsafe.ByteOffset(ref Unsafe.NullRef<T>(), ref MemoryMarshal.GetArrayDataReference(array));
        int skip = (int)((Alignment - (address & (Alignment - 1))) & (Alignment - 1)) / size;
        return array.AsMemory(skip, length);
    }
}
