using System;

namespace LeNetGen;

/// <summary>What one pass over the training set did.</summary>
/// <param name="Epoch">The pass, from 1.</param>
/// <param name="Loss">The mean training loss over the pass (each sample's loss before its update).</param>
/// <param name="Accuracy">The fraction of samples classified right before their update.</param>
/// <param name="Samples">The samples seen in this pass (fewer than the set when the pass was resumed midway).</param>
/// <param name="Elapsed">The pass's wall-clock time.</param>
public sealed record EpochResult(int Epoch, double Loss, double Accuracy, int Samples, TimeSpan Elapsed)
{
    /// <summary>Training throughput.</summary>
    public double ImagesPerSecond => Samples / Math.Max(Elapsed.TotalSeconds, 1e-9);
}
