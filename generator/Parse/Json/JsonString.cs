using Microsoft.CodeAnalysis.Text;

namespace LeNetGen.Generator.Parse.Json;

/// <summary>
/// A JSON string. <see cref="Value"/> has its escapes decoded; <see cref="JsonValue.Span"/> covers the text as written,
/// quotes included, so for a string without escapes the character at index i of the value sits at Span.Start + 1 + i.
/// </summary>
internal sealed record JsonString(TextSpan Span, LinePositionSpan LineSpan, string Value) : JsonValue(Span, LineSpan)
{
    public override string Description => "a string (\"" + Shorten(Value) + "\")";
}
