namespace LeNetGen;

/// <summary>Where a training pass is, for progress displays.</summary>
/// <param name="Epoch">The pass, from 1.</param>
/// <param name="Epochs">The passes planned.</param>
/// <param name="Batch">Minibatches done in this pass.</param>
/// <param name="Batches">Minibatches in a pass.</param>
/// <param name="Step">Updates since the start of training.</param>
/// <param name="Loss">The mean loss of this pass so far.</param>
/// <param name="Accuracy">The fraction of this pass's samples so far that the network classified right before its update.</param>
/// <param name="ImagesPerSecond">Training throughput in this pass so far.</param>
/// <param name="Rate">The learning rate of the last step.</param>
public readonly record struct TrainingProgress(
    int Epoch, int Epochs, int Batch, int Batches, long Step, double Loss, double Accuracy, double ImagesPerSecond, double Rate);
