using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace LeNetGen;

/// <summary>The global learning rate as training goes on, by pass (epoch, 0-based) and by step within the run.</summary>
public abstract class LearningRateSchedule
{
    /// <summary>The rate for a step.</summary>
    /// <param name="epoch">The pass over the training set, from 0.</param>
    /// <param name="progress">How far the whole run is, from 0 (first step) to 1 (last step).</param>
    public abstract double Rate(int epoch, double progress);

    /// <summary>A one-line description, e.g. for a run's metrics file.</summary>
    public abstract override string ToString();

    /// <summary>The same rate throughout.</summary>
    /// <param name="rate">The learning rate.</param>
    public static LearningRateSchedule Constant(double rate) => new StepSchedule(Positive(rate, nameof(rate)), int.MaxValue, 1.0);

    /// <summary>The rate multiplied by <paramref name="factor"/> every <paramref name="every"/> passes.</summary>
    /// <param name="rate">The initial rate.</param>
    /// <param name="every">Passes between decays.</param>
    /// <param name="factor">The factor of each decay, e.g. 0.1.</param>
    public static LearningRateSchedule Step(double rate, int every, double factor)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(every, 1);
        return new StepSchedule(Positive(rate, nameof(rate)), every, Positive(factor, nameof(factor)));
    }

    /// <summary>Cosine annealing from <paramref name="rate"/> to <paramref name="final"/> over the run.</summary>
    /// <param name="rate">The initial rate.</param>
    /// <param name="final">The rate at the end.</param>
    public static LearningRateSchedule Cosine(double rate, double final = 0)
    {
        Positive(rate, nameof(rate));
        if (!(final >= 0 && final <= rate))
            throw new ArgumentOutOfRangeException(nameof(final), final, $"The final rate must be from 0 to the initial rate ({rate}).");
        return new CosineSchedule(rate, final);
    }

    /// <summary><paramref name="value"/>, when it is a positive finite rate or factor; else an <see cref="ArgumentOutOfRangeException"/>.</summary>
    private static double Positive(double value, string name) =>
        value > 0 && double.IsFinite(value)
            ? value
            : throw new ArgumentOutOfRangeException(name, value, $"The {name} must be positive and finite: a rate of 0 or less trains nothing or climbs the loss.");

    /// <summary>
    /// The rate of each pass given by a table: LeCun et al. (1998) use 0.0005 for passes 1-2, 0.0002 for 3-5, 0.0001 for
    /// 6-8, 0.00005 for 9-12 and 0.00001 after (<see cref="Paper"/>).
    /// </summary>
    /// <param name="rates">Pairs (first pass, from 1; rate), ascending.</param>
    public static LearningRateSchedule PerPass(params (int FirstPass, double Rate)[] rates) => new PerPassSchedule(rates);

    /// <summary>The paper's schedule of the global rate eta for stochastic diagonal Levenberg-Marquardt.</summary>
    public static LearningRateSchedule Paper { get; } =
        PerPass((1, 0.0005), (3, 0.0002), (6, 0.0001), (9, 0.00005), (13, 0.00001));

    private sealed class StepSchedule(double rate, int every, double factor) : LearningRateSchedule
    {
        public override double Rate(int epoch, double progress) => rate * Math.Pow(factor, epoch / every);

        public override string ToString() => every == int.MaxValue
            ? FormattableString.Invariant($"constant {rate}")
            : FormattableString.Invariant($"step {rate} x {factor} every {every} passes");
    }

    private sealed class CosineSchedule(double rate, double final) : LearningRateSchedule
    {
        public override double Rate(int epoch, double progress) =>
            final + 0.5 * (rate - final) * (1 + Math.Cos(Math.PI * Math.Clamp(progress, 0, 1)));

        public override string ToString() => FormattableString.Invariant($"cosine {rate} -> {final}");
    }

    private sealed class PerPassSchedule : LearningRateSchedule
    {
        private readonly (int FirstPass, double Rate)[] _rates;

        public PerPassSchedule((int FirstPass, double Rate)[] rates)
        {
            if (rates.Length == 0 || rates[0].FirstPass != 1)
                throw new ArgumentException("A per-pass schedule starts at pass 1.", nameof(rates));
            for (int i = 1; i < rates.Length; i++)
                if (rates[i].FirstPass <= rates[i - 1].FirstPass)
                    throw new ArgumentException("The passes of a per-pass schedule must ascend.", nameof(rates));
            foreach (var (firstPass, rate) in rates) Positive(rate, $"rate from pass {firstPass}");
            _rates = rates;
        }

        public override double Rate(int epoch, double progress)
        {
            double rate = _rates[0].Rate;
            foreach (var (firstPass, r) in _rates)
                if (epoch + 1 >= firstPass) rate = r;
            return rate;
        }

        public override string ToString() =>
            "per pass " + string.Join(", ", _rates.Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.FirstPass}+: {r.Rate}")));
    }
}
