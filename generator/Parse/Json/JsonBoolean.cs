using Microsoft.CodeAnalysis.Text;

namespace LeNetGen.Generator.Parse.Json;

/// <summary>The JSON literal true or false.</summary>
internal sealed record JsonBoolean(TextSpan Span, LinePositionSpan LineSpan, bool Value) : JsonValue(Span, LineSpan)
{
    public override string Description => Value ? "a boolean (true)" : "a boolean (false)";
}
