namespace LeNetGen.Generator.Check;

/// <summary>
/// LeNetGen's documented limits. They keep every size computation far from overflow and keep the generator's work and
/// output bounded, so no spec can make the compiler run out of memory or hang; a spec beyond them gets LNG0110.
/// </summary>
internal static class Limits
{
    /// <summary>Any one count or extent: maps, units, classes, kernel and window sides, strides, input dimensions.</summary>
    public const int MaxDimension = 65_536;

    /// <summary>Padding on each side.</summary>
    public const int MaxPadding = 1_024;

    /// <summary>Values in one layer's output (one sample).</summary>
    public const long MaxActivations = 16_777_216;

    /// <summary>Parameters of the whole network (256 MiB of floats).</summary>
    public const long MaxParameters = 67_108_864;

    /// <summary>Values of the whole workspace of one sample.</summary>
    public const long MaxWorkspace = 67_108_864;

    /// <summary>Multiply-adds written out statement by statement in the whole generated file.</summary>
    public const long MaxWrittenOutTaps = 1_000_000;

    /// <summary>Rows or columns of a connection table.</summary>
    public const int MaxTableSide = 4_096;
}
