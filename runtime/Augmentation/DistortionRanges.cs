using System;

namespace LeNetGen;

/// <summary>
/// How far the paper's training-set distortions (LeCun et al., 1998, section III.C: planar affine maps combining
/// horizontal and vertical translation, scaling, squeezing and horizontal shearing) may go. The paper gives the kinds,
/// not the ranges; <see cref="Default"/> is this library's choice. Each draw takes every amount uniformly from its range.
/// </summary>
/// <param name="MaxShift">Translation, in pixels, along each axis: from -MaxShift to +MaxShift.</param>
/// <param name="MaxScale">Scaling: a factor from 1 - MaxScale to 1 + MaxScale.</param>
/// <param name="MaxSqueeze">Squeezing: width times s and height divided by s, s from 1 - MaxSqueeze to 1 + MaxSqueeze.</param>
/// <param name="MaxShear">Horizontal shearing: x += k y, k from -MaxShear to +MaxShear.</param>
public sealed record DistortionRanges(double MaxShift, double MaxScale, double MaxSqueeze, double MaxShear)
{
    /// <summary>Up to 2 pixels of translation, 10% of scaling, 10% of squeezing, a shear of 0.2.</summary>
    public static DistortionRanges Default { get; } = new(2, 0.1, 0.1, 0.2);

    /// <summary>Checks that every range is finite, not negative, and keeps the image from flipping or vanishing.</summary>
    /// <exception cref="ArgumentException">A range is negative or not finite, or MaxScale or MaxSqueeze is 1 or more.</exception>
    public void Validate()
    {
        foreach ((string name, double value) in new[] { (nameof(MaxShift), MaxShift), (nameof(MaxScale), MaxScale), (nameof(MaxSqueeze), MaxSqueeze), (nameof(MaxShear), MaxShear) })
            if (!double.IsFinite(value) || value < 0)
                throw new ArgumentException($"Distortion range {name} is {value}: it must be a finite number of 0 or more.");
        if (MaxScale >= 1 || MaxSqueeze >= 1)
            throw new ArgumentException($"Distortion ranges MaxScale {MaxScale} and MaxSqueeze {MaxSqueeze} must be below 1: a factor of 0 or less flattens or flips the image.");
    }

    /// <summary>Draws one distortion from <paramref name="random"/>: scale, squeeze, shear, then the two shifts, in that order.</summary>
    /// <param name="random">The stream to draw from; five draws are taken.</param>
    public PlanarAffine Draw(SeededRandom random)
    {
        ArgumentNullException.ThrowIfNull(random);
        double scale = 1 + Symmetric(random, MaxScale);
        double squeeze = 1 + Symmetric(random, MaxSqueeze);
        double shear = Symmetric(random, MaxShear);
        double shiftX = Symmetric(random, MaxShift), shiftY = Symmetric(random, MaxShift);
        return PlanarAffine.Distortion(scale, squeeze, shear, shiftX, shiftY);
    }

    private static double Symmetric(SeededRandom random, double limit) => (2 * random.NextDouble() - 1) * limit;
}
