using System;
using System.Collections.Generic;
using Xunit;

namespace LeNetGen.Runtime.Tests.Prototypes;

/// <summary>
/// The RBF prototypes as Figure 3 of LeCun et al. (1998) draws them: characters of a 7x12 font with bold strokes, the
/// digits in the upper rows and the lowest rows left blank (the font's descender space); values -1 and +1; the ten far
/// apart from one another.
/// </summary>
public sealed class DigitBitmapTests
{
    private static double[] Values()
    {
        var values = new double[DigitBitmaps.Count * DigitBitmaps.Size];
        DigitBitmaps.CopyTo<double>(values);
        return values;
    }

    [Fact]
    public void EveryValueIsMinusOneOrPlusOne() =>
        Assert.All(Values(), v => Assert.True(v is -1.0 or 1.0, $"value {v}"));

    [Fact]
    public void EveryPairOfDigitsDiffersInAtLeastTenOfThe84Cells()
    {
        double[] values = Values();
        var close = new List<string>();
        int smallest = int.MaxValue;
        for (int a = 0; a < 10; a++)
            for (int b = a + 1; b < 10; b++)
            {
                int distance = 0;
                for (int cell = 0; cell < DigitBitmaps.Size; cell++)
                    if (values[a * DigitBitmaps.Size + cell] != values[b * DigitBitmaps.Size + cell]) distance++;
                smallest = Math.Min(smallest, distance);
                if (distance < 10) close.Add($"{a} and {b}: {distance}");
            }
        Assert.True(close.Count == 0, "digits closer than 10 cells: " + string.Join(", ", close));
        Assert.Equal(10, smallest); // 3 against 8, 6 against 8 and 8 against 9
    }

    [Fact]
    public void TheTopRowAndTheTwoLowestRowsAreBlank()
    {
        for (int digit = 0; digit < 10; digit++)
        {
            string[] rows = DigitBitmaps.Draw(digit).Split('\n');
            Assert.Equal(12, rows.Length);
            Assert.Equal(".......", rows[0]);
            Assert.Equal(".......", rows[10]);
            Assert.Equal(".......", rows[11]);
            for (int row = 1; row <= 9; row++) Assert.Contains('X', rows[row]); // the digit spans rows 1 to 9
        }
    }

    [Fact]
    public void StrokesAreBold_EveryRunOfInkInARowIsAtLeastTwoCellsWide()
    {
        var thin = new List<string>();
        for (int digit = 0; digit < 10; digit++)
        {
            string[] rows = DigitBitmaps.Draw(digit).Split('\n');
            for (int row = 0; row < rows.Length; row++)
                for (int x = 0; x < DigitBitmaps.Width; x++)
                {
                    if (rows[row][x] != 'X' || (x > 0 && rows[row][x - 1] == 'X')) continue;
                    int end = x;
                    while (end < DigitBitmaps.Width && rows[row][end] == 'X') end++;
                    if (end - x < 2) thin.Add($"digit {digit}, row {row}, column {x}");
                }
        }
        Assert.True(thin.Count == 0, "1-cell strokes: " + string.Join("; ", thin));
    }
}
