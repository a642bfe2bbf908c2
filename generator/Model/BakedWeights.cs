namespace LeNetGen.Generator.Model;

/// <summary>
/// A checkpoint's parameters that fit their network, to be compiled into it: the name the spec gave the file and the
/// parameters as little-endian IEEE 754 bytes. Value-equal and location-free, like the plan.
/// </summary>
internal sealed record BakedWeights(string Name, EquatableArray<byte> Parameters);
