using System;
using System.Collections.Generic;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace LeNetGen;

/// <summary>
/// Turns a minibatch's mean gradient into a parameter update. An optimizer owns its state (momentum buffers,
/// curvature estimates) as named blocks of the parameter buffer's length, so a checkpoint can save and restore it.
/// </summary>
/// <typeparam name="T">The element type.</typeparam>
public abstract class Optimizer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Creates the optimizer with the schedule it uses unless told otherwise.</summary>
    /// <param name="defaultSchedule">The schedule when <see cref="Schedule"/> is not set.</param>
    private protected Optimizer(LearningRateSchedule defaultSchedule) => Schedule = defaultSchedule;

    /// <summary>The learning rate schedule; each optimizer has a default that trains LeNet-5 (see the derived classes).</summary>
    public LearningRateSchedule Schedule
    {
        get;
        init => field = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>
    /// How many training samples the trainer estimates the curvature on before each pass (into
    /// <see cref="PassCurvature"/>); 0 for optimizers that use none.
    /// </summary>
    public virtual int CurvatureSamplesPerPass => 0;

    /// <summary>Where the trainer writes the curvature estimate made before each pass; empty for optimizers that use none.</summary>
    public virtual Span<T> PassCurvature => default;

    /// <summary>
    /// Whether the trainer should hand the curvature of a minibatch's first sample to <see cref="UpdateCurvature"/>
    /// before the step of minibatch <paramref name="batch"/> of the pass.
    /// </summary>
    /// <param name="batch">The minibatch's index in the pass.</param>
    public virtual bool WantsCurvature(int batch) => false;

    /// <summary>Takes one sample's curvature d2E/dw_k2 (diagonal Gauss-Newton) into the optimizer's estimate; nothing by default.</summary>
    /// <param name="sampleCurvature">One value per parameter.</param>
    public virtual void UpdateCurvature(ReadOnlySpan<T> sampleCurvature) { }

    /// <summary>The optimizer's state blocks by name, each as long as the parameter buffer.</summary>
    public abstract IReadOnlyDictionary<string, T[]> State { get; }

    /// <summary>The settings a resumed run must share with the run it continues (momentum, mu, ...), by name.</summary>
    public abstract IReadOnlyDictionary<string, double> Settings { get; }

    /// <summary>Applies one update.</summary>
    /// <param name="parameters">The parameters, updated in place.</param>
    /// <param name="gradients">dE/dw, averaged over the minibatch.</param>
    /// <param name="rate">The learning rate of this step.</param>
    /// <returns>Whether every parameter is still a finite number after the step.</returns>
    public abstract bool Step(Span<T> parameters, ReadOnlySpan<T> gradients, double rate);

    /// <summary>
    /// Whether a step can be applied part by part (<see cref="StepPart"/>), each element of the parameters updated
    /// exactly as <see cref="Step"/> would; the trainer then spreads a minibatch's step over its threads, each part right
    /// after its gradients are summed. False by default.
    /// </summary>
    public virtual bool StepsInParts => false;

    /// <summary>Prepares a step that follows as parts (<see cref="StepPart"/>); called once, before the parts.</summary>
    public virtual void PrepareStep() { }

    /// <summary>
    /// Applies one update to the parameters from <paramref name="start"/> to <paramref name="start"/> +
    /// <paramref name="length"/> only. The parts of one step do not overlap and may run at the same time on different
    /// threads, after <see cref="PrepareStep"/>; together they cover the parameters once.
    /// </summary>
    /// <param name="parameters">All the parameters; only the part is updated.</param>
    /// <param name="gradients">All the gradients, averaged over the minibatch; only the part is read.</param>
    /// <param name="rate">The learning rate of this step.</param>
    /// <param name="start">The part's first parameter.</param>
    /// <param name="length">The part's length.</param>
    /// <returns>Whether every parameter of the part is still a finite number after the step.</returns>
    public virtual bool StepPart(Span<T> parameters, ReadOnlySpan<T> gradients, double rate, int start, int length) =>
        throw new NotSupportedException($"{GetType().Name} applies its steps whole; see {nameof(StepsInParts)}.");

    /// <summary>
    /// Applies one update, then sets <paramref name="gradients"/> to zero for the next sums: for one-sample steps, where
    /// an optimizer that does both in one pass over the gradients saves a pass over the whole buffer.
    /// </summary>
    /// <param name="parameters">The parameters, updated in place.</param>
    /// <param name="gradients">dE/dw of the step; zero afterwards.</param>
    /// <param name="rate">The learning rate of this step.</param>
    /// <returns>Whether every parameter is still a finite number after the step.</returns>
    public virtual bool StepAndClear(Span<T> parameters, Span<T> gradients, double rate)
    {
        bool finite = Step(parameters, gradients, rate);
        gradients.Clear();
        return finite;
    }

    /// <summary>A one-line description, e.g. for a run's metrics file.</summary>
    public abstract override string ToString();
}

/// <summary>
/// Minibatch SGD with momentum and L2 weight decay: v = m v - rate (g + decay w); w += v. By default a constant rate of
/// 0.01, momentum 0.9 and no weight decay, which train the modern LeNet-5 (ReLU, softmax, minibatches of 64) to 99%.
/// </summary>
/// <typeparam name="T">The element type.</typeparam>
public sealed class SgdOptimizer<T> : Optimizer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly T[] _velocity;

    /// <summary>Creates the optimizer for <paramref name="parameterCount"/> parameters.</summary>
    /// <param name="parameterCount">The length of the parameter buffer.</param>
    public SgdOptimizer(int parameterCount) : base(LearningRateSchedule.Constant(0.01)) => _velocity = new T[parameterCount];

    /// <summary>The momentum m, from 0 (plain SGD) to below 1 (0.9 by default): at 1 or more the velocity never decays.</summary>
    public double Momentum
    {
        get;
        init
        {
            if (!(value >= 0 && value < 1))
                throw new ArgumentOutOfRangeException(nameof(value), value, "The momentum must be from 0 to below 1.");
            field = value;
        }
    } = 0.9;

    /// <summary>The L2 weight decay, 0 or more.</summary>
    public double WeightDecay
    {
        get;
        init
        {
            if (!(value >= 0 && double.IsFinite(value)))
                throw new ArgumentOutOfRangeException(nameof(value), value, "The weight decay must be 0 or more, and finite.");
            field = value;
        }
    }

    /// <inheritdoc/>
    public override IReadOnlyDictionary<string, T[]> State => new Dictionary<string, T[]> { ["velocity"] = _velocity };

    /// <inheritdoc/>
    public override IReadOnlyDictionary<string, double> Settings =>
        new Dictionary<string, double> { ["momentum"] = Momentum, ["weight_decay"] = WeightDecay };

    /// <inheritdoc/>
    public override bool Step(Span<T> parameters, ReadOnlySpan<T> gradients, double rate) =>
        StepPart(parameters, gradients, rate, 0, _velocity.Length);

    /// <inheritdoc/>
    public override bool StepsInParts => true;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override bool StepPart(Span<T> allParameters, ReadOnlySpan<T> allGradients, double rate, int start, int length)
    {
        LengthGuard.Require(allParameters.Length, _velocity.Length, "parameters", nameof(allParameters));
        LengthGuard.Require(allGradients.Length, _velocity.Length, "gradients", nameof(allGradients));
        Span<T> parameters = allParameters.Slice(start, length), velocity = _velocity.AsSpan(start, length);
        ReadOnlySpan<T> gradients = allGradients.Slice(start, length);
        T m = T.CreateTruncating(Momentum), r = T.CreateTruncating(rate), decay = T.CreateTruncating(WeightDecay);
        // Vectors first, the tail one by one; each element sees the same operations in the same order either way.
        Span<Vector<T>> vw = MemoryMarshal.Cast<T, Vector<T>>(parameters), vv = MemoryMarshal.Cast<T, Vector<T>>(velocity);
        ReadOnlySpan<Vector<T>> vg = MemoryMarshal.Cast<T, Vector<T>>(gradients);
        Vector<T> vm = new(m), vr = new(r), vdecay = new(decay), bad = Vector<T>.Zero;
        for (int i = 0; i < vw.Length; i++)
        {
            Vector<T> v = vm * vv[i] - vr * (vg[i] + vdecay * vw[i]);
            vv[i] = v;
            vw[i] += v;
            bad |= vw[i] - vw[i]; // +0 for a finite parameter, NaN otherwise; ORed, a chain of one-cycle steps
        }
        T check = bad == Vector<T>.Zero ? T.Zero : T.NaN;
        for (int k = vw.Length * Vector<T>.Count; k < parameters.Length; k++)
        {
            T v = m * velocity[k] - r * (gradients[k] + decay * parameters[k]);
            velocity[k] = v;
            parameters[k] += v;
            check += parameters[k] * T.Zero;
        }
        return T.IsFinite(check);
    }

    /// <inheritdoc/>
    public override string ToString() =>
        FormattableString.Invariant($"SGD, momentum {Momentum}, weight decay {WeightDecay}, {Schedule}");
}

/// <summary>
/// LeCun et al.'s (1998) stochastic diagonal Levenberg-Marquardt, appendix C: each parameter's own step
/// eps_k = eta / (mu + h_kk), with h_kk the average diagonal Gauss-Newton curvature estimated on a few hundred samples
/// before each pass; w_k -= eps_k dE/dw_k. With <see cref="CurvatureEvery"/> above 0, h_kk is also kept up to date
/// during the pass by the paper's running average h_kk &lt;- (1 - gamma) h_kk + gamma d2E/dw_k2 on every
/// <see cref="CurvatureEvery"/>-th sample, so the steps follow the activations as they grow: from LeCun's
/// initialization they grow a hundredfold within the first few hundred samples, and an estimate made before the pass
/// then leaves steps a hundred times too large (see <see cref="CurvatureEvery"/>). By default the paper's schedule
/// (<see cref="LearningRateSchedule.Paper"/>), mu 0.2 and the running average on every 4th sample with gamma 0.02:
/// the README's recipe, which trains the classic LeNet-5 to 1.5% test error in two passes.
/// </summary>
/// <typeparam name="T">The element type.</typeparam>
public sealed class SdlmOptimizer<T> : Optimizer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly T[] _curvature;

    // 1 / (mu + h_kk), one per parameter, so that a step multiplies instead of dividing 60,000 times; made again on the
    // first step after anything could have changed h_kk (every member that hands it out or updates it marks it stale).
    private readonly T[] _inverse;
    private bool _inverseStale = true;

    /// <summary>Creates the optimizer for <paramref name="parameterCount"/> parameters.</summary>
    /// <param name="parameterCount">The length of the parameter buffer.</param>
    public SdlmOptimizer(int parameterCount) : base(LearningRateSchedule.Paper)
    {
        _curvature = new T[parameterCount];
        _inverse = new T[parameterCount];
    }

    /// <summary>
    /// mu, which bounds the step where the curvature is small: 0.2 by default, 0.02 in the paper (which, from LeCun's
    /// initialization, saturates F6 within ten samples here; see the README). Positive: at 0 or below, a parameter of
    /// no curvature gets an unbounded (or reversed) step.
    /// </summary>
    public double Mu
    {
        get;
        init
        {
            if (!(value > 0 && double.IsFinite(value)))
                throw new ArgumentOutOfRangeException(nameof(value), value, "mu must be positive and finite.");
            field = value;
        }
    } = 0.2;

    /// <summary>How many training samples the curvature is estimated on before each pass: 500 in the paper.</summary>
    public int CurvatureSamples { get; init; } = 500;

    /// <summary>
    /// Every how many training samples the running average of h_kk takes in the current sample's curvature
    /// (h_kk &lt;- (1 - <see cref="CurvatureDecay"/>) h_kk + <see cref="CurvatureDecay"/> d2E/dw_k2); 0 keeps the
    /// estimate made before the pass for the whole pass. With minibatches, the first sample of every
    /// <see cref="CurvatureEvery"/>-th minibatch counts (so 1 means one sample per minibatch). 4 by default.
    /// </summary>
    public int CurvatureEvery
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            field = value;
        }
    } = 4;

    /// <summary>gamma of the running average of h_kk (see <see cref="CurvatureEvery"/>), in (0, 1]: small; 0.02 by default.</summary>
    public double CurvatureDecay
    {
        get;
        init
        {
            if (!(value > 0 && value <= 1))
                throw new ArgumentOutOfRangeException(nameof(value), value, "gamma of the running average of h_kk must be in (0, 1].");
            field = value;
        }
    } = 0.02;

    /// <inheritdoc/>
    public override int CurvatureSamplesPerPass => CurvatureSamples;

    /// <inheritdoc/>
    public override Span<T> PassCurvature => Handed();

    /// <inheritdoc/>
    public override bool WantsCurvature(int batch) => CurvatureEvery > 0 && batch % CurvatureEvery == 0;

    /// <summary>
    /// Takes one sample's curvature into the running average: h_kk &lt;- (1 - gamma) h_kk + gamma d2E/dw_k2, gamma
    /// being <see cref="CurvatureDecay"/>.
    /// </summary>
    /// <param name="sampleCurvature">d2E/dw_k2 of one sample (diagonal Gauss-Newton), one per parameter.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void UpdateCurvature(ReadOnlySpan<T> sampleCurvature)
    {
        LengthGuard.Require(sampleCurvature.Length, _curvature.Length, "curvatures", nameof(sampleCurvature));
        // The step sizes' 1 / (mu + h_kk) are made in the same pass.
        T gamma = T.CreateTruncating(CurvatureDecay), keep = T.One - gamma, mu = T.CreateTruncating(Mu);
        Span<T> curvature = _curvature;
        Span<Vector<T>> vh = MemoryMarshal.Cast<T, Vector<T>>(curvature), vi = MemoryMarshal.Cast<T, Vector<T>>(_inverse.AsSpan());
        ReadOnlySpan<Vector<T>> vs = MemoryMarshal.Cast<T, Vector<T>>(sampleCurvature);
        Vector<T> vkeep = new(keep), vgamma = new(gamma), vmu = new(mu);
        for (int i = 0; i < vh.Length; i++)
        {
            Vector<T> h = vkeep * vh[i] + vgamma * vs[i];
            vh[i] = h;
            vi[i] = Vector<T>.One / (vmu + h);
        }
        for (int k = vh.Length * Vector<T>.Count; k < curvature.Length; k++)
        {
            curvature[k] = keep * curvature[k] + gamma * sampleCurvature[k];
            _inverse[k] = T.One / (mu + curvature[k]);
        }
        _inverseStale = false;
    }

    /// <summary>The current estimates h_kk, one per parameter.</summary>
    public Span<T> Curvature => Handed();

    /// <inheritdoc/>
    public override IReadOnlyDictionary<string, T[]> State
    {
        get
        {
            _inverseStale = true; // a checkpoint being restored writes into it
            return new Dictionary<string, T[]> { ["hkk"] = _curvature };
        }
    }

    /// <summary>h_kk for a caller that may write it: the inverses are made again before the next step.</summary>
    private T[] Handed()
    {
        _inverseStale = true;
        return _curvature;
    }

    /// <inheritdoc/>
    public override IReadOnlyDictionary<string, double> Settings => new Dictionary<string, double>
    {
        ["mu"] = Mu, ["curvature_samples"] = CurvatureSamples, ["curvature_every"] = CurvatureEvery, ["curvature_decay"] = CurvatureDecay,
    };

    /// <inheritdoc/>
    public override bool Step(Span<T> parameters, ReadOnlySpan<T> gradients, double rate)
    {
        PrepareStep();
        return Update(parameters, gradients, rate, clear: false, 0, _curvature.Length);
    }

    /// <inheritdoc/>
    public override bool StepAndClear(Span<T> parameters, Span<T> gradients, double rate)
    {
        PrepareStep();
        return Update(parameters, gradients, rate, clear: true, 0, _curvature.Length);
    }

    /// <inheritdoc/>
    public override bool StepsInParts => true;

    /// <summary>Recomputes the step sizes' 1 / (mu + h_kk) when the curvature changed since the last step.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void PrepareStep()
    {
        if (!_inverseStale) return;
        T mu = T.CreateTruncating(Mu);
        Span<Vector<T>> inverses = MemoryMarshal.Cast<T, Vector<T>>(_inverse.AsSpan());
        ReadOnlySpan<Vector<T>> curvatures = MemoryMarshal.Cast<T, Vector<T>>(_curvature.AsSpan());
        Vector<T> vmu = new(mu);
        for (int i = 0; i < inverses.Length; i++) inverses[i] = Vector<T>.One / (vmu + curvatures[i]);
        for (int j = inverses.Length * Vector<T>.Count; j < _inverse.Length; j++) _inverse[j] = T.One / (mu + _curvature[j]);
        _inverseStale = false;
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override bool StepPart(Span<T> parameters, ReadOnlySpan<T> gradients, double rate, int start, int length)
    {
        if (_inverseStale) throw new InvalidOperationException($"The curvature changed since {nameof(PrepareStep)}; call it before a step's parts.");
        return Update(parameters, gradients, rate, clear: false, start, length);
    }

    /// <summary>w -= eta / (mu + h_kk) g on one part, and with <paramref name="clear"/> g = 0 in the same pass.</summary>
    private bool Update(Span<T> allParameters, ReadOnlySpan<T> allGradients, double rate, bool clear, int start, int length)
    {
        LengthGuard.Require(allParameters.Length, _curvature.Length, "parameters", nameof(allParameters));
        LengthGuard.Require(allGradients.Length, _curvature.Length, "gradients", nameof(allGradients));
        Span<T> parameters = allParameters.Slice(start, length);
        ReadOnlySpan<T> gradients = allGradients.Slice(start, length);
        T eta = T.CreateTruncating(rate);
        ReadOnlySpan<T> inverse = _inverse.AsSpan(start, length);
        // w -= eta / (mu + h) g, 512 bits at a time where the processor has them; a non-finite parameter shows as a
        // non-zero w - w, whose bits are ORed together (a chain of one-cycle ORs, not of adds).
        int k = 0;
        bool finite;
        if (Vector512.IsHardwareAccelerated)
        {
            Vector512<T> veta = Vector512.Create(eta), bad = Vector512<T>.Zero;
            ref T w = ref MemoryMarshal.GetReference(parameters);
            ref T g = ref MemoryMarshal.GetReference(gradients);
            ref T i = ref MemoryMarshal.GetReference(inverse);
            for (; k <= parameters.Length - Vector512<T>.Count; k += Vector512<T>.Count)
            {
                Vector512<T> updated = Vector512.LoadUnsafe(ref w, (nuint)k) - veta * Vector512.LoadUnsafe(ref i, (nuint)k) * Vector512.LoadUnsafe(ref g, (nuint)k);
                updated.StoreUnsafe(ref w, (nuint)k);
                if (clear) Vector512<T>.Zero.StoreUnsafe(ref g, (nuint)k);
                bad |= updated - updated;
            }
            finite = bad == Vector512<T>.Zero;
        }
        else
        {
            Span<Vector<T>> vw = MemoryMarshal.Cast<T, Vector<T>>(parameters);
            ReadOnlySpan<Vector<T>> vg = MemoryMarshal.Cast<T, Vector<T>>(gradients), vi = MemoryMarshal.Cast<T, Vector<T>>(inverse);
            Vector<T> veta = new(eta), bad = Vector<T>.Zero;
            for (int v = 0; v < vw.Length; v++)
            {
                vw[v] -= veta * vi[v] * vg[v];
                bad |= vw[v] - vw[v];
            }
            if (clear) MemoryMarshal.CreateSpan(ref MemoryMarshal.GetReference(gradients), vw.Length * Vector<T>.Count).Clear();
            finite = bad == Vector<T>.Zero;
            k = vw.Length * Vector<T>.Count;
        }
        T check = T.Zero;
        int tail = k;
        for (; k < parameters.Length; k++)
        {
            parameters[k] -= eta * inverse[k] * gradients[k];
            check += parameters[k] * T.Zero;
        }
        if (clear) MemoryMarshal.CreateSpan(ref MemoryMarshal.GetReference(gradients), gradients.Length).Slice(tail).Clear();
        return finite && T.IsFinite(check);
    }

    /// <inheritdoc/>
    public override string ToString() =>
        CurvatureEvery > 0
            ? FormattableString.Invariant($"SDLM, mu {Mu}, curvature on {CurvatureSamples} samples before each pass and a running average (gamma {CurvatureDecay}) every {CurvatureEvery} samples, {Schedule}")
            : FormattableString.Invariant($"SDLM, mu {Mu}, curvature on {CurvatureSamples} samples before each pass, {Schedule}");
}
