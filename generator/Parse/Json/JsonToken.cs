using Microsoft.CodeAnalysis.Text;

namespace LeNetGen.Generator.Parse.Json;

/// <summary>
/// One token: its kind, where it is, the text as written, and for a string its decoded value (for an
/// <see cref="JsonTokenKind.Error"/> token, the error message).
/// </summary>
internal readonly struct JsonToken
{
    public JsonToken(JsonTokenKind kind, TextSpan span, string text, string? value = null)
    {
        Kind = kind;
        Span = span;
        Text = text;
        Value = value;
    }

    public JsonTokenKind Kind { get; }
    public TextSpan Span { get; }
    public string Text { get; }
    public string? Value { get; }
}
