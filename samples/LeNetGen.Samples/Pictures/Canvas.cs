using System;
using System.IO;
using SkiaSharp;

namespace LeNetGen.Samples.Pictures;

/// <summary>A white SkiaSharp surface to draw grids of small gray images and their captions on, saved as PNG.</summary>
internal sealed class Canvas : IDisposable
{
    private readonly SKSurface _surface;
    private readonly SKFont _font;
    private readonly SKPaint _ink = new() { Color = SKColors.Black, IsAntialias = true };

    public Canvas(int width, int height, float fontSize = 13)
    {
        Width = width;
        Height = height;
        _surface = SKSurface.Create(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        _surface.Canvas.Clear(SKColors.White);
        _font = new SKFont(SKTypeface.FromFamilyName("DejaVu Sans") ?? SKTypeface.Default, fontSize);
    }

    public int Width { get; }

    public int Height { get; }

    public SKCanvas Sk => _surface.Canvas;

    /// <summary>Writes <paramref name="text"/> with its baseline at (<paramref name="x"/>, <paramref name="y"/>).</summary>
    public void Text(string text, float x, float y, SKTextAlign align = SKTextAlign.Left, SKColor? color = null, float? size = null)
    {
        using var font = new SKFont(_font.Typeface, size ?? _font.Size);
        _ink.Color = color ?? SKColors.Black;
        Sk.DrawText(text, x, y, align, font, _ink);
    }

    /// <summary>
    /// Draws a <paramref name="rows"/> x <paramref name="columns"/> image of values, <paramref name="cell"/> pixels a value,
    /// with its top left at (<paramref name="x"/>, <paramref name="y"/>): <paramref name="low"/> black, <paramref name="high"/> white,
    /// or, when <paramref name="diverging"/>, negative blue, 0 white, positive red, scaled by the largest magnitude.
    /// </summary>
    public void Image(ReadOnlySpan<float> values, int rows, int columns, float x, float y, float cell, float low, float high, bool diverging = false)
    {
        using var paint = new SKPaint { IsAntialias = false };
        float magnitude = Math.Max(Math.Abs(low), Math.Abs(high));
        for (int r = 0; r < rows; r++)
            for (int c = 0; c < columns; c++)
            {
                float v = values[r * columns + c];
                if (diverging)
                {
                    float t = magnitude > 0 ? Math.Clamp(v / magnitude, -1, 1) : 0;
                    byte fade = (byte)Math.Round(255 * (1 - Math.Abs(t)));
                    paint.Color = t >= 0 ? new SKColor(255, fade, fade) : new SKColor(fade, fade, 255);
                }
                else
                {
                    float t = high > low ? Math.Clamp((v - low) / (high - low), 0, 1) : 0;
                    byte g = (byte)Math.Round(255 * t);
                    paint.Color = new SKColor(g, g, g);
                }
                Sk.DrawRect(x + c * cell, y + r * cell, cell, cell, paint);
            }
        using var frame = new SKPaint { Color = new SKColor(160, 160, 160), Style = SKPaintStyle.Stroke, StrokeWidth = 1 };
        Sk.DrawRect(x - 0.5f, y - 0.5f, columns * cell + 1, rows * cell + 1, frame);
    }

    /// <summary>Renders <paramref name="plot"/> into the rectangle at (<paramref name="x"/>, <paramref name="y"/>), on a surface of its own (a plot clears what it renders on).</summary>
    public void Plot(ScottPlot.Plot plot, float x, float y, int width, int height)
    {
        using SKSurface surface = SKSurface.Create(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        plot.Render(surface.Canvas, width, height);
        using SKImage image = surface.Snapshot();
        Sk.DrawImage(image, x, y);
    }

    /// <summary>The picture as PNG bytes.</summary>
    public byte[] Png()
    {
        using SKImage image = _surface.Snapshot();
        using SKData data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    public void Save(string path) => File.WriteAllBytes(path, Png());

    public void Dispose()
    {
        _ink.Dispose();
        _font.Dispose();
        _surface.Dispose();
    }
}
