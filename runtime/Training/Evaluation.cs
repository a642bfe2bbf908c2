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
        int chunks = Math.Clamp(threads <= 0 ? Environment.ProcessorCount : threads, 1, 64);
        var confusions = new int[chunks][];
        var losses = new double[chunks];
        T[] shared = parameters.ToArray();
        Parallel.For(0, chunks, new ParallelOptions { MaxDegreeOfParallelism = chunks }, chunk =>
        {
            var workspace = new T[TNetwork.WorkspaceSize];
            var input = new T[TNetwork.InputSize];
            var output = new T[classes];
            var gradient = new T[classes];
            var confusion = new int[classes * classes];
            double sum = 0;
            for (int i = (int)((long)count * chunk / chunks), end = (int)((long)count * (chunk + 1) / chunks); i < end; i++)
            {
                int label = data.Dataset.Label(i);
                data.FillImage(i, input);
                TNetwork.Forward(shared, input, workspace, output);
                sum += loss.Evaluate<T>(output, label, gradient);
                confusion[label * classes + TNetwork.PredictedClass(output)]++;
            }
            confusions[chunk] = confusion;
            losses[chunk] = sum;
        });

        var total = new int[classes * classes];
        double lossSum = 0;
        for (int c = 0; c < chunks; c++)
        {
            for (int k = 0; k < total.Length; k++) total[k] += confusions[c][k];
            lossSum += losses[c];
        }
        return new Evaluation(classes, count == 0 ? 0 : lossSum / count, total);
    }
}
