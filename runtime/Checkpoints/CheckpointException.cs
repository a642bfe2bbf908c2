using System;

namespace LeNetGen;

/// <summary>
/// A checkpoint was refused: it is not a checkpoint, belongs to another network, is truncated or corrupted, or lacks the
/// state asked of it. <see cref="Problem"/> says which; the message says which check failed, with what was expected and
/// what was found.
/// </summary>
public sealed class CheckpointException : Exception
{
    internal CheckpointException(CheckpointProblem problem, string message)
        : base(message) => Problem = problem;

    /// <summary>Which check failed.</summary>
    public CheckpointProblem Problem { get; }
}
