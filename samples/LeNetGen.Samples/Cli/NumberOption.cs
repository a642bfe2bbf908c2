using System;
using System.CommandLine;
using System.Globalization;
using System.Numerics;

namespace LeNetGen.Samples.Cli;

/// <summary>
/// Numeric options checked by the parser: a value that is not a number, or out of range, is a command-line error naming
/// the option and what it takes (exit code 1), never a type name or an exception from deep inside.
/// </summary>
internal static class NumberOption
{
    /// <param name="name">The option, e.g. "--epochs".</param>
    /// <param name="description">What it means, for --help.</param>
    /// <param name="check">Null when a value is allowed, else what the values must be (e.g. "must be 1 or more").</param>
    /// <param name="defaultValue">The value when the option is absent (shown by --help); null for none.</param>
    public static Option<T?> Create<T>(string name, string description, Func<T, string?> check, T? defaultValue = null)
        where T : struct, INumber<T>
    {
        bool whole = typeof(T) != typeof(double) && typeof(T) != typeof(float);
        var option = new Option<T?>(name) { Description = description };
        if (defaultValue is T value) option.DefaultValueFactory = _ => value;
        option.CustomParser = result =>
        {
            string text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
            if (!T.TryParse(text, whole ? NumberStyles.Integer : NumberStyles.Float, CultureInfo.InvariantCulture, out T parsed))
            {
                result.AddError($"{name} takes {(whole ? "a whole number" : "a number")}; '{text}' is not one.");
                return null;
            }
            if (check(parsed) is string problem) result.AddError($"{name} {text}: {problem}.");
            return parsed;
        };
        return option;
    }
}
