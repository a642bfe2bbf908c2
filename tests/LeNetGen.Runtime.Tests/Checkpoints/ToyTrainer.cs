using System;
using System.IO;

namespace LeNetGen.Runtime.Tests.Checkpoints;

/// <summary>
/// A stand-in for the real trainer, shaped like it: shuffled mini-batches, momentum, per-parameter step sizes from a running
/// curvature estimate h_kk, a learning rate that decays each epoch, and a checkpoint every few steps. The model is
/// least-squares regression, whose gradient needs no network.
/// </summary>
/// <remarks>
/// What resuming mid-epoch needs: the generator's state at the start of the epoch ("epoch_rng"), so that the epoch's
/// shuffle is drawn again, and the number of batches already done ("batch"); the parameters, both blocks and the rate.
/// </remarks>
internal static class ToyTrainer
{
    public const ulong Fingerprint = 0x70795472616E6572UL;
    public const int Features = 6, Samples = 23, BatchSize = 4, Epochs = 3;
    public const int BatchesPerEpoch = (Samples + BatchSize - 1) / BatchSize;
    public const int TotalSteps = Epochs * BatchesPerEpoch;

    /// <summary>Thrown where the run is "killed".</summary>
    public sealed class Killed : Exception;

    /// <summary>
    /// Trains from the checkpoint at <paramref name="path"/> if there is one, otherwise from scratch, saving every
    /// <paramref name="checkpointEvery"/> steps; throws <see cref="Killed"/> after step <paramref name="killAfterStep"/>.
    /// </summary>
    public static float[] Train(string path, int checkpointEvery, long killAfterStep = -1)
    {
        (float[] x, float[] y) = Data();
        var weights = new float[Features];
        new SeededRandom(1).FillUniform<float>(weights, 0.5);
        var momentum = new float[Features];
        var hkk = new float[Features];
        var rng = new SeededRandom(42);
        long epoch = 0, batch = 0, step = 0;
        double learningRate = 0.05;

        if (File.Exists(path))
        {
            Checkpoint<float> checkpoint = Checkpoint<float>.Load(path, Fingerprint, Features);
            checkpoint.Parameters.CopyTo(weights);
            checkpoint.State.CopyBlockTo("momentum", momentum);
            checkpoint.State.CopyBlockTo("hkk", hkk);
            epoch = checkpoint.State.GetCounter("epoch");
            batch = checkpoint.State.GetCounter("batch");
            step = checkpoint.State.GetCounter("step");
            rng.State = unchecked((ulong)checkpoint.State.GetCounter("epoch_rng"));
            learningRate = checkpoint.State.GetValue("learning_rate");
        }

        var order = new int[Samples];
        var gradient = new float[Features];
        for (; epoch < Epochs; epoch++, batch = 0, learningRate *= 0.9)
        {
            ulong epochRng = rng.State;
            for (int i = 0; i < Samples; i++) order[i] = i;
            rng.Shuffle<int>(order);

            for (; batch < BatchesPerEpoch; )
            {
                Array.Clear(gradient);
                int first = (int)batch * BatchSize, last = Math.Min(first + BatchSize, Samples);
                for (int s = first; s < last; s++)
                {
                    ReadOnlySpan<float> sample = x.AsSpan(order[s] * Features, Features);
                    float error = -y[order[s]];
                    for (int k = 0; k < Features; k++) error += weights[k] * sample[k];
                    for (int k = 0; k < Features; k++)
                    {
                        gradient[k] += error * sample[k] / (last - first);
                        hkk[k] = 0.9f * hkk[k] + 0.1f * sample[k] * sample[k] / (last - first);
                    }
                }
                for (int k = 0; k < Features; k++)
                {
                    momentum[k] = 0.9f * momentum[k] + gradient[k];
                    weights[k] -= (float)learningRate * momentum[k] / (hkk[k] + 0.01f);
                }
                batch++;
                step++;

                if (step % checkpointEvery == 0)
                {
                    var state = new CheckpointState<float>();
                    state.SetCounter("epoch", epoch);
                    state.SetCounter("batch", batch);
                    state.SetCounter("step", step);
                    state.SetCounter("epoch_rng", unchecked((long)epochRng));
                    state.SetValue("learning_rate", learningRate);
                    state.SetBlock("momentum", momentum);
                    state.SetBlock("hkk", hkk);
                    new Checkpoint<float>(Fingerprint, weights, state, $"toy trainer, step {step}").Save(path);
                }
                if (step == killAfterStep) throw new Killed();
            }
        }
        return weights;
    }

    private static (float[] X, float[] Y) Data()
    {
        var random = new SeededRandom(7);
        var x = new float[Samples * Features];
        var y = new float[Samples];
        random.FillUniform<float>(x, 1.0);
        random.FillUniform<float>(y, 1.0);
        return (x, y);
    }
}
