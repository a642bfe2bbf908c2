using System;

namespace LeNetGen.Generator.Parse;

/// <summary>
/// How a spec's Weights name finds its additional file: the name is the file's path, or its end after a folder
/// separator ("lenet5.lngckpt" names ".../models/lenet5.lngckpt", "models/lenet5.lngckpt" too), with '\' and '/' alike,
/// a leading "./" ignored and case ignored (the file systems of Windows and macOS ignore it).
/// </summary>
internal static class WeightsName
{
    public static string Normalize(string name)
    {
        string normalized = name.Trim().Replace('\\', '/');
        while (normalized.StartsWith("./", StringComparison.Ordinal)) normalized = normalized.Substring(2);
        return normalized;
    }

    public static bool Matches(string path, string name)
    {
        if (path is null || name is null) return false;
        string wanted = Normalize(name);
        if (wanted.Length == 0) return false;
        string file = path.Replace('\\', '/');
        if (string.Equals(file, wanted, StringComparison.OrdinalIgnoreCase)) return true;
        return file.Length > wanted.Length
            && file[file.Length - wanted.Length - 1] == '/'
            && file.EndsWith(wanted, StringComparison.OrdinalIgnoreCase);
    }
}
