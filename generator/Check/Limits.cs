namespace LeNetGen.Generator.Check;

/// <summary>
/// LeNetGen's documented limits. They keep every size computation far from overflow and keep the generator's work and
/// output bounded, so no spec can make the compiler run out of memory or hang: a size beyond them gets LNG0110, a layer
/// that would write out too much LNG0302, a network whose generated source would be too large LNG0303.
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

    /// <summary>
    /// Multiply-adds one layer writes out statement by statement, over its forward, backward and curvature methods
    /// (LNG0302). Measured: a layer at this limit (1x1x1000 into Dense(4, Unroll = Full)) makes about 1.1 million
    /// characters of scalar code; see README, "Limits".
    /// </summary>
    public const long MaxWrittenOutTapsPerLayer = 20_000;

    /// <summary>
    /// Characters of a network's generated source, its three files together (LNG0303): 8 MiB, about 3 times the
    /// classic LeNet-5's 2.7 million: the largest accepted spec compiles in about twice a LeNet-5's time (README, "Limits").
    /// </summary>
    public const int MaxGeneratedSource = 8_388_608;

    /// <summary>Rows or columns of a connection table.</summary>
    public const int MaxTableSide = 4_096;

    /// <summary>
    /// Layers of one network. LeNet-5 has 7; the bound lets generator/docs/lenet.schema.json check that the output head
    /// is the last layer, which JSON Schema can only do position by position, for a bounded number of positions.
    /// </summary>
    public const int MaxLayers = 64;
}
