namespace LeNetGen;

/// <summary>Why a checkpoint, or a piece of state asked of it, was refused.</summary>
public enum CheckpointProblem
{
    /// <summary>The file does not start with the magic bytes "LNGCKPT\0".</summary>
    NotACheckpoint = 1,

    /// <summary>The file was written in a format version this library does not read.</summary>
    UnsupportedVersion = 2,

    /// <summary>The file holds elements of another size: float where double was expected, or the reverse.</summary>
    ElementTypeMismatch = 3,

    /// <summary>The file was saved from another network: its spec fingerprint differs.</summary>
    WrongNetwork = 4,

    /// <summary>The file holds another number of parameters than the network has.</summary>
    ParameterCountMismatch = 5,

    /// <summary>The file ends before the length its header promises.</summary>
    Truncated = 6,

    /// <summary>A checksum does not match, or the contents are malformed.</summary>
    Corrupted = 7,

    /// <summary>The checkpoint has no counter, value or state block of the name asked for.</summary>
    MissingState = 8,

    /// <summary>A state block has another length than the one asked for.</summary>
    StateLengthMismatch = 9,

    /// <summary>The training counters (pass, step, position in the pass, set size) do not describe a run that can be resumed.</summary>
    InvalidCounters = 10,

    /// <summary>A parameter is NaN or infinite: a network with it cannot compute.</summary>
    NonFiniteParameters = 11,
}
