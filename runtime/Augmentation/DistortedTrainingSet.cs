using System;
using System.Threading.Tasks;

namespace LeNetGen;

/// <summary>
/// The training set as one pass sees it with the paper's distortions: every image moved by its own random planar affine
/// map (<see cref="DistortionRanges"/>), drawn afresh for each pass. The map of image i in pass e depends only on the
/// seed, e and i, so a pass is the same on any number of threads and a run resumed from a checkpoint (which records the
/// pass) sees the same distorted images as the run that wrote it. The labels are the original's; the pixels live in one
/// buffer that <see cref="Prepare"/> overwrites, behind one <see cref="Dataset"/> and <see cref="BatchConverter{T}"/>
/// made once: call it between passes, never during one.
/// </summary>
/// <typeparam name="T">The network's element type.</typeparam>
public sealed class DistortedTrainingSet<T> where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
{
    private const string ShiftName = "distort.max_shift", ScaleName = "distort.max_scale", SqueezeName = "distort.max_squeeze",
        ShearName = "distort.max_shear", SeedName = "distort.seed";

    private readonly Dataset _original;
    private readonly byte[] _pixels;

    /// <summary>Prepares distorted passes over <paramref name="original"/>.</summary>
    /// <param name="original">The training images, left unchanged.</param>
    /// <param name="normalization">How pixel bytes become values.</param>
    /// <param name="ranges">How far the distortions go.</param>
    /// <param name="seed">The seed of the distortions.</param>
    /// <param name="inputRows">The height of the network's input (32 for LeNet-5).</param>
    /// <param name="inputColumns">The width of the network's input (32 for LeNet-5).</param>
    public DistortedTrainingSet(Dataset original, ImageNormalization normalization, DistortionRanges ranges, ulong seed, int inputRows = 32, int inputColumns = 32)
    {
        ArgumentNullException.ThrowIfNull(original);
        ArgumentNullException.ThrowIfNull(ranges);
        ranges.Validate();
        if (original.Channels != 1 || original.HoldsFloats)
            throw new ArgumentException(
                $"The paper's distortions are for one-channel byte images (digits); {original.Name} has {original.Shape} {(original.HoldsFloats ? "float" : "byte")} images.",
                nameof(original));
        _original = original;
        Ranges = ranges;
        Seed = seed;
        _pixels = original.Pixels.ToArray();
        Converter = new BatchConverter<T>(new Dataset(original.Name + " (distorted)", original.Rows, original.Columns, original.ClassCount, _pixels,
            original.Labels.ToArray()), normalization, inputRows, inputColumns);
    }

    /// <summary>How far the distortions go.</summary>
    public DistortionRanges Ranges { get; }

    /// <summary>The seed of the distortions.</summary>
    public ulong Seed { get; }

    /// <summary>The pass whose images the converter holds, or -1 before the first <see cref="Prepare"/>.</summary>
    public int PreparedPass { get; private set; } = -1;

    /// <summary>The distorted images, for the trainer; their pixels change with each <see cref="Prepare"/>.</summary>
    public BatchConverter<T> Converter { get; }

    /// <summary>The map image <paramref name="index"/> gets in pass <paramref name="pass"/> (0 for the first).</summary>
    /// <param name="pass">The pass, counted from 0 (a trainer's <see cref="Trainer{TNetwork, T}.Epoch"/> before it trains it).</param>
    /// <param name="index">The image.</param>
    public PlanarAffine MapOf(int pass, int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(pass);
        _original.CheckIndex(index);
        return Ranges.Draw(new SeededRandom(StreamOf(Seed, pass, index)));
    }

    /// <summary>Fills the converter's images with those of pass <paramref name="pass"/>; nothing is done when they already are.</summary>
    /// <param name="pass">The pass, counted from 0: the trainer's <see cref="Trainer{TNetwork, T}.Epoch"/> before the pass.</param>
    /// <param name="threads">Threads to use; 0 for one per processor.</param>
    public void Prepare(int pass, int threads = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(pass);
        if (pass == PreparedPass) return;
        int size = _original.ImageSize, rows = _original.Rows, columns = _original.Columns;
        var options = new ParallelOptions { MaxDegreeOfParallelism = threads <= 0 ? Environment.ProcessorCount : threads };
        Parallel.For(0, _original.Count, options, i =>
            MapOf(pass, i).Warp(_original.Image(i), _pixels.AsSpan(i * size, size), rows, columns));
        PreparedPass = pass;
    }

    /// <summary>Writes the ranges and the seed into <paramref name="state"/> (values <c>distort.max_*</c>, counter <c>distort.seed</c>).</summary>
    /// <param name="state">A checkpoint's state.</param>
    public void RecordIn(CheckpointState<T> state)
    {
        ArgumentNullException.ThrowIfNull(state);
        state.SetValue(ShiftName, Ranges.MaxShift);
        state.SetValue(ScaleName, Ranges.MaxScale);
        state.SetValue(SqueezeName, Ranges.MaxSqueeze);
        state.SetValue(ShearName, Ranges.MaxShear);
        state.SetCounter(SeedName, unchecked((long)Seed));
    }

    /// <summary>The distortions <paramref name="checkpoint"/> was trained with (ranges and seed), or null when it was trained without.</summary>
    /// <param name="checkpoint">A checkpoint.</param>
    /// <exception cref="CheckpointException">It records part of the distortions, or ranges no run can have used.</exception>
    public static (DistortionRanges Ranges, ulong Seed)? RecordedIn(Checkpoint<T> checkpoint)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        CheckpointState<T> state = checkpoint.State;
        bool any = state.Values.ContainsKey(ShiftName) || state.Values.ContainsKey(ScaleName) || state.Values.ContainsKey(SqueezeName)
            || state.Values.ContainsKey(ShearName) || state.Counters.ContainsKey(SeedName);
        if (!any) return null;
        var ranges = new DistortionRanges(state.GetValue(ShiftName), state.GetValue(ScaleName), state.GetValue(SqueezeName), state.GetValue(ShearName));
        try
        {
            ranges.Validate();
        }
        catch (ArgumentException e)
        {
            throw new CheckpointException(CheckpointProblem.InvalidCounters, $"This checkpoint records distortions no run can have used: {e.Message}");
        }
        return (ranges, unchecked((ulong)state.GetCounter(SeedName)));
    }

    // One stream per (seed, pass, image), mixed so that neighbouring passes and images do not share draws.
    private static ulong StreamOf(ulong seed, int pass, int index)
    {
        var mix = new SeededRandom(seed ^ 0xD1B54A32D192ED03UL);
        ulong a = mix.NextUInt64();
        mix.State = a ^ ((ulong)(uint)pass << 32 | (uint)index);
        return mix.NextUInt64();
    }
}
