using System;

namespace LeNetGen;

/// <summary>
/// A checkpoint was refused: it is not a checkpoint, belongs to another network, is truncated or corrupted, or lacks the
/// state asked of it. <see cref="Problem"/> says which; the message says which check failed, with what was expected and
/// what was found.
/// </summary>
public sealed class CheckpointException : Exception
{
    internal CheckpointException(CheckpointProblem problem, string message, ulong? fileFingerprint = null)
        : base(message)
    {
        Problem = problem;
        FileFingerprint = fileFingerprint;
    }

    /// <summary>Which check failed.</summary>
    public CheckpointProblem Problem { get; }

    /// <summary>
    /// For <see cref="CheckpointProblem.WrongNetwork"/>, the spec fingerprint the file holds (so a host can say which of
    /// its networks the file belongs to); otherwise null.
    /// </summary>
    public ulong? FileFingerprint { get; }
}
