using Microsoft.CodeAnalysis.Text;

namespace LeNetGen.Generator.Parse.Json;

/// <summary>
/// One value of a parsed JSON document with where it was written, so every diagnostic about a spec can point at the
/// token that caused it. The tree is the JSON front end's own: it never leaves the front end, which turns it into a
/// <see cref="Model.NetworkSpec"/> (positions travel on as <see cref="Model.LocationInfo"/>).
/// </summary>
/// <param name="Span">The value's text in the file: a string with its quotes, an object or array from its opening to
/// its closing bracket.</param>
/// <param name="LineSpan">The same as 0-based lines and characters, as Roslyn counts them.</param>
internal abstract record JsonValue(TextSpan Span, LinePositionSpan LineSpan)
{
    /// <summary>What the value is, for "must be X, not Y" messages: "a string (\"6\")", "an array", "null".</summary>
    public abstract string Description { get; }

    /// <summary>Shortens text quoted in a message so one long value cannot flood it.</summary>
    internal static string Shorten(string text) => text.Length <= 32 ? text : text.Substring(0, 29) + "...";
}
