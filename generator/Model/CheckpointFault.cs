namespace LeNetGen.Generator.Model;

/// <summary>What is wrong with a checkpoint file, whatever network it is for; <see cref="None"/> when nothing is.</summary>
internal enum CheckpointFault
{
    None,

    /// <summary>The file could not be read at all (missing, a folder, no permission, too large to bake).</summary>
    Unreadable,

    /// <summary>Not a LeNetGen checkpoint, or one of a format version this generator does not read.</summary>
    NotACheckpoint,

    /// <summary>The file ends before the length its header promises (or before a whole header).</summary>
    Truncated,

    /// <summary>A checksum does not match, or the contents are malformed.</summary>
    Corrupted,

    /// <summary>A parameter is NaN or infinite.</summary>
    NonFiniteParameters,
}
