namespace LeNetGen.Generator.Check;

/// <summary>
/// 64-bit FNV-1a, the generator's one hash: over a network's description's UTF-16 code units for its
/// <see cref="Fingerprint"/>, and over bytes for a checkpoint's checksums (the runtime's Fnv1a64 writes them).
/// </summary>
internal static class Fnv1a64
{
    private const ulong Offset = 14695981039346656037UL, Prime = 1099511628211UL;

    /// <summary>The hash of <paramref name="text"/>'s code units, one step each.</summary>
    public static ulong Of(string text)
    {
        ulong hash = Offset;
        foreach (char c in text)
        {
            hash ^= c;
            hash *= Prime;
        }
        return hash;
    }

    /// <summary>The hash of <paramref name="length"/> bytes of <paramref name="bytes"/> from <paramref name="start"/>.</summary>
    public static ulong Of(byte[] bytes, int start, int length)
    {
        ulong hash = Offset;
        for (int i = start; i < start + length; i++)
        {
            hash ^= bytes[i];
            hash *= Prime;
        }
        return hash;
    }
}
