using LeNetGen.Generator.Model;
using Microsoft.CodeAnalysis.Text;

namespace LeNetGen.Generator.Parse.Json;

/// <summary>
/// A JSON object: its properties in document order, duplicates included (the parser keeps what was written; the front
/// end decides that a second occurrence is an error, LNG0207).
/// </summary>
internal sealed record JsonObject(TextSpan Span, LinePositionSpan LineSpan, EquatableArray<JsonProperty> Properties)
    : JsonValue(Span, LineSpan)
{
    public override string Description => "an object";

    /// <summary>The opening '{', where "this object lacks a property" is reported.</summary>
    public TextSpan OpenBraceSpan => new(Span.Start, 1);

    public LinePositionSpan OpenBraceLineSpan =>
        new(LineSpan.Start, new LinePosition(LineSpan.Start.Line, LineSpan.Start.Character + 1));
}
