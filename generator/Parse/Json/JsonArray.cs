using LeNetGen.Generator.Model;
using Microsoft.CodeAnalysis.Text;

namespace LeNetGen.Generator.Parse.Json;

/// <summary>A JSON array: its items in order.</summary>
internal sealed record JsonArray(TextSpan Span, LinePositionSpan LineSpan, EquatableArray<JsonValue> Items)
    : JsonValue(Span, LineSpan)
{
    public override string Description => Items.Count switch
    {
        0 => "an empty array",
        1 => "an array of 1 item",
        _ => "an array of " + Items.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) + " items",
    };
}
