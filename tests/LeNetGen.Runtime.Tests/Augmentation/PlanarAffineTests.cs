using System;
using Xunit;

namespace LeNetGen.Runtime.Tests.Augmentation;

/// <summary>The planar affine map moves a known image where the formula says, pixel for pixel.</summary>
public sealed class PlanarAffineTests
{
    private const int Rows = 28, Columns = 28;

    private static byte[] Ramp()
    {
        // f(x, y) = 3x + 2y + 10: bilinear interpolation reproduces a linear function exactly.
        var image = new byte[Rows * Columns];
        for (int y = 0; y < Rows; y++)
            for (int x = 0; x < Columns; x++) image[y * Columns + x] = (byte)(3 * x + 2 * y + 10);
        return image;
    }

    [Fact]
    public void TheIdentityCopiesTheImageExactly()
    {
        byte[] image = Ramp(), moved = new byte[image.Length];
        PlanarAffine.Identity.Warp(image, moved, Rows, Columns);
        Assert.Equal(image, moved);
    }

    [Fact]
    public void AWholePixelShiftMovesEveryPixelAndFillsTheRestWithBackground()
    {
        byte[] image = Ramp(), moved = new byte[image.Length];
        PlanarAffine.Distortion(1, 1, 0, shiftX: 2, shiftY: -1).Warp(image, moved, Rows, Columns);
        for (int y = 0; y < Rows; y++)
            for (int x = 0; x < Columns; x++)
            {
                int sx = x - 2, sy = y + 1;
                byte expected = sx is >= 0 and < Columns && sy is >= 0 and < Rows ? image[sy * Columns + sx] : (byte)0;
                Assert.True(expected == moved[y * Columns + x], $"pixel ({x}, {y}): expected {expected}, got {moved[y * Columns + x]}");
            }
    }

    [Fact]
    public void TheDistortionComposesScaleSqueezeAndHorizontalShearAboutTheCenter()
    {
        // Scale 1.2, squeeze 0.8: width x 0.96, height x 1.5; then x += 0.25 y; then (+1, -2).
        PlanarAffine map = PlanarAffine.Distortion(1.2, 0.8, 0.25, 1, -2);
        Assert.Equal(0.96, map.XX, 12);
        Assert.Equal(0.25 * 1.5, map.XY, 12);
        Assert.Equal(0, map.YX);
        Assert.Equal(1.5, map.YY, 12);
        // The center (13.5, 13.5) only moves by the shift; a point 2 below it goes 3 below and 0.75 right.
        Assert.Equal((14.5, 11.5), map.Map(13.5, 13.5, Rows, Columns));
        (double x, double y) = map.Map(13.5, 15.5, Rows, Columns);
        Assert.Equal(13.5 + 0.75 + 1, x, 12);
        Assert.Equal(13.5 + 3 - 2, y, 12);
    }

    [Fact]
    public void ACompoundMapOfARampGivesTheRampAtTheSourcePointOfEveryPixel()
    {
        byte[] image = Ramp(), moved = new byte[image.Length];
        PlanarAffine map = PlanarAffine.Distortion(1.1, 0.9, 0.2, 1.5, -0.5);
        map.Warp(image, moved, Rows, Columns);
        int inside = 0;
        for (int y = 0; y < Rows; y++)
            for (int x = 0; x < Columns; x++)
            {
                // The source point: solve map.Map(px, py) = (x, y) by Cramer's rule on the forward map.
                double bx = x - 13.5 - map.ShiftX, by = y - 13.5 - map.ShiftY, det = map.XX * map.YY - map.XY * map.YX;
                double px = (bx * map.YY - map.XY * by) / det + 13.5, py = (map.XX * by - map.YX * bx) / det + 13.5;
                (double fx, double fy) = map.Map(px, py, Rows, Columns);
                Assert.Equal(x, fx, 9);
                Assert.Equal(y, fy, 9);
                if (px is < 0 or > Columns - 1 || py is < 0 or > Rows - 1) continue;
                inside++;
                // The exact value, rounded to a byte (either way at a tie, which rounding error may tip).
                double exact = 3 * px + 2 * py + 10;
                Assert.InRange(moved[y * Columns + x], exact - 0.5 - 1e-9, exact + 0.5 + 1e-9);
            }
        Assert.True(inside > 500, $"only {inside} pixels came from inside the image");
    }

    [Fact]
    public void AMapThatFlattensTheImageIsRefused()
    {
        var flat = new PlanarAffine(1, 2, 0.5, 1, 0, 0);
        var e = Assert.Throws<ArgumentException>(() => flat.Warp(new byte[4], new byte[4], 2, 2));
        Assert.Contains("flattens the image", e.Message);
    }
}
