using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace LeNetGen.Generator.Parse.Json;

/// <summary>
/// A JSON number, kept as the text that was written (already checked against JSON's number grammar by the tokenizer).
/// It is never converted to a double: a spec's numbers are sizes and seeds, which must be exact. A number is an
/// integer when its value is whole, as JSON Schema counts it: 5, -3, 5.0 and 1e2 are integers, 5.5 and 1e-3 are not.
/// </summary>
internal sealed record JsonNumber(TextSpan Span, LinePositionSpan LineSpan, string Text) : JsonValue(Span, LineSpan)
{
    /// <summary>Exponents are clamped to this, so "1e999999999999" costs nothing and still reads as too large.</summary>
    private const int ExponentCap = 1_000_000;

    public override string Description =>
        (IsInteger ? "a number (" : "a number with a fraction (") + Shorten(Text) + ")";

    public bool IsNegative => Text.Length > 0 && Text[0] == '-';

    /// <summary>True when the value is a whole number.</summary>
    public bool IsInteger
    {
        get
        {
            Decompose(out string digits, out long exponent);
            return digits.Length == 0 || exponent >= 0;
        }
    }

    /// <summary>The value, when it is a whole number in the range of <see cref="int"/>.</summary>
    public bool TryGetInt32(out int value)
    {
        value = 0;
        if (!TryGetMagnitude(out ulong magnitude)) return false;
        if (IsNegative)
        {
            if (magnitude > 2_147_483_648UL) return false;
            value = (int)(-(long)magnitude);
            return true;
        }
        if (magnitude > int.MaxValue) return false;
        value = (int)magnitude;
        return true;
    }

    /// <summary>The value, when it is a whole number in the range of <see cref="ulong"/> (-0 included).</summary>
    public bool TryGetUInt64(out ulong value)
    {
        if (TryGetMagnitude(out value) && (!IsNegative || value == 0)) return true;
        value = 0;
        return false;
    }

    /// <summary>The absolute value, when it is a whole number below 2^64.</summary>
    private bool TryGetMagnitude(out ulong magnitude)
    {
        magnitude = 0;
        Decompose(out string digits, out long exponent);
        if (digits.Length == 0) return true;
        if (exponent < 0 || digits.Length + exponent > 20) return false;
        return ulong.TryParse(digits + new string('0', (int)exponent), NumberStyles.None, CultureInfo.InvariantCulture, out magnitude);
    }

    /// <summary>
    /// Writes the value as digits x 10^exponent with no leading or trailing zeros in <paramref name="digits"/> (empty
    /// for zero), from -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?.
    /// </summary>
    private void Decompose(out string digits, out long exponent)
    {
        var mantissa = new StringBuilder(Text.Length);
        exponent = 0;
        int p = IsNegative ? 1 : 0;
        while (p < Text.Length && IsDigit(Text[p])) mantissa.Append(Text[p++]);
        if (p < Text.Length && Text[p] == '.')
        {
            p++;
            while (p < Text.Length && IsDigit(Text[p]))
            {
                mantissa.Append(Text[p++]);
                exponent--;
            }
        }
        if (p < Text.Length && Text[p] is 'e' or 'E')
        {
            p++;
            bool negativeExponent = p < Text.Length && Text[p] == '-';
            if (p < Text.Length && Text[p] is '+' or '-') p++;
            long written = 0;
            while (p < Text.Length && IsDigit(Text[p]))
            {
                if (written < ExponentCap) written = written * 10 + (Text[p] - '0');
                p++;
            }
            exponent += negativeExponent ? -written : written;
        }

        string all = mantissa.ToString().TrimStart('0');
        int end = all.Length;
        while (end > 0 && all[end - 1] == '0') end--;
        digits = all.Substring(0, end);
        exponent = digits.Length == 0 ? 0 : exponent + (all.Length - end);
    }

    private static bool IsDigit(char c) => c is >= '0' and <= '9';
}
