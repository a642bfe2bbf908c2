using System;

namespace LeNetGen;

/// <summary>
/// A planar affine map of an image about its center: a point p (column x, row y) goes to
/// A (p - center) + center + (<see cref="ShiftX"/>, <see cref="ShiftY"/>), where A = [[<see cref="XX"/>, <see cref="XY"/>], [<see cref="YX"/>, <see cref="YY"/>]].
/// <see cref="Warp"/> draws an image through it by inverse mapping with bilinear interpolation, background 0 outside.
/// </summary>
/// <param name="XX">How much a point's x adds to its new x.</param>
/// <param name="XY">How much a point's y adds to its new x (horizontal shearing).</param>
/// <param name="YX">How much a point's x adds to its new y.</param>
/// <param name="YY">How much a point's y adds to its new y.</param>
/// <param name="ShiftX">Columns to move right by.</param>
/// <param name="ShiftY">Rows to move down by.</param>
public readonly record struct PlanarAffine(double XX, double XY, double YX, double YY, double ShiftX, double ShiftY)
{
    /// <summary>The map that leaves every point where it is.</summary>
    public static PlanarAffine Identity => new(1, 0, 0, 1, 0, 0);

    /// <summary>
    /// The map of the paper's distortions: scaling by <paramref name="scale"/>, squeezing by <paramref name="squeeze"/>
    /// (width times it, height divided by it: horizontal compression with vertical elongation below 1, the reverse
    /// above), then horizontal shearing (x += <paramref name="shear"/> y), then a translation.
    /// </summary>
    /// <param name="scale">The overall scale, 1 for none.</param>
    /// <param name="squeeze">The squeeze, 1 for none.</param>
    /// <param name="shear">The horizontal shear, 0 for none.</param>
    /// <param name="shiftX">Columns to move right by.</param>
    /// <param name="shiftY">Rows to move down by.</param>
    public static PlanarAffine Distortion(double scale, double squeeze, double shear, double shiftX, double shiftY)
    {
        double sx = scale * squeeze, sy = scale / squeeze;
        // [[1, shear], [0, 1]] x diag(sx, sy)
        return new PlanarAffine(sx, shear * sy, 0, sy, shiftX, shiftY);
    }

    /// <summary>Where this map takes the point (<paramref name="x"/>, <paramref name="y"/>) of a <paramref name="rows"/> x <paramref name="columns"/> image.</summary>
    /// <param name="x">The column.</param>
    /// <param name="y">The row.</param>
    /// <param name="rows">The image's height.</param>
    /// <param name="columns">The image's width.</param>
    public (double X, double Y) Map(double x, double y, int rows, int columns)
    {
        double cx = (columns - 1) / 2.0, cy = (rows - 1) / 2.0, dx = x - cx, dy = y - cy;
        return (XX * dx + XY * dy + cx + ShiftX, YX * dx + YY * dy + cy + ShiftY);
    }

    /// <summary>
    /// Draws <paramref name="source"/> moved by this map into <paramref name="destination"/>: each destination pixel
    /// takes the bilinear interpolation of the source at the point the inverse map gives, 0 where that falls outside.
    /// </summary>
    /// <param name="source">A <paramref name="rows"/> x <paramref name="columns"/> image, row by row.</param>
    /// <param name="destination">Receives the moved image, of the same size; not <paramref name="source"/>.</param>
    /// <param name="rows">The image's height.</param>
    /// <param name="columns">The image's width.</param>
    /// <exception cref="ArgumentException">The map cannot be inverted, or a span's length is not rows x columns.</exception>
    public void Warp(ReadOnlySpan<byte> source, Span<byte> destination, int rows, int columns)
    {
        LengthGuard.Require(source.Length, rows * columns, "source pixels", nameof(source));
        LengthGuard.Require(destination.Length, rows * columns, "destination pixels", nameof(destination));
        double determinant = XX * YY - XY * YX;
        if (!(Math.Abs(determinant) > 1e-12) || !double.IsFinite(determinant))
            throw new ArgumentException($"The map {this} flattens the image (determinant {determinant}): it cannot be drawn.");
        double ixx = YY / determinant, ixy = -XY / determinant, iyx = -YX / determinant, iyy = XX / determinant;
        double cx = (columns - 1) / 2.0, cy = (rows - 1) / 2.0;
        for (int r = 0; r < rows; r++)
        {
            double dy = r - cy - ShiftY;
            for (int c = 0; c < columns; c++)
            {
                double dx = c - cx - ShiftX;
                double x = ixx * dx + ixy * dy + cx, y = iyx * dx + iyy * dy + cy;
                destination[r * columns + c] = Sample(source, rows, columns, x, y);
            }
        }
    }

    private static byte Sample(ReadOnlySpan<byte> image, int rows, int columns, double x, double y)
    {
        // The result is rounded to a byte, so the identity and whole-pixel shifts copy pixels exactly.
        double fx = Math.Floor(x), fy = Math.Floor(y);
        int x0 = (int)fx, y0 = (int)fy;
        if (x0 < -1 || y0 < -1 || x0 >= columns || y0 >= rows) return 0;
        double ax = x - fx, ay = y - fy;
        double value = (1 - ax) * (1 - ay) * At(image, rows, columns, x0, y0) + ax * (1 - ay) * At(image, rows, columns, x0 + 1, y0)
                     + (1 - ax) * ay * At(image, rows, columns, x0, y0 + 1) + ax * ay * At(image, rows, columns, x0 + 1, y0 + 1);
        return (byte)Math.Clamp(Math.Round(value), 0, 255);
    }

    private static double At(ReadOnlySpan<byte> image, int rows, int columns, int x, int y) =>
        (uint)x < (uint)columns && (uint)y < (uint)rows ? image[y * columns + x] : 0;

    /// <inheritdoc/>
    public override string ToString() => FormattableString.Invariant(
        $"[[{XX:G4}, {XY:G4}], [{YX:G4}, {YY:G4}]] + ({ShiftX:G4}, {ShiftY:G4})");
}
