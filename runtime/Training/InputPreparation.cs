using System;
using System.Numerics;

namespace LeNetGen;

/// <summary>
/// How a network's images were prepared: the normalization (value = <see cref="Scale"/> x pixel + <see cref="Offset"/>)
/// and where each image sat in the input (<see cref="PadTop"/>, <see cref="PadLeft"/>). A network trained on one
/// preparation computes something else on another (LeNet-5 trained with the paper's normalization and evaluated with
/// mean/std standardization: 78.88% error instead of 21.68%), so a checkpoint records it (<see cref="RecordIn{T}"/>) and
/// whoever evaluates the checkpoint uses it or refuses another (<see cref="RecordedIn{T}"/>).
/// </summary>
/// <param name="Scale">The normalization's factor per pixel byte.</param>
/// <param name="Offset">The normalization's value of pixel 0.</param>
/// <param name="PadTop">Rows of background above each image.</param>
/// <param name="PadLeft">Columns of background left of each image.</param>
public sealed record InputPreparation(double Scale, double Offset, int PadTop, int PadLeft)
{
    private const string ScaleName = "input.scale", OffsetName = "input.offset", PadTopName = "input.pad_top", PadLeftName = "input.pad_left";

    /// <summary>The preparation <paramref name="converter"/> applies.</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="converter">The images as a network gets them.</param>
    public static InputPreparation Of<T>(BatchConverter<T> converter) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(converter);
        return new(converter.Normalization.Scale, converter.Normalization.Offset, converter.PadTop, converter.PadLeft);
    }

    /// <summary>Whether <paramref name="normalization"/> is this preparation's normalization.</summary>
    /// <param name="normalization">A normalization.</param>
    public bool HasNormalization(ImageNormalization normalization)
    {
        ArgumentNullException.ThrowIfNull(normalization);
        return normalization.Scale == Scale && normalization.Offset == Offset;
    }

    /// <summary>Writes this preparation into <paramref name="state"/> (values <c>input.scale</c>, <c>input.offset</c>; counters <c>input.pad_top</c>, <c>input.pad_left</c>).</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="state">A checkpoint's state, e.g. from <see cref="TrainingCheckpoint.Capture{TNetwork, T}"/>.</param>
    public void RecordIn<T>(CheckpointState<T> state) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(state);
        state.SetValue(ScaleName, Scale);
        state.SetValue(OffsetName, Offset);
        state.SetCounter(PadTopName, PadTop);
        state.SetCounter(PadLeftName, PadLeft);
    }

    /// <summary>The preparation <paramref name="checkpoint"/> records, or null when it records none (it was written before checkpoints did).</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="checkpoint">A checkpoint.</param>
    /// <exception cref="CheckpointException">It records part of a preparation, or one that cannot be (padding outside 0 to 2^31 - 1, a value not finite).</exception>
    public static InputPreparation? RecordedIn<T>(Checkpoint<T> checkpoint) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        CheckpointState<T> state = checkpoint.State;
        bool any = state.Values.ContainsKey(ScaleName) || state.Values.ContainsKey(OffsetName)
            || state.Counters.ContainsKey(PadTopName) || state.Counters.ContainsKey(PadLeftName);
        if (!any) return null;
        double scale = state.GetValue(ScaleName), offset = state.GetValue(OffsetName);
        long top = state.GetCounter(PadTopName), left = state.GetCounter(PadLeftName);
        if (!double.IsFinite(scale) || !double.IsFinite(offset) || top is < 0 or > int.MaxValue || left is < 0 or > int.MaxValue)
            throw new CheckpointException(CheckpointProblem.InvalidCounters,
                $"This checkpoint records an input preparation no images can have had: scale {scale}, offset {offset}, padding {top} rows and {left} columns.");
        return new InputPreparation(scale, offset, (int)top, (int)left);
    }
}
