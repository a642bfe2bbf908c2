using System;
using System.Diagnostics;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Threading;

namespace LeNetGen;

/// <summary>
/// Trains any generated network on a dataset: minibatches in a seeded order, forward, loss, backward, one optimizer
/// step per minibatch; for optimizers that use curvature (<see cref="SdlmOptimizer{T}"/>), the estimate before each pass
/// and, when they ask for it, the curvature of a minibatch's first sample during the pass. A minibatch runs through the network's vectorized tile
/// kernels, TileSize samples at a time (a minibatch of one sample through the one-sample vector kernels), the tiles' slots
/// spread over the threads. Deterministic: the tiles' gradients are summed into a fixed number of slots (one per processor,
/// <see cref="Environment.ProcessorCount"/>), tile t into slot t mod slots, each slot's tiles in tile order by one thread,
/// and the slots are added in slot order; so with the same processor count the same seed gives the same parameters bit
/// for bit on any number of threads. Buffers are allocated once, here.
/// </summary>
/// <typeparam name="TNetwork">The generated network.</typeparam>
/// <typeparam name="T">Its element type.</typeparam>
public sealed class Trainer<TNetwork, T>
    where TNetwork : INetwork<TNetwork, T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>The most threads a trainer uses.</summary>
    public const int MaxThreads = 64;

    /// <summary>
    /// The gradient slots: one per processor, whatever the threads asked for, so that the order of the sums does not
    /// depend on them (it does on the processor count: a run resumed with another, under other CPU limits or
    /// DOTNET_PROCESSOR_COUNT, continues with sums that round differently). A thread takes whole slots, so a thread count
    /// that does not divide the slots leaves some threads a slot more. A slot is a whole gradient buffer, written by one thread for all its tiles of a minibatch; one
    /// buffer per tile instead made the sum of a minibatch of 256 read and clear 16 buffers (4 MB for LeNet-5), a sixth
    /// of its time on two cores.
    /// </summary>
    private static readonly int s_slotCount = Math.Clamp(Environment.ProcessorCount, 1, MaxThreads);

    private readonly T[] _parameters;
    private readonly T[] _gradients;
    private bool _gradientsZero = true;
    private T[]? _sampleCurvature;
    private Tile[] _tiles;
    private readonly Tile _single;
    private readonly T[][] _slots;
    private readonly int _threads;
    private readonly Action<int> _runSlotAt;
    private readonly Action<int> _sumPartAt;
    private BatchConverter<T>? _batchData;
    private readonly bool[] _partFinite = new bool[PartCount];
    private int _activeTiles;
    private bool _slotsDirty;
    private bool _stepInParts;
    private T _meanFactor;
    private double _rate;

    // A tile's workspace (every layer's activations and deltas of TileSize samples, 1.5 MB for LeNet-5) is scratch: one
    // per thread, not per tile, so that a thread's tiles reuse memory its cache already holds. The gradient sums are per
    // slot, for the fixed order of their reduction.
    // It starts on a 64-byte boundary (AlignedScratch), so the kernels' vector accesses stay inside cache lines.
    [ThreadStatic] private static Memory<T> t_tileWorkspace;

    private static Span<T> TileWorkspace
    {
        get
        {
            if (t_tileWorkspace.IsEmpty) t_tileWorkspace = AlignedScratch.Allocate<T>(TNetwork.TileWorkspaceSize);
            return t_tileWorkspace.Span;
        }
    }

    /// <summary>Creates a trainer of <paramref name="parameters"/>, which it updates in place.</summary>
    /// <param name="parameters">The network's parameters, of length ParameterCount.</param>
    /// <param name="optimizer">How gradients become updates.</param>
    /// <param name="loss">The training criterion; it must fit the network's head.</param>
    /// <param name="batchSize">Samples per update (1: stochastic, as the paper trains).</param>
    /// <param name="seed">The seed of the sample order.</param>
    /// <param name="threads">Threads to use; 0 for one per processor (at most <see cref="MaxThreads"/>).</param>
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
        _threads = Math.Clamp(threads <= 0 ? Environment.ProcessorCount : threads, 1, MaxThreads);
        _gradients = new T[TNetwork.ParameterCount];
        _tiles = new Tile[(batchSize + TNetwork.TileSize - 1) / TNetwork.TileSize];
        for (int i = 0; i < _tiles.Length; i++) _tiles[i] = new Tile();
        _single = _tiles[0];
        _slots = new T[Math.Min(s_slotCount, _tiles.Length)][];
        for (int i = 0; i < _slots.Length; i++) _slots[i] = new T[TNetwork.ParameterCount];
        _runSlotAt = RunSlot;
        _sumPartAt = SumPart;
    }

    /// <summary>How gradients become updates.</summary>
    public Optimizer<T> Optimizer { get; }

    /// <summary>The training criterion.</summary>
    public Loss Loss { get; }

    /// <summary>
    /// The passes planned in all (1 by default): the schedule's progress (a cosine's, say) and the progress display
    /// count against it. Each <see cref="TrainEpoch"/> trains one pass, whatever it is.
    /// </summary>
    public int PlannedEpochs
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            field = value;
        }
    } = 1;

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
    /// Trains one pass: the rest of the current pass (all of it, unless a resumed pass was midway). Throws
    /// <see cref="TrainingDivergedException"/> before applying a step whose loss is not finite. The passes planned in
    /// all are <see cref="PlannedEpochs"/>.
    /// </summary>
    /// <param name="data">The training images, converted per minibatch; their shape must be the network's input shape.</param>
    /// <param name="progress">Receives progress every few minibatches, or null.</param>
    /// <param name="afterStep">Called after each update (e.g. to write a checkpoint every so often), or null.</param>
    /// <param name="cancellationToken">Stops the pass between minibatches.</param>
    public EpochResult TrainEpoch(BatchConverter<T> data, IProgress<TrainingProgress>? progress = null,
        Action? afterStep = null, CancellationToken cancellationToken = default)
    {
        int epochs = PlannedEpochs;
        NetworkInput.Require<TNetwork, T>(data, nameof(data));
        if (BatchInEpoch > 0 && data.Dataset.Count != SamplesPerPass)
            throw new ArgumentException(
                $"This run is midway through a pass over {SamplesPerPass} training images; resume it on the same images, not {data.Dataset.Count}.", nameof(data));
        SamplesPerPass = data.Dataset.Count;
        var order = new MinibatchOrder(data.Dataset.Count, BatchSize);
        if (BatchInEpoch == 0) EpochStartState = Random.State;
        Random.State = EpochStartState;
        order.Shuffle(Random);

        if (Optimizer.CurvatureSamplesPerPass > 0 && BatchInEpoch == 0)
            EstimateCurvature(data, order.Order[..Math.Min(Optimizer.CurvatureSamplesPerPass, order.Count)], Optimizer.PassCurvature);

        var clock = Stopwatch.StartNew();
        double lossSum = 0;
        int correct = 0, samples = 0;
        long plannedSteps = (long)epochs * order.BatchCount;
        for (int batch = BatchInEpoch; batch < order.BatchCount; batch++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            ReadOnlySpan<int> indices = order.Batch(batch);
            bool trackCurvature = Optimizer.WantsCurvature(batch);
            if (trackCurvature) _sampleCurvature ??= new T[TNetwork.ParameterCount];
            var (batchLoss, batchCorrect) = Gradients(data, indices, trackCurvature);
            if (!double.IsFinite(batchLoss))
            {
                throw new TrainingDivergedException(Epoch + 1, Step + 1, batchLoss / indices.Length);
            }
            if (trackCurvature) Optimizer.UpdateCurvature(_sampleCurvature);

            double rate = Optimizer.Schedule.Rate(Epoch, plannedSteps == 0 ? 0 : (double)Step / plannedSteps);
            // A step whose loss was finite can still leave a parameter infinite or NaN: stop before the caller saves it.
            // One-sample steps leave the gradients zero for the next sample's sums, in the step's own pass over them; a
            // minibatch's slot sums are added and stepped part by part, spread over the threads.
            bool finite = indices.Length == 1 ? Optimizer.StepAndClear(_parameters, _gradients, rate) : SumAndStep(indices.Length, rate);
            _gradientsZero = indices.Length == 1;
            if (!finite)
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
        NetworkInput.Require<TNetwork, T>(data, nameof(data));
        LengthGuard.Require(curvature.Length, TNetwork.ParameterCount, "curvatures", nameof(curvature));
        curvature.Clear();
        Tile tile = _single;
        for (int start = 0; start < indices.Length; start += TNetwork.TileSize)
        {
            int count = Math.Min(TNetwork.TileSize, indices.Length - start);
            tile.Forward(data, indices.Slice(start, count), _parameters, TileWorkspace);
            tile.AddCurvature(count, _parameters, Loss, curvature, TileWorkspace);
        }
        VectorMath.Scale(curvature, T.One / T.CreateTruncating(Math.Max(1, indices.Length)));
    }

    /// <summary>
    /// Runs the minibatch: one sample into <see cref="_gradients"/>, several into the slots' gradient sums (which
    /// <see cref="SumAndStep"/> then adds up); when <paramref name="curvature"/> is set, <see cref="_sampleCurvature"/>
    /// gets the curvature of the minibatch's first sample. Returns the summed loss and correct count.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private (double Loss, int Correct) Gradients(BatchConverter<T> data, ReadOnlySpan<int> indices, bool curvature)
    {
        Span<T> gradients = _gradients;
        double loss = 0;
        int correct = 0;
        if (indices.Length == 1)
        {
            // One sample: the one-sample vector kernels, which do not pay for the empty lanes of a tile.
            if (!_gradientsZero) gradients.Clear();
            (loss, correct) = _single.RunSample(data, indices[0], _parameters, Loss, gradients, curvature ? _sampleCurvature : null);
            return (loss, correct);
        }

        int tiles = (indices.Length + TNetwork.TileSize - 1) / TNetwork.TileSize;
        if (tiles > _tiles.Length) Grow(tiles);
        if (_slotsDirty)
        {
            // A minibatch that stopped before its sums were taken (a loss that diverged, an exception in a tile) left
            // them in the slots.
            foreach (T[] slot in _slots) Array.Clear(slot);
        }
        // Dirty until SumAndStep has taken the sums and cleared the slots.
        _slotsDirty = true;
        for (int t = 0; t < tiles; t++)
            _tiles[t].Assign(indices.Slice(t * TNetwork.TileSize, Math.Min(TNetwork.TileSize, indices.Length - t * TNetwork.TileSize)));
        _activeTiles = tiles;
        // The minibatch goes through a field so the delegate is made once, not per minibatch; the team's workers stay
        // awake between minibatches. On one thread the team runs the slots in order on the caller's.
        _batchData = data;
        WorkerTeam.Shared.For(ActiveSlots, _threads, _runSlotAt);
        _batchData = null;

        for (int t = 0; t < tiles; t++)
        {
            loss += _tiles[t].Loss;
            correct += _tiles[t].Correct;
        }

        if (curvature)
        {
            // The first sample's curvature: its tile goes forward again here (another tile may have used the workspace
            // of the thread that ran it).
            Array.Clear(_sampleCurvature!);
            _tiles[0].Forward(data, _tiles[0].Indices.AsSpan(0, _tiles[0].Count), _parameters, TileWorkspace);
            _tiles[0].AddCurvature(1, _parameters, Loss, _sampleCurvature, TileWorkspace);
        }
        return (loss, correct);
    }

    /// <summary>
    /// Sums the slots' gradients of the minibatch just run in slot order (the same result whatever the threads did), into
    /// their mean in <see cref="_gradients"/>, clears the slots' sums for the next minibatch and applies the optimizer's
    /// step: part by part, each part small enough to stay in the cache from its sum to its step, the parts spread over
    /// the threads when the optimizer can step in parts. Returns whether every parameter is still finite.
    /// </summary>
    private bool SumAndStep(int samples, double rate)
    {
        _meanFactor = T.One / T.CreateTruncating(samples);
        _rate = rate;
        bool inParts = Optimizer.StepsInParts;
        if (inParts) Optimizer.PrepareStep();
        _stepInParts = inParts;
        WorkerTeam.Shared.For(PartCount, _threads, _sumPartAt);
        _slotsDirty = false;
        bool finite = true;
        if (inParts)
        {
            foreach (bool part in _partFinite) finite &= part;
        }
        else
        {
            finite = Optimizer.Step(_parameters, _gradients, rate);
        }
        return finite;
    }

    /// <summary>The parameters' parts: whole cache lines of vectors, about 16 KiB of floats each.</summary>
    private const int PartLength = 4096;

    private static int PartCount => (TNetwork.ParameterCount + PartLength - 1) / PartLength;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void SumPart(int part)
    {
        int start = part * PartLength, length = Math.Min(PartLength, TNetwork.ParameterCount - start);
        Span<T> sum = _gradients.AsSpan(start, length);
        Span<T> first = _slots[0].AsSpan(start, length);
        first.CopyTo(sum);
        first.Clear();
        for (int s = 1; s < ActiveSlots; s++) VectorMath.AddAndClear(sum, _slots[s].AsSpan(start, length));
        VectorMath.Scale(sum, _meanFactor);
        if (_stepInParts) _partFinite[part] = Optimizer.StepPart(_parameters, _gradients, _rate, start, length);
    }

    /// <summary>The slots the minibatch just run uses: one per tile up to the slot count.</summary>
    private int ActiveSlots => Math.Min(_activeTiles, _slots.Length);

    private void Grow(int tiles)
    {
        int had = _tiles.Length;
        Array.Resize(ref _tiles, tiles);
        for (int t = had; t < tiles; t++) _tiles[t] = new Tile();
    }

    /// <summary>Runs the tiles of slot <paramref name="slot"/> (tiles slot, slot + slots, ...) in order into its sums.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void RunSlot(int slot)
    {
        BatchConverter<T> data = _batchData!;
        T[] gradients = _slots[slot];
        for (int t = slot, slots = ActiveSlots; t < _activeTiles; t += slots) RunTile(data, _tiles[t], gradients);
    }

    /// <summary>Runs a tile's samples forward and backward, adding their gradients to <paramref name="gradients"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void RunTile(BatchConverter<T> data, Tile tile, T[] gradients)
    {
        Span<T> workspace = TileWorkspace;
        tile.Forward(data, tile.Indices.AsSpan(0, tile.Count), _parameters, workspace);
        tile.Loss = 0;
        tile.Correct = 0;
        for (int l = 0; l < tile.Count; l++)
        {
            ReadOnlySpan<T> output = tile.OutputOf(l);
            int label = tile.Labels[l];
            if (TNetwork.PredictedClass(output) == label) tile.Correct++;
            tile.Loss += Loss.Evaluate<T>(output, label, tile.HeadGradientOf(l));
        }
        // The slot's sums started from zero: the last minibatch's sum cleared them.
        TNetwork.BackwardTile(_parameters, workspace, tile.HeadGradients.AsSpan(0, tile.Count * TNetwork.OutputSize), gradients);
    }

    /// <summary>One tile of a minibatch: its samples and the buffers to run them, allocated once.</summary>
    private sealed class Tile
    {
        public readonly T[] Inputs = new T[TNetwork.TileSize * TNetwork.InputSize];
        public readonly T[] Outputs = new T[TNetwork.TileSize * TNetwork.OutputSize];
        public readonly T[] HeadGradients = new T[TNetwork.TileSize * TNetwork.OutputSize];
        public readonly T[] HeadCurvatures = new T[TNetwork.TileSize * TNetwork.OutputSize];
        public readonly T[] HeadWeights = new T[TNetwork.TileSize * TNetwork.OutputSize];
        public readonly int[] Indices = new int[TNetwork.TileSize];
        public readonly int[] Labels = new int[TNetwork.TileSize];
        private T[]? _sampleWorkspace;
        public int Count;
        public double Loss;
        public int Correct;

        public void Assign(ReadOnlySpan<int> indices)
        {
            indices.CopyTo(Indices);
            Count = indices.Length;
        }

        public Span<T> OutputOf(int sample) => Outputs.AsSpan(sample * TNetwork.OutputSize, TNetwork.OutputSize);

        public Span<T> HeadGradientOf(int sample) => HeadGradients.AsSpan(sample * TNetwork.OutputSize, TNetwork.OutputSize);

        public Span<T> HeadCurvatureOf(int sample) => HeadCurvatures.AsSpan(sample * TNetwork.OutputSize, TNetwork.OutputSize);

        public Span<T> HeadWeightOf(int sample) => HeadWeights.AsSpan(sample * TNetwork.OutputSize, TNetwork.OutputSize);

        /// <summary>Converts the samples at <paramref name="indices"/> and runs them forward as one tile in <paramref name="workspace"/>.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Forward(BatchConverter<T> data, ReadOnlySpan<int> indices, ReadOnlySpan<T> parameters, Span<T> workspace)
        {
            int count = indices.Length;
            data.FillImages(indices, Inputs.AsSpan(0, count * TNetwork.InputSize));
            data.FillLabels(indices, Labels.AsSpan(0, count));
            TNetwork.ForwardTile(parameters, Inputs.AsSpan(0, count * TNetwork.InputSize), workspace, Outputs.AsSpan(0, count * TNetwork.OutputSize));
        }

        /// <summary>Adds the curvature of the first <paramref name="count"/> samples of the last <see cref="Forward"/> (in <paramref name="workspace"/>) to <paramref name="curvature"/>.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void AddCurvature(int count, ReadOnlySpan<T> parameters, Loss loss, Span<T> curvature, Span<T> workspace)
        {
            for (int l = 0; l < count; l++)
                loss.Curvature<T>(OutputOf(l), Labels[l], HeadCurvatureOf(l), HeadWeightOf(l));
            TNetwork.CurvatureTile(parameters, workspace, HeadCurvatures.AsSpan(0, count * TNetwork.OutputSize),
                TNetwork.Head == OutputHead.Rbf ? HeadWeights.AsSpan(0, count * TNetwork.OutputSize) : default, curvature);
        }

        /// <summary>
        /// One sample through the one-sample vector kernels, its gradient into <paramref name="gradients"/> and, when asked,
        /// its curvature.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public (double Loss, int Correct) RunSample(BatchConverter<T> data, int index, ReadOnlySpan<T> parameters, Loss loss,
            Span<T> gradients, T[]? curvature)
        {
            _sampleWorkspace ??= new T[TNetwork.WorkspaceSize];
            Span<T> input = Inputs.AsSpan(0, TNetwork.InputSize), output = OutputOf(0);
            data.FillImage(index, input);
            int label = data.Dataset.Label(index);
            TNetwork.ForwardSample(parameters, input, _sampleWorkspace, output);
            int correct = TNetwork.PredictedClass(output) == label ? 1 : 0;
            double value = loss.Evaluate<T>(output, label, HeadGradientOf(0));
            TNetwork.BackwardSample(parameters, input, _sampleWorkspace, HeadGradientOf(0), gradients, default);
            if (curvature is not null)
            {
                // The backward pass overwrote only the gradient regions of the workspace; the activations are still there.
                Array.Clear(curvature);
                loss.Curvature<T>(output, label, HeadCurvatureOf(0), HeadWeightOf(0));
                TNetwork.CurvatureSample(parameters, input, _sampleWorkspace, HeadCurvatureOf(0),
                    TNetwork.Head == OutputHead.Rbf ? HeadWeightOf(0) : default, curvature);
            }
            return (value, correct);
        }
    }
}
