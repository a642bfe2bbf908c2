using System.Collections.Generic;
using System.Globalization;
using Microsoft.CodeAnalysis;

namespace LeNetGen.CodeFixes.Editing;

/// <summary>Reads the values the generator put in a diagnostic's Properties (names in the generator's FixProperties).</summary>
internal static class FixData
{
    public static int? Int(Diagnostic diagnostic, string name) =>
        diagnostic.Properties.TryGetValue(name, out string? text)
            && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int value) ? value : null;

    /// <summary>A comma-separated list of integers; empty when the property is absent or unreadable.</summary>
    public static IReadOnlyList<int> Ints(Diagnostic diagnostic, string name)
    {
        if (!diagnostic.Properties.TryGetValue(name, out string? text) || string.IsNullOrEmpty(text)) return new int[0];
        var values = new List<int>();
        foreach (string part in text!.Split(','))
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out int value)) return new int[0];
            values.Add(value);
        }
        return values;
    }

    public static string? String(Diagnostic diagnostic, string name) =>
        diagnostic.Properties.TryGetValue(name, out string? text) && !string.IsNullOrEmpty(text) ? text : null;

    public static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
