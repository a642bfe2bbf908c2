using System;
using System.IO;
using System.Text;
using StbImageSharp;

namespace LeNetGen.Samples.Cli;

/// <summary>
/// Turns a PNG of a digit into a 28x28 image prepared as MNIST's were: grayscale, dark ink on light paper inverted
/// to MNIST's light ink on black, the ink's bounding box scaled to fit 20x20 keeping its aspect, then placed in 28x28 so
/// that its center of mass is at the center.
/// </summary>
internal static class PngDigit
{
    /// <summary>The digit in the image file <paramref name="path"/>.</summary>
    public static Dataset Load(string path)
    {
        using FileStream stream = File.OpenRead(path);
        return Load(stream, path);
    }

    /// <summary>The digit in the image <paramref name="stream"/> holds (`predict --image` and `serve` both come here); <paramref name="path"/> names it in messages.</summary>
    public static Dataset Load(Stream stream, string path)
    {
        ImageResult image;
        try
        {
            image = ImageResult.FromStream(stream, ColorComponents.Grey);
        }
        catch (Exception e) when (e is not IOException)
        {
            // StbImageSharp throws a bare Exception ("unknown image type") for anything it cannot decode.
            throw new InvalidDataException($"{path}: not an image this can read (PNG, JPEG, BMP, GIF, TGA, PSD or HDR): {e.Message}.", e);
        }
        int width = image.Width, height = image.Height;
        var ink = new double[width * height];
        double mean = 0;
        for (int i = 0; i < ink.Length; i++) mean += image.Data[i];
        mean /= ink.Length;
        bool darkInk = mean > 127; // paper brighter than ink: invert
        for (int i = 0; i < ink.Length; i++) ink[i] = (darkInk ? 255 - image.Data[i] : image.Data[i]) / 255.0;

        int top = height, bottom = -1, left = width, right = -1;
        for (int y = 0; y < height; y++)
            for (int x = 0; x < width; x++)
                if (ink[y * width + x] > 0.1)
                {
                    top = Math.Min(top, y); bottom = Math.Max(bottom, y);
                    left = Math.Min(left, x); right = Math.Max(right, x);
                }
        if (bottom < 0) throw new InvalidDataException($"{path}: the image has no ink (it is blank).");

        // Scale the bounding box into 20x20 (area averaging), keeping its aspect.
        int boxWidth = right - left + 1, boxHeight = bottom - top + 1;
        double scale = 20.0 / Math.Max(boxWidth, boxHeight);
        int w = Math.Max(1, (int)Math.Round(boxWidth * scale)), h = Math.Max(1, (int)Math.Round(boxHeight * scale));
        var small = new double[w * h];
        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++)
            {
                int y0 = top + (int)(y / scale), y1 = Math.Max(y0 + 1, top + (int)((y + 1) / scale));
                int x0 = left + (int)(x / scale), x1 = Math.Max(x0 + 1, left + (int)((x + 1) / scale));
                double sum = 0;
                int n = 0;
                for (int yy = y0; yy < Math.Min(y1, height); yy++)
                    for (int xx = x0; xx < Math.Min(x1, width); xx++) { sum += ink[yy * width + xx]; n++; }
                small[y * w + x] = n == 0 ? 0 : sum / n;
            }

        // Center of mass to the center of 28x28.
        double mass = 0, cy = 0, cx = 0;
        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++) { double v = small[y * w + x]; mass += v; cy += v * y; cx += v * x; }
        int offsetY = (int)Math.Round(14 - (mass > 0 ? cy / mass : h / 2.0) - 0.5), offsetX = (int)Math.Round(14 - (mass > 0 ? cx / mass : w / 2.0) - 0.5);
        var pixels = new byte[28 * 28];
        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++)
            {
                int ty = y + offsetY, tx = x + offsetX;
                if (ty is >= 0 and < 28 && tx is >= 0 and < 28) pixels[ty * 28 + tx] = (byte)Math.Clamp(Math.Round(small[y * w + x] * 255), 0, 255);
            }
        return new Dataset(Path.GetFileName(path), 28, 28, 10, pixels, new byte[] { 0 });
    }

    /// <summary>A 28x28 image as text, for the terminal.</summary>
    public static string Draw(ReadOnlySpan<byte> pixels, int rows, int columns)
    {
        var text = new StringBuilder();
        for (int y = 0; y < rows; y++)
        {
            for (int x = 0; x < columns; x++)
            {
                byte v = pixels[y * columns + x];
                text.Append(v > 170 ? '#' : v > 85 ? '+' : v > 20 ? '.' : ' ');
            }
            text.Append('\n');
        }
        return text.ToString().TrimEnd('\n');
    }
}
