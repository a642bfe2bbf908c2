using System;
using System.Numerics;
using System.Threading.Tasks;

namespace LeNetGen;

/// <summary>How a network does on a dataset: mean loss, accuracy, per-class error and the confusion matrix.</summary>
public sealed class Evaluation
{
    private readonly int[] _confusion;

    private Evaluation(int classes, double loss, int[] confusion)
    {
        Classes = classes;
        Loss = loss;
        _confusion = confusion;
        for (int c = 0; c < classes; c++)
        {
            Correct += confusion[c * classes + c];
            for (int p = 0; p < classes; p++) Count += confusion[c * classes + p];
        }
    }

    /// <summary>The number of classes.</summary>
    public int Classes { get; }

    /// <summary>The samples evaluated.</summary>
    public int Count { get; }

    /// <summary>The samples classified right.</summary>
    public int Correct { get; }

    /// <summary>The mean loss.</summary>
    public double Loss { get; }

    /// <summary>The fraction classified right.</summary>
    public double Accuracy => Count == 0 ? 0 : (double)Correct / Count;

    /// <summary>The fraction classified wrong.</summary>
    public double ErrorRate => 1 - Accuracy;

    /// <summary>How many samples of class <paramref name="actual"/> were predicted as <paramref name="predicted"/>.</summary>
    /// <param name="actual">The true class.</param>
    /// <param name="predicted">The predicted class.</param>
    public int Confusion(int actual, int predicted) => _confusion[actual * Classes + predicted];

    /// <summary>The fraction of class <paramref name="actual"/>'s samples classified wrong.</summary>
    /// <param name="actual">The true class.</param>
    public double ClassError(int actual)
    {
        int total = 0;
        for (int p = 0; p < Classes; p++) total += Confusion(actual, p);
        return total == 0 ? 0 : 1 - (double)Confusion(actual, actual) / total;
    }

    /// <summary>One line, e.g. "accuracy 98.93% (9,893 of 10,000), error 1.07%, mean loss 0.0342".</summary>
    public override string ToString() => string.Format(System.Globalization.CultureInfo.InvariantCulture,
        "accuracy {0:0.00%} ({1:N0} of {2:N0}), error {3:0.00%}, mean loss {4:0.0000}", Accuracy, Correct, Count, ErrorRate, Loss);

    /// <summary>Evaluates a network's parameters on every image of <paramref name="data"/>, on up to <paramref name="threads"/> threads.</summary>
    /// <typeparam name="TNetwork">The generated network.</typeparam>
    /// <typeparam name="T">Its element type.</typeparam>
    /// <param name="parameters">The parameters.</param>
    /// <param name="data">The images and labels; their shape must be the network's input shape.</param>
    /// <param name="loss">The criterion whose mean is reported.</param>
    /// <param name="threads">Threads to use; 0 for one per processor.</param>
    public static Evaluation Of<TNetwork, T>(ReadOnlySpan<T> parameters, BatchConverter<T> data, Loss loss, int threads = 0)
        where TNetwork : INetwork<TNetwork, T>
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        LengthGuard.Require(parameters.Length, TNetwork.ParameterCount, "parameters", nameof(parameters));
        NetworkInput.Require<TNetwork, T>(data, nameof(data));
        int classes = TNetwork.OutputSize, count = data.Dataset.Count;
        int chunks = Math.Clamp(threads <= 0 ? Environment.ProcessorCount : threads, 1, 64);
        // Images go through the vectorized tile kernels, TileSize at a time; each tile's loss is kept apart and the
        // tiles' losses are added in tile order, so the mean loss is the same on any number of threads.
        int tile = TNetwork.TileSize, tiles = (count + tile - 1) / tile;
        var confusions = new int[chunks][];
        var tileLosses = new double[tiles];
        T[] shared = parameters.ToArray();
        Parallel.For(0, chunks, new ParallelOptions { MaxDegreeOfParallelism = chunks }, chunk =>
        {
            Span<T> workspace = AlignedScratch.Allocate<T>(TNetwork.TileWorkspaceSize).Span;
            var inputs = new T[tile * TNetwork.InputSize];
            var outputs = new T[tile * classes];
            var gradient = new T[classes];
            var confusion = new int[classes * classes];
            for (int t = (int)((long)tiles * chunk / chunks), end = (int)((long)tiles * (chunk + 1) / chunks); t < end; t++)
            {
                int first = t * tile, samples = Math.Min(tile, count - first);
                for (int l = 0; l < samples; l++) data.FillImage(first + l, inputs.AsSpan(l * TNetwork.InputSize, TNetwork.InputSize));
                TNetwork.ForwardTile(shared, inputs.AsSpan(0, samples * TNetwork.InputSize), workspace, outputs.AsSpan(0, samples * classes));
                double sum = 0;
                for (int l = 0; l < samples; l++)
                {
                    int label = data.Dataset.Label(first + l);
                    ReadOnlySpan<T> output = outputs.AsSpan(l * classes, classes);
                    sum += loss.Evaluate<T>(output, label, gradient);
                    confusion[label * classes + TNetwork.PredictedClass(output)]++;
                }
                tileLosses[t] = sum;
            }
            confusions[chunk] = confusion;
        });

        var total = new int[classes * classes];
        for (int c = 0; c < chunks; c++)
            for (int k = 0; k < total.Length; k++) total[k] += confusions[c][k];
        double lossSum = 0;
        foreach (double tileLoss in tileLosses) lossSum += tileLoss;
        return new Evaluation(classes, count == 0 ? 0 : lossSum / count, total);
    }
}
