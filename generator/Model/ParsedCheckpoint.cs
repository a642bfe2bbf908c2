namespace LeNetGen.Generator.Model;

/// <summary>
/// A checkpoint file as the generator read it (runtime/Checkpoints/Checkpoint.cs draws the format): its header's fields,
/// its parameters as the file's little-endian bytes, or what is wrong with it. Whether it fits a network is the
/// checker's to judge (<see cref="Check.WeightsCheck"/>). Value-equal (the bytes compare element by element), so the
/// pipeline steps that read it stay cached while the file does not change.
/// </summary>
internal sealed record ParsedCheckpoint(string Path)
{
    public CheckpointFault Fault { get; init; }

    /// <summary>What is wrong, as the end of a sentence ("the header is corrupted: ..."); "" when nothing is.</summary>
    public string Detail { get; init; } = "";

    /// <summary>
    /// True when the header was read and its checksum matched, so <see cref="ElementSize"/>, <see cref="Fingerprint"/>
    /// and <see cref="ParameterCount"/> can be trusted even when the body has a fault (as the runtime's loader checks them
    /// first: another network's file is named as such, whatever else is wrong with it).
    /// </summary>
    public bool HeaderValid { get; init; }

    public int ElementSize { get; init; }
    public ulong Fingerprint { get; init; }
    public int ParameterCount { get; init; }

    /// <summary>The parameters: <see cref="ParameterCount"/> x <see cref="ElementSize"/> bytes, little-endian IEEE 754 bits.</summary>
    public EquatableArray<byte> Parameters { get; init; } = EquatableArray<byte>.Empty;
}
