using System;
using System.Numerics;

namespace LeNetGen;

/// <summary>
/// LeNet-5's RBF prototypes: a stylized 7x12 bitmap of each digit 0-9 with values -1 (background) and +1 (ink), drawn
/// after figure 3 of LeCun et al. (1998): characters of a 7x12 ASCII font with bold strokes two cells wide, the digit in
/// rows 1 to 9 and the top row and the two lowest rows blank (the font's room for descenders). Any two bitmaps differ in
/// at least 10 of the 84 cells (3 and 8, 6 and 8, 8 and 9 are the closest), which is what the output layer needs; F6's
/// 84 units are these 7x12 cells.
/// </summary>
public static class DigitBitmaps
{
    /// <summary>The width of one bitmap, in cells.</summary>
    public const int Width = 7;

    /// <summary>The height of one bitmap, in cells.</summary>
    public const int Height = 12;

    /// <summary>The cells of one bitmap: 84.</summary>
    public const int Size = Width * Height;

    /// <summary>The number of bitmaps, one per digit.</summary>
    public const int Count = 10;

    // One string per digit, 12 rows of 7 cells, row by row: 'X' ink (+1), '.' background (-1).
    private static readonly string[] Drawings =
    [
        // 0
        "......." + "..XXX.." + ".XX.XX." + "XX...XX" + "XX...XX" + "XX...XX" +
        "XX...XX" + "XX...XX" + ".XX.XX." + "..XXX.." + "......." + ".......",
        // 1
        "......." + "...XX.." + "..XXX.." + ".XXXX.." + "...XX.." + "...XX.." +
        "...XX.." + "...XX.." + "...XX.." + ".XXXXXX" + "......." + ".......",
        // 2
        "......." + ".XXXXX." + "XX...XX" + ".....XX" + "....XX." + "...XX.." +
        "..XX..." + ".XX...." + "XX....." + "XXXXXXX" + "......." + ".......",
        // 3
        "......." + ".XXXXX." + "XX...XX" + ".....XX" + ".....XX" + "...XXX." +
        ".....XX" + ".....XX" + "XX...XX" + ".XXXXX." + "......." + ".......",
        // 4
        "......." + "....XX." + "...XXX." + "..XXXX." + ".XX.XX." + "XX..XX." +
        "XXXXXXX" + "....XX." + "....XX." + "....XX." + "......." + ".......",
        // 5
        "......." + "XXXXXXX" + "XX....." + "XX....." + "XXXXXX." + ".....XX" +
        ".....XX" + ".....XX" + "XX...XX" + ".XXXXX." + "......." + ".......",
        // 6
        "......." + "..XXXX." + ".XX...." + "XX....." + "XX....." + "XXXXXX." +
        "XX...XX" + "XX...XX" + "XX...XX" + ".XXXXX." + "......." + ".......",
        // 7
        "......." + "XXXXXXX" + ".....XX" + "....XX." + "....XX." + "...XX.." +
        "...XX.." + "..XX..." + "..XX..." + "..XX..." + "......." + ".......",
        // 8
        "......." + ".XXXXX." + "XX...XX" + "XX...XX" + "XX...XX" + ".XXXXX." +
        "XX...XX" + "XX...XX" + "XX...XX" + ".XXXXX." + "......." + ".......",
        // 9
        "......." + ".XXXXX." + "XX...XX" + "XX...XX" + "XX...XX" + ".XXXXXX" +
        ".....XX" + ".....XX" + "....XX." + ".XXXX.." + "......." + ".......",
    ];

    /// <summary>The drawing of one digit: 12 lines of 7 characters, <c>X</c> for +1 and <c>.</c> for -1.</summary>
    /// <param name="digit">The digit, 0-9.</param>
    public static string Draw(int digit)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(digit);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(digit, Count);
        var lines = new string[Height];
        for (int row = 0; row < Height; row++) lines[row] = Drawings[digit].Substring(row * Width, Width);
        return string.Join('\n', lines);
    }

    /// <summary>Writes the 10 prototypes, digit by digit and row by row, as -1 and +1: 840 values.</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="destination">Receives the values; at least 840 long.</param>
    public static void CopyTo<T>(Span<T> destination) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (destination.Length < Count * Size)
            throw new ArgumentException($"The destination must hold {Count * Size} values; it holds {destination.Length}.", nameof(destination));
        for (int digit = 0; digit < Count; digit++)
            for (int cell = 0; cell < Size; cell++)
                destination[digit * Size + cell] = Drawings[digit][cell] == 'X' ? T.One : T.NegativeOne;
    }
}
