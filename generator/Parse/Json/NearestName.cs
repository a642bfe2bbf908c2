using System;
using System.Collections.Generic;

namespace LeNetGen.Generator.Parse.Json;

/// <summary>
/// The known name closest to a misspelt one, for "did you mean 'kernel'?": the optimal string alignment distance
/// (insertions, deletions, substitutions and swaps of neighbours, ignoring case), accepted when it is at most a third of
/// the longer name (at least 1), so "kernal" finds "kernel" and "pooling" finds nothing among "relu", "tanh".
/// </summary>
internal static class NearestName
{
    /// <summary>" (did you mean 'kernel'?)" with <paramref name="quote"/> around the name, or "" when none is close.</summary>
    public static string Suggestion(string written, IEnumerable<string> known, char quote)
    {
        string? best = Find(written, known);
        return best is null ? "" : " (did you mean " + quote + best + quote + "?)";
    }

    /// <summary>The closest of <paramref name="known"/> to <paramref name="written"/>, or null when none is close enough.</summary>
    public static string? Find(string written, IEnumerable<string> known)
    {
        if (written.Length == 0 || written.Length > 64) return null;
        string? best = null;
        int bestDistance = int.MaxValue;
        foreach (string name in known)
        {
            if (string.Equals(name, written, StringComparison.Ordinal)) continue;
            int distance = Distance(written.ToLowerInvariant(), name.ToLowerInvariant());
            int allowed = Math.Max(1, Math.Max(written.Length, name.Length) / 3);
            if (distance <= allowed && distance < bestDistance)
            {
                best = name;
                bestDistance = distance;
            }
        }
        return best;
    }

    /// <summary>Optimal string alignment distance between <paramref name="a"/> and <paramref name="b"/>.</summary>
    public static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (int i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (int j = 0; j <= b.Length; j++) d[0, j] = j;
        for (int i = 1; i <= a.Length; i++)
        {
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                int value = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) value = Math.Min(value, d[i - 2, j - 2] + 1);
                d[i, j] = value;
            }
        }
        return d[a.Length, b.Length];
    }
}
