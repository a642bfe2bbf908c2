using System;

namespace LeNetGen;

/// <summary>
/// How a pixel byte (or a float image's value) becomes an input value: an affine map <c>value = Scale x pixel + Offset</c>. Both usual choices are
/// affine: the paper's (background 0 to -0.1, full ink 255 to 1.175, so the input has mean about 0 and variance about 1)
/// and mean/std standardization of [0, 1] pixels (PyTorch's <c>Normalize</c>). Padding is background: pixel 0.
/// <para>
/// A float image's values go through the same map. The byte presets (<see cref="Paper"/>, <see cref="UnitInterval"/>,
/// <see cref="MnistMeanStd"/>, <see cref="Linear(double, double)"/>, <see cref="MeanStd"/>) read a value as a pixel on
/// the 0-255 scale; <see cref="AsIs"/> takes prepared values as they are, and <see cref="MeanStdOf"/> of a float set
/// standardizes the values themselves. Padding of a float image is the value 0 mapped, i.e. <see cref="Offset"/>.
/// </para>
/// </summary>
public sealed record ImageNormalization
{
    private ImageNormalization(double scale, double offset, string description)
    {
        Scale = scale;
        Offset = offset;
        Description = description;
    }

    /// <summary>The paper's: background (white, 0) -0.1, foreground (black, 255) 1.175, linear in between.</summary>
    public static ImageNormalization Paper { get; } = Linear(-0.1, 1.175, "paper: 0 -> -0.1, 255 -> 1.175");

    /// <summary>Pixels divided by 255: background 0, full ink 1.</summary>
    public static ImageNormalization UnitInterval { get; } = Linear(0.0, 1.0, "pixel / 255");

    /// <summary>
    /// The identity: a value is taken as it is (scale 1, offset 0), for float images the caller has prepared already;
    /// padding gets 0.
    /// </summary>
    public static ImageNormalization AsIs { get; } = new(1.0, 0.0, "as is");

    /// <summary>MNIST's usual standardization: mean 0.1307 and standard deviation 0.3081 of [0, 1] training pixels.</summary>
    public static ImageNormalization MnistMeanStd { get; } = MeanStd(0.1307, 0.3081);

    /// <summary>The value of a pixel: <c>Scale x pixel + Offset</c>.</summary>
    public double Scale { get; }

    /// <summary>The value of background (pixel 0), which is also what padding gets.</summary>
    public double Offset { get; }

    /// <summary>The mapping in words, for reports and run metadata.</summary>
    public string Description { get; }

    /// <summary>A linear map sending pixel 0 to <paramref name="background"/> and 255 to <paramref name="foreground"/>.</summary>
    /// <param name="background">The value of pixel 0.</param>
    /// <param name="foreground">The value of pixel 255.</param>
    public static ImageNormalization Linear(double background, double foreground) =>
        Linear(background, foreground, $"0 -> {background:G6}, 255 -> {foreground:G6}");

    /// <summary>Standardization of [0, 1] pixels: <c>(pixel / 255 - mean) / std</c>.</summary>
    /// <param name="mean">The mean of the [0, 1] pixels, e.g. 0.1307 for MNIST's training set.</param>
    /// <param name="std">Their standard deviation, e.g. 0.3081; positive.</param>
    public static ImageNormalization MeanStd(double mean, double std)
    {
        if (!(std > 0) || !double.IsFinite(std)) throw new ArgumentOutOfRangeException(nameof(std), std, "The standard deviation must be positive and finite.");
        if (!double.IsFinite(mean)) throw new ArgumentOutOfRangeException(nameof(mean), mean, "The mean must be finite.");
        return new ImageNormalization(1.0 / (255.0 * std), -mean / std, $"(pixel / 255 - {mean:G6}) / {std:G6}");
    }

    /// <summary>
    /// Standardization with the mean and standard deviation of <paramref name="training"/>'s [0, 1] pixels, unpadded (as
    /// 0.1307 and 0.3081 were computed for MNIST). For float images, of their values as they are:
    /// <c>(value - mean) / std</c>.
    /// </summary>
    /// <param name="training">The training set; never the test set.</param>
    /// <exception cref="ArgumentException">The images are all one value (no standard deviation to divide by).</exception>
    public static ImageNormalization MeanStdOf(Dataset training)
    {
        ArgumentNullException.ThrowIfNull(training);
        if (training.HoldsFloats) return MeanStdOfValues(training);
        // Exact integer sums over a 256-bin histogram: no rounding drift over 47 million pixels.
        Span<long> histogram = stackalloc long[256];
        foreach (byte pixel in training.Pixels) histogram[pixel]++;
        long n = training.Pixels.Length, sum = 0;
        double sumOfSquares = 0;
        for (int p = 0; p < 256; p++)
        {
            sum += p * histogram[p];
            sumOfSquares += (double)p * p * histogram[p];
        }
        if (n == 0) throw new ArgumentException($"{training.Name} has no pixels.", nameof(training));
        double mean = (double)sum / n;
        double variance = sumOfSquares / n - mean * mean;
        return MeanStd(mean / 255.0, Math.Sqrt(Math.Max(variance, 0.0)) / 255.0);
    }

    private static ImageNormalization MeanStdOfValues(Dataset training)
    {
        // Two passes in double: the mean first, then the squared deviations from it (no cancellation of large sums).
        ReadOnlySpan<float> values = training.Values;
        double sum = 0;
        foreach (float v in values) sum += v;
        double mean = sum / values.Length, squares = 0;
        foreach (float v in values) squares += (v - mean) * (v - mean);
        double std = Math.Sqrt(squares / values.Length);
        if (!(std > 0) || !double.IsFinite(std) || !double.IsFinite(mean))
            throw new ArgumentException(
                $"{training.Name}'s values have mean {mean:G6} and standard deviation {std:G6}: there is nothing to standardize by.", nameof(training));
        return new ImageNormalization(1.0 / std, -mean / std, $"(value - {mean:G6}) / {std:G6}");
    }

    /// <summary>The value of <paramref name="pixel"/>.</summary>
    /// <param name="pixel">A pixel byte, 0 background to 255 full ink.</param>
    public double Apply(byte pixel) => Scale * pixel + Offset;

    /// <inheritdoc/>
    public override string ToString() => Description;

    private static ImageNormalization Linear(double background, double foreground, string description) =>
        new((foreground - background) / 255.0, background, description);
}
