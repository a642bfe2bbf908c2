using System;
using System.Globalization;
using System.Text;
using LeNetGen.Reference;

namespace LeNetGen.TestNetworks.Infrastructure;

/// <summary>
/// Compares one tensor of the generated code with the reference, as llm.c's check_tensor does: a mismatch is reported
/// with the first differing indices and both values, and the largest difference.
/// </summary>
internal static class TensorCheck
{
    private const int ShownMismatches = 5;

    /// <summary>
    /// Null when every |generated - reference| &lt;= tolerance x max(1, |reference|); otherwise the report.
    /// </summary>
    public static string? Compare(string tensor, Shape shape, ReadOnlySpan<double> generated, ReadOnlySpan<double> reference, double tolerance)
    {
        if (generated.Length != reference.Length)
            return $"{tensor} ({shape}): generated {generated.Length} values, reference {reference.Length}";

        var report = new StringBuilder();
        int mismatches = 0, worst = -1;
        double largest = 0.0;
        for (int i = 0; i < reference.Length; i++)
        {
            double difference = Math.Abs(generated[i] - reference[i]);
            if (!(difference <= tolerance * Math.Max(1.0, Math.Abs(reference[i])))) // NaN fails too
            {
                if (mismatches < ShownMismatches)
                    report.Append($"\n    {Where(shape, i)}  generated {G(generated[i])}  reference {G(reference[i])}");
                mismatches++;
            }
            if (difference > largest || (double.IsNaN(difference) && !double.IsNaN(largest)))
            {
                largest = difference;
                worst = i;
            }
        }
        if (mismatches == 0) return null;
        return $"{tensor} ({shape}): {mismatches} of {reference.Length} values differ by more than {G(tolerance)} x max(1, |reference|); "
            + $"largest difference {G(largest)} at {Where(shape, worst)}" + report;
    }

    /// <summary>"[map 2, row 0, column 3] (index 27)", or "[unit 4]" for a flat tensor.</summary>
    public static string Where(Shape shape, int index)
    {
        if (shape.Height == 1 && shape.Width == 1) return $"[unit {index}]";
        int area = shape.Height * shape.Width;
        int map = index / area, row = index % area / shape.Width, column = index % shape.Width;
        return $"[map {map}, row {row}, column {column}] (index {index})";
    }

    private static string G(double value) => value.ToString("G9", CultureInfo.InvariantCulture);
}
