using System.Globalization;
using System.Text;

namespace LeNetGen.Generator.Diagnostics;

/// <summary>
/// How messages write counts and limits: digits grouped by thousands with commas, invariant culture ("65,536"), the
/// way LNG0302, LNG0303 and the shape summary write them, so a value and the limit it is compared with read alike.
/// </summary>
internal static class MessageNumbers
{
    public static string Format(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    public static string Format(ulong value) => value.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>
    /// An integer as written in a JSON spec, grouped like <see cref="Format(long)"/> when it is plain digits (with an
    /// optional '-'), so one beyond every .NET integer type still reads like the others; any other form (an exponent)
    /// is shown as written.
    /// </summary>
    public static string FormatWritten(string integer)
    {
        int start = integer.Length > 0 && integer[0] == '-' ? 1 : 0;
        if (integer.Length == start) return integer;
        for (int i = start; i < integer.Length; i++)
            if (integer[i] < '0' || integer[i] > '9') return integer;
        var text = new StringBuilder(integer.Length + integer.Length / 3);
        text.Append(integer, 0, start);
        int digits = integer.Length - start;
        for (int i = 0; i < digits; i++)
        {
            if (i > 0 && (digits - i) % 3 == 0) text.Append(',');
            text.Append(integer[start + i]);
        }
        return text.ToString();
    }
}
