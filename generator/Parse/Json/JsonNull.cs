using Microsoft.CodeAnalysis.Text;

namespace LeNetGen.Generator.Parse.Json;

/// <summary>The JSON literal null. No spec property accepts it: a property left out takes its default.</summary>
internal sealed record JsonNull(TextSpan Span, LinePositionSpan LineSpan) : JsonValue(Span, LineSpan)
{
    public override string Description => "null";
}
