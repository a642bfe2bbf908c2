using System;
using System.Numerics;
using System.Threading.Tasks;

namespace LeNetGen;

/// <summary>How a network does on a dataset: mean loss, accuracy, per-class error and the confusion matrix.</summary>
public sealed class Evaluation
{
    /// <summary>The number of blocks the images are cut into, and the most threads an evaluation uses.</summary>
    private const int Blocks = 64;

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

    /// <summary>Evaluates a network's parameters on every image of <paramref name="data"/>, on up to <paramref name="threads"/> threads.</summary>
    /// <typeparam name="TNetwork">The generated network.</typeparam>
    /// <typeparam name="T">Its element type.</typeparam>
    /// <param name="parameters">The parameters.</param>
    /// <param name="data">The images and labels.</param>
    /// <param name="loss">The criterion whose mean is reported.</param>
    /// <param name="threads">Threads to use; 0 for one per processor.</param>
    public static Evaluation Of<TNetwork, T>(ReadOnlySpan<T> parameters, BatchConverter<T> data, Loss loss, int threads = 0)
        where TNetwork : INetwork<TNetwork, T>
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        LengthGuard.Require(parameters.Length, TNetwork.ParameterCount, "parameters", nameof(parameters));
        int classes = TNetwork.OutputSize, count = data.Dataset.Count;
        int threadCount = Math.Clamp(threads <= 0 ? Environment.ProcessorCount : threads, 1, Blocks);

        // The images are cut into a fixed number of blocks, whatever the number of threads; each block's loss is summed
        // in image order and the block sums in block order, so the mean is the same to the last bit on any thread count.
        int blocks = Math.Min(Blocks, count);
        var confusions = new int[blocks][];
        var losses = new double[blocks];
        T[] shared = parameters.ToArray();
        Parallel.For(0, blocks, new ParallelOptions { MaxDegreeOfParallelism = threadCount },
            () => new Buffers<T>(TNetwork.WorkspaceSize, TNetwork.InputSize, classes),
            (block, _, buffers) =>
            {
                var confusion = new int[classes * classes];
                double sum = 0;
                for (int i = (int)((long)count * block / blocks), end = (int)((long)count * (block + 1) / blocks); i < end; i++)
                {
                    int label = data.Dataset.Label(i);
                    data.FillImage(i, buffers.Input);
                    TNetwork.Forward(shared, buffers.Input, buffers.Workspace, buffers.Output);
                    sum += loss.Evaluate<T>(buffers.Output, label, buffers.Gradient);
                    confusion[label * classes + TNetwork.PredictedClass(buffers.Output)]++;
                }
                confusions[block] = confusion;
                losses[block] = sum;
                return buffers;
            },
            _ => { });

        var total = new int[classes * classes];
        double lossSum = 0;
        for (int c = 0; c < blocks; c++)
        {
            for (int k = 0; k < total.Length; k++) total[k] += confusions[c][k];
            lossSum += losses[c];
        }
        return new Evaluation(classes, count == 0 ? 0 : lossSum / count, total);
    }

    /// <summary>One thread's buffers, made once per thread, not per block.</summary>
    private sealed class Buffers<T>(int workspace, int input, int classes)
    {
        public T[] Workspace { get; } = new T[workspace];
        public T[] Input { get; } = new T[input];
        public T[] Output { get; } = new T[classes];
        public T[] Gradient { get; } = new T[classes];
    }
}
