using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using LeNetGen.Generator.Model;
using Microsoft.CodeAnalysis.Text;

namespace LeNetGen.Generator.Parse.Json;

/// <summary>
/// A recursive-descent parser for strict JSON (RFC 8259) that builds a <see cref="JsonValue"/> tree in which every value
/// keeps its span and line position. It stops at the first syntax error and describes it as "Expected X, found Y" with
/// the context a reader needs (which property's value, which array's item), located at the token it found. Nesting
/// deeper than <see cref="MaxDepth"/> is an error, so no input can exhaust the stack. It never throws, except
/// <see cref="OperationCanceledException"/>.
/// </summary>
internal sealed class JsonParser
{
    /// <summary>Objects and arrays nested deeper than this are refused; a spec needs four levels.</summary>
    public const int MaxDepth = 64;

    private readonly SourceText _source;
    private readonly JsonTokenizer _tokenizer;
    private readonly CancellationToken _cancellationToken;
    private JsonToken _token;

    private JsonParser(SourceText source, CancellationToken cancellationToken)
    {
        _source = source;
        _tokenizer = new JsonTokenizer(source.ToString());
        _cancellationToken = cancellationToken;
    }

    /// <summary>Parses a whole document: the root value, or null and the first syntax error.</summary>
    public static JsonValue? Parse(SourceText source, CancellationToken cancellationToken, out JsonSyntaxError? error)
    {
        var parser = new JsonParser(source, cancellationToken);
        try
        {
            JsonValue root = parser.ParseDocument();
            error = null;
            return root;
        }
        catch (SyntaxException exception)
        {
            error = new JsonSyntaxError(exception.Message, exception.Span, source.Lines.GetLinePositionSpan(exception.Span));
            return null;
        }
    }

    private JsonValue ParseDocument()
    {
        Advance();
        if (_token.Kind == JsonTokenKind.EndOfFile)
            throw Fail("The file is empty; a LeNetGen spec is a JSON object such as { \"class\": \"TinyNet\", \"input\": \"1x32x32\", \"layers\": [ ... ] }");
        JsonValue root = ParseValue("a JSON value", 0, null);
        Advance();
        if (_token.Kind != JsonTokenKind.EndOfFile)
            throw Unexpected("the end of the file after the " + (root switch { JsonObject => "closing '}'", JsonArray => "closing ']'", _ => "value" }));
        return root;
    }

    /// <summary>The value that starts at the current token; <paramref name="owner"/> names the property it belongs to.</summary>
    private JsonValue ParseValue(string expected, int depth, string? owner)
    {
        JsonToken token = _token;
        return token.Kind switch
        {
            JsonTokenKind.OpenBrace => ParseObject(depth + 1),
            JsonTokenKind.OpenBracket => ParseArray(depth + 1, owner),
            JsonTokenKind.String => new JsonString(token.Span, LineSpan(token.Span), token.Value!),
            JsonTokenKind.Number => new JsonNumber(token.Span, LineSpan(token.Span), token.Text),
            JsonTokenKind.True => new JsonBoolean(token.Span, LineSpan(token.Span), true),
            JsonTokenKind.False => new JsonBoolean(token.Span, LineSpan(token.Span), false),
            JsonTokenKind.Null => new JsonNull(token.Span, LineSpan(token.Span)),
            _ => throw Unexpected(expected),
        };
    }

    private JsonObject ParseObject(int depth)
    {
        JsonToken open = _token;
        CheckDepth(depth);
        var properties = new List<JsonProperty>();
        Advance();
        if (_token.Kind == JsonTokenKind.CloseBrace) return Object(open, properties);
        JsonToken comma = default;
        while (true)
        {
            if (_token.Kind != JsonTokenKind.String)
            {
                if (properties.Count == 0) throw Unexpected("a property name in double quotes, or '}'");
                if (_token.Kind == JsonTokenKind.CloseBrace)
                    throw new SyntaxException("This ',' is followed by '}'; JSON does not allow a comma after the last property, so remove it", comma.Span);
                throw Unexpected("a property name in double quotes after ','");
            }
            var name = new JsonString(_token.Span, LineSpan(_token.Span), _token.Value!);
            string quoted = "'" + JsonValue.Shorten(name.Value) + "'";
            Advance();
            if (_token.Kind != JsonTokenKind.Colon) throw Unexpected("':' after property name " + quoted);
            Advance();
            JsonValue value = ParseValue("a value for property " + quoted, depth, name.Value);
            properties.Add(new JsonProperty(name, value));
            Advance();
            if (_token.Kind == JsonTokenKind.CloseBrace) return Object(open, properties);
            if (_token.Kind != JsonTokenKind.Comma) throw Unexpected("',' or '}' after the value of property " + quoted);
            comma = _token;
            Advance();
        }
    }

    private JsonArray ParseArray(int depth, string? owner)
    {
        JsonToken open = _token;
        CheckDepth(depth);
        var items = new List<JsonValue>();
        string arrayName = owner is null ? "the array" : "the '" + JsonValue.Shorten(owner) + "' array";
        Advance();
        if (_token.Kind == JsonTokenKind.CloseBracket) return Array(open, items);
        JsonToken comma = default;
        while (true)
        {
            if (items.Count > 0 && _token.Kind == JsonTokenKind.CloseBracket)
                throw new SyntaxException("This ',' is followed by ']'; JSON does not allow a comma after the last item, so remove it", comma.Span);
            items.Add(ParseValue(items.Count == 0 ? "a value or ']'" : "a value after ','", depth, null));
            Advance();
            if (_token.Kind == JsonTokenKind.CloseBracket) return Array(open, items);
            if (_token.Kind != JsonTokenKind.Comma)
                throw Unexpected("',' or ']' after item " + items.Count.ToString(CultureInfo.InvariantCulture) + " of " + arrayName);
            comma = _token;
            Advance();
        }
    }

    private JsonObject Object(JsonToken open, List<JsonProperty> properties)
    {
        var span = TextSpan.FromBounds(open.Span.Start, _token.Span.End);
        return new JsonObject(span, LineSpan(span), properties.ToEquatableArray());
    }

    private JsonArray Array(JsonToken open, List<JsonValue> items)
    {
        var span = TextSpan.FromBounds(open.Span.Start, _token.Span.End);
        return new JsonArray(span, LineSpan(span), items.ToEquatableArray());
    }

    private void CheckDepth(int depth)
    {
        if (depth > MaxDepth)
            throw Fail("Objects and arrays nest more than " + MaxDepth.ToString(CultureInfo.InvariantCulture) + " levels deep here; a LeNetGen spec needs four");
    }

    /// <summary>Reads the next token; a malformed one ends the parse with the tokenizer's message.</summary>
    private void Advance()
    {
        _cancellationToken.ThrowIfCancellationRequested();
        _token = _tokenizer.Next();
        if (_token.Kind == JsonTokenKind.Error) throw Fail(_token.Value!);
    }

    private LinePositionSpan LineSpan(TextSpan span) => _source.Lines.GetLinePositionSpan(span);

    private SyntaxException Unexpected(string expected) =>
        Fail("Expected " + expected + ", found " + Describe(_token) + Hint(_token));

    /// <summary>An error at the current token.</summary>
    private SyntaxException Fail(string message) => new(message, _token.Span);

    private static string Describe(JsonToken token)
    {
        if (token.Kind == JsonTokenKind.EndOfFile) return "the end of the file";
        if (token.Text.Length == 1 && (token.Text[0] < ' ' || char.IsWhiteSpace(token.Text[0])))
            return "the character " + JsonTokenizer.CodePoint(token.Text[0]);
        return "'" + JsonValue.Shorten(token.Text) + "'";
    }

    /// <summary>The likely mistake behind a token that is not JSON.</summary>
    private static string Hint(JsonToken token)
    {
        if (token.Kind != JsonTokenKind.Invalid) return "";
        string text = token.Text;
        if (text[0] == '\'') return "; JSON strings use double quotes";
        if (text.Length == 1 && char.IsWhiteSpace(text[0]))
            return "; JSON allows only spaces, tabs and line breaks between tokens";
        if (string.Equals(text, "true", StringComparison.OrdinalIgnoreCase)
            || string.Equals(text, "false", StringComparison.OrdinalIgnoreCase)
            || string.Equals(text, "null", StringComparison.OrdinalIgnoreCase))
            return "; JSON writes true, false and null in lower case";
        if (text is "NaN" or "Infinity") return "; JSON numbers cannot be NaN or Infinity";
        if (char.IsLetter(text[0]) || text[0] is '_' or '$') return "; names and strings need double quotes";
        return "";
    }

    /// <summary>Unwinds the recursive descent to <see cref="Parse"/> at the first error; never escapes this class.</summary>
    private sealed class SyntaxException : Exception
    {
        public SyntaxException(string message, TextSpan span) : base(message) => Span = span;

        public TextSpan Span { get; }
    }
}
