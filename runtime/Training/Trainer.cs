using System;
using System.Diagnostics;
using System.Numerics;
using System.Threading;
using System.Threading.Tasks;

namespace LeNetGen;

/// <summary>
/// Trains any generated network on a dataset: minibatches in a seeded order, forward, loss, backward, one optimizer
/// step per minibatch; for <see cref="SdlmOptimizer{T}"/>, the curvature estimate before each pass and, when it asks for
/// one, the running average of the curvature during the pass. Deterministic: a
/// minibatch's samples are split over <see cref="Lanes"/> fixed partial sums added in a fixed order, so the same seed
/// gives the same parameters bit for bit on any number of threads. Buffers are allocated once, here.
/// </summary>
/// <typeparam name="TNetwork">The generated network.</typeparam>
/// <typeparam name="T">Its element type.</typeparam>
public sealed class Trainer<TNetwork, T>
    where TNetwork : INetwork<TNetwork, T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>The number of partial gradient sums of a minibatch, independent of the number of threads.</summary>
    public const int Lanes = 4;

    private readonly T[] _parameters;
    private readonly T[] _gradients;
    private T[]? _sampleCurvature;
    private readonly Lane[] _lanes;
    private readonly int _threads;
    private readonly ParallelOptions _parallelOptions;
    private readonly Action<int> _runLaneAt;
    private BatchConverter<T>? _batchData;
    private T[]? _batchCurvature;

    /// <summary>Creates a trainer of <paramref name="parameters"/>, which it updates in place.</summary>
    /// <param name="parameters">The network's parameters, of length ParameterCount.</param>
    /// <param name="optimizer">How gradients become updates.</param>
    /// <param name="loss">The training criterion; it must fit the network's head.</param>
    /// <param name="batchSize">Samples per update (1: stochastic, as the paper trains).</param>
    /// <param name="seed">The seed of the sample order.</param>
    /// <param name="threads">Threads to use; 0 for one per processor (at most <see cref="Lanes"/>).</param>
    public Trainer(T[] parameters, Optimizer<T> optimizer, Loss loss, int batchSize, ulong seed, int threads = 0)
    {
        LengthGuard.Require(parameters.Length, TNetwork.ParameterCount, "parameters", nameof(parameters));
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        loss.RequireFits(TNetwork.Head);
        _parameters = parameters;
        Optimizer = optimizer;
        Loss = loss;
        BatchSize = batchSize;
        Random = new SeededRandom(seed);
        _threads = Math.Clamp(threads <= 0 ? Environment.ProcessorCount : threads, 1, Lanes);
        _gradients = new T[TNetwork.ParameterCount];
        _lanes = new Lane[Lanes];
        for (int i = 0; i < Lanes; i++) _lanes[i] = new Lane();
        _parallelOptions = new ParallelOptions { MaxDegreeOfParallelism = _threads };
        _runLaneAt = l => RunLane(_batchData!, _lanes[l], l == 0 ? _batchCurvature : null);
    }

    /// <summary>How gradients become updates.</summary>
    public Optimizer<T> Optimizer { get; }

    /// <summary>The training criterion.</summary>
    public Loss Loss { get; }

    /// <summary>Samples per update.</summary>
    public int BatchSize { get; }

    /// <summary>The stream of sample orders; its state is part of a checkpoint.</summary>
    public SeededRandom Random { get; }

    /// <summary>Passes completed.</summary>
    public int Epoch { get; private set; }

    /// <summary>Updates made since training started.</summary>
    public long Step { get; private set; }

    /// <summary>The training set's size in the passes so far (0 before the first); a resumed pass must see the same.</summary>
    public int SamplesPerPass { get; private set; }

    /// <summary>Minibatches done in the current, unfinished pass (0 between passes).</summary>
    public int BatchInEpoch { get; private set; }

    /// <summary>The state of <see cref="Random"/> when the current pass began, from which its order is drawn again on resume.</summary>
    public ulong EpochStartState { get; private set; }

    /// <summary>Puts the trainer where a checkpoint left it; the optimizer's state is restored separately.</summary>
    /// <param name="epoch">Passes completed.</param>
    /// <param name="step">Updates made.</param>
    /// <param name="batchInEpoch">Minibatches done in the unfinished pass.</param>
    /// <param name="randomState">The order stream's state: at the start of the unfinished pass when it is midway.</param>
    /// <param name="samplesPerPass">The training set's size in the run being resumed.</param>
    public void Restore(int epoch, long step, int batchInEpoch, ulong randomState, int samplesPerPass)
    {
        SamplesPerPass = samplesPerPass;
        Epoch = epoch;
        Step = step;
        BatchInEpoch = batchInEpoch;
        EpochStartState = randomState;
        Random.State = randomState;
    }

    /// <summary>
    /// Runs the rest of the current pass (all of it, unless a resumed pass was midway). Throws
    /// <see cref="TrainingDivergedException"/> before applying a step whose loss is not finite.
    /// </summary>
    /// <param name="data">The training images, converted per minibatch.</param>
    /// <param name="epochs">The passes planned in all, for the schedule and the progress display.</param>
    /// <param name="progress">Receives progress every few minibatches, or null.</param>
    /// <param name="afterStep">Called after each update (e.g. to write a checkpoint every so often), or null.</param>
    /// <param name="cancellationToken">Stops the pass between minibatches.</param>
    public EpochResult TrainEpoch(BatchConverter<T> data, int epochs, IProgress<TrainingProgress>? progress = null,
        Action? afterStep = null, CancellationToken cancellationToken = default)
    {
        LengthGuard.Require(data.InputSize, TNetwork.InputSize, "converted images", nameof(data));
        if (BatchInEpoch > 0 && data.Dataset.Count != SamplesPerPass)
            throw new ArgumentException(
                $"This run is midway through a pass over {SamplesPerPass} training images; resume it on the same images, not {data.Dataset.Count}.", nameof(data));
        SamplesPerPass = data.Dataset.Count;
        var order = new MinibatchOrder(data.Dataset.Count, BatchSize);
        if (BatchInEpoch == 0) EpochStartState = Random.State;
        Random.State = EpochStartState;
        order.Shuffle(Random);

        if (Optimizer is SdlmOptimizer<T> sdlm && BatchInEpoch == 0)
            EstimateCurvature(data, order.Order[..Math.Min(sdlm.CurvatureSamples, order.Count)], sdlm.Curvature);

        var clock = Stopwatch.StartNew();
        double lossSum = 0;
        int correct = 0, samples = 0;
        long plannedSteps = (long)epochs * order.BatchCount;
        for (int batch = BatchInEpoch; batch < order.BatchCount; batch++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            ReadOnlySpan<int> indices = order.Batch(batch);
            bool trackCurvature = Optimizer is SdlmOptimizer<T> { CurvatureEvery: > 0 } tracking && batch % tracking.CurvatureEvery == 0;
            if (trackCurvature) _sampleCurvature ??= new T[TNetwork.ParameterCount];
            var (batchLoss, batchCorrect) = Gradients(data, indices, trackCurvature);
            if (!double.IsFinite(batchLoss)) throw new TrainingDivergedException(Epoch + 1, Step + 1, batchLoss / indices.Length);
            if (trackCurvature) ((SdlmOptimizer<T>)Optimizer).UpdateCurvature(_sampleCurvature);

            double rate = Optimizer.Schedule.Rate(Epoch, plannedSteps == 0 ? 0 : (double)Step / plannedSteps);
            // A step whose loss was finite can still leave a parameter infinite or NaN: stop before the caller saves it.
            if (!Optimizer.Step(_parameters, _gradients, rate))
                throw new TrainingDivergedException(Epoch + 1, Step + 1, batchLoss / indices.Length, parametersDiverged: true);
            Step++;
            BatchInEpoch = batch + 1;
            lossSum += batchLoss;
            correct += batchCorrect;
            samples += indices.Length;
            afterStep?.Invoke();

            if (progress is not null && (batch % 64 == 63 || batch == order.BatchCount - 1))
                progress.Report(new TrainingProgress(Epoch + 1, epochs, batch + 1, order.BatchCount, Step, lossSum / samples,
                    (double)correct / samples, samples / Math.Max(clock.Elapsed.TotalSeconds, 1e-9), rate));
        }
        Epoch++;
        BatchInEpoch = 0;
        return new EpochResult(Epoch, samples == 0 ? 0 : lossSum / samples, samples == 0 ? 0 : (double)correct / samples, samples, clock.Elapsed);
    }

    /// <summary>
    /// Sets <paramref name="curvature"/> to the mean diagonal Gauss-Newton curvature over <paramref name="indices"/>
    /// (LeCun et al., 1998, appendix C: h_kk, estimated on a few hundred samples before each pass).
    /// </summary>
    /// <param name="data">The training images.</param>
    /// <param name="indices">The samples to estimate on.</param>
    /// <param name="curvature">Receives h_kk, one per parameter.</param>
    public void EstimateCurvature(BatchConverter<T> data, ReadOnlySpan<int> indices, Span<T> curvature)
    {
        LengthGuard.Require(curvature.Length, TNetwork.ParameterCount, "curvatures", nameof(curvature));
        curvature.Clear();
        Lane lane = _lanes[0];
        foreach (int index in indices)
        {
            data.FillImage(index, lane.Input);
            TNetwork.Forward(_parameters, lane.Input, lane.Workspace, lane.Output);
            Loss.Curvature<T>(lane.Output, data.Dataset.Label(index), lane.HeadCurvature, lane.HeadWeights);
            TNetwork.BackwardCurvature(_parameters, lane.Input, lane.Workspace, lane.HeadCurvature,
                TNetwork.Head == OutputHead.Rbf ? lane.HeadWeights : default, curvature);
        }
        T scale = T.One / T.CreateTruncating(Math.Max(1, indices.Length));
        for (int k = 0; k < curvature.Length; k++) curvature[k] *= scale;
    }

    /// <summary>
    /// Sets <see cref="_gradients"/> to the minibatch's mean gradient and, when <paramref name="curvature"/> is set,
    /// <see cref="_sampleCurvature"/> to the curvature of the minibatch's first sample; returns its summed loss and
    /// correct count.
    /// </summary>
    private (double Loss, int Correct) Gradients(BatchConverter<T> data, ReadOnlySpan<int> indices, bool curvature)
    {
        int lanes = Math.Min(Lanes, indices.Length);
        for (int l = 0; l < lanes; l++) _lanes[l].Assign(indices, l, Lanes);
        T[]? sampleCurvature = curvature ? _sampleCurvature : null;
        if (lanes == 1 || _threads == 1)
        {
            for (int l = 0; l < lanes; l++) RunLane(data, _lanes[l], l == 0 ? sampleCurvature : null);
        }
        else
        {
            // The minibatch's inputs go through fields so the delegate is made once, not per minibatch.
            _batchData = data;
            _batchCurvature = sampleCurvature;
            Parallel.For(0, lanes, _parallelOptions, _runLaneAt);
            _batchData = null;
            _batchCurvature = null;
        }

        // Partial sums in lane order: the same result whatever the threads did.
        Span<T> gradients = _gradients;
        _lanes[0].Gradients.AsSpan().CopyTo(gradients);
        for (int l = 1; l < lanes; l++)
        {
            ReadOnlySpan<T> partial = _lanes[l].Gradients;
            for (int k = 0; k < gradients.Length; k++) gradients[k] += partial[k];
        }
        T scale = T.One / T.CreateTruncating(indices.Length);
        for (int k = 0; k < gradients.Length; k++) gradients[k] *= scale;

        double loss = 0;
        int correct = 0;
        for (int l = 0; l < lanes; l++)
        {
            loss += _lanes[l].Loss;
            correct += _lanes[l].Correct;
        }
        return (loss, correct);
    }

    /// <summary>Runs a lane's samples forward and backward; with <paramref name="curvature"/>, also the curvature pass of its first sample.</summary>
    private void RunLane(BatchConverter<T> data, Lane lane, T[]? curvature)
    {
        Array.Clear(lane.Gradients);
        lane.Loss = 0;
        lane.Correct = 0;
        for (int i = 0; i < lane.Count; i++)
        {
            int index = lane.Indices[i];
            int label = data.Dataset.Label(index);
            data.FillImage(index, lane.Input);
            TNetwork.Forward(_parameters, lane.Input, lane.Workspace, lane.Output);
            if (TNetwork.PredictedClass(lane.Output) == label) lane.Correct++;
            lane.Loss += Loss.Evaluate<T>(lane.Output, label, lane.HeadGradient);
            TNetwork.Backward(_parameters, lane.Input, lane.Workspace, lane.HeadGradient, lane.Gradients, default);
            if (i == 0 && curvature is not null)
            {
                // The backward pass overwrote only the gradient regions of the workspace; the activations are still there.
                Array.Clear(curvature);
                Loss.Curvature<T>(lane.Output, label, lane.HeadCurvature, lane.HeadWeights);
                TNetwork.BackwardCurvature(_parameters, lane.Input, lane.Workspace, lane.HeadCurvature,
                    TNetwork.Head == OutputHead.Rbf ? lane.HeadWeights : default, curvature);
            }
        }
    }

    /// <summary>One partial sum: its samples of the minibatch and the buffers to run them.</summary>
    private sealed class Lane
    {
        public readonly T[] Workspace = new T[TNetwork.WorkspaceSize];
        public readonly T[] Gradients = new T[TNetwork.ParameterCount];
        public readonly T[] Input = new T[TNetwork.InputSize];
        public readonly T[] Output = new T[TNetwork.OutputSize];
        public readonly T[] HeadGradient = new T[TNetwork.OutputSize];
        public readonly T[] HeadCurvature = new T[TNetwork.OutputSize];
        public readonly T[] HeadWeights = new T[TNetwork.OutputSize];
        public int[] Indices = new int[16];
        public int Count;
        public double Loss;
        public int Correct;

        /// <summary>Takes samples lane, lane + lanes, lane + 2 lanes, ... of the minibatch.</summary>
        public void Assign(ReadOnlySpan<int> batch, int lane, int lanes)
        {
            int count = (batch.Length - lane + lanes - 1) / lanes;
            if (Indices.Length < count) Indices = new int[count];
            for (int i = 0; i < count; i++) Indices[i] = batch[lane + i * lanes];
            Count = count;
        }
    }
}
