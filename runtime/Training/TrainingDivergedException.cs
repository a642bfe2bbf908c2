using System;

namespace LeNetGen;

/// <summary>Training produced a loss that is not a finite number; the parameters of that step are not to be kept.</summary>
public sealed class TrainingDivergedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public TrainingDivergedException() : base("Training diverged.") { }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What happened.</param>
    public TrainingDivergedException(string message) : base(message) { }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">What happened.</param>
    /// <param name="innerException">The cause.</param>
    public TrainingDivergedException(string message, Exception? innerException) : base(message, innerException) { }

    /// <summary>Creates the exception for the step at which the loss, or the parameters, stopped being finite.</summary>
    /// <param name="epoch">The pass, from 1.</param>
    /// <param name="step">The update, from 1.</param>
    /// <param name="loss">The loss that was seen.</param>
    /// <param name="parametersDiverged">Whether the loss was finite but the step made a parameter infinite or NaN.</param>
    public TrainingDivergedException(int epoch, long step, double loss, bool parametersDiverged = false)
        : base(parametersDiverged
            ? $"Training diverged: the update at epoch {epoch}, step {step} made a parameter infinite or NaN (the loss before it was {loss}). " +
              "No checkpoint was written after it; lower the learning rate, or resume from the last checkpoint."
            : $"Training diverged: the loss was {loss} at epoch {epoch}, step {step}. The parameters of this step were not kept; " +
              "lower the learning rate, or resume from the last checkpoint.")
    {
        Epoch = epoch;
        Step = step;
        Loss = loss;
    }

    /// <summary>The pass, from 1.</summary>
    public int Epoch { get; }

    /// <summary>The update, from 1.</summary>
    public long Step { get; }

    /// <summary>The loss that was seen.</summary>
    public double Loss { get; }
}
