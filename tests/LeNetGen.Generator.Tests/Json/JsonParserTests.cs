using System.Linq;
using System.Threading;
using LeNetGen.Generator.Parse.Json;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace LeNetGen.Generator.Tests.Json;

/// <summary>The JSON tokenizer and parser alone: the value tree, spans, numbers, and the wording and place of syntax errors.</summary>
public sealed class JsonParserTests
{
    private static JsonValue Parse(string text)
    {
        JsonValue? root = JsonParser.Parse(SourceText.From(text), CancellationToken.None, out JsonSyntaxError? error);
        Assert.Null(error);
        return root!;
    }

    private static JsonSyntaxError Error(string text)
    {
        JsonValue? root = JsonParser.Parse(SourceText.From(text), CancellationToken.None, out JsonSyntaxError? error);
        Assert.Null(root);
        return error!;
    }

    [Fact]
    public void EveryKindOfValueKeepsItsSpan()
    {
        const string text = "{ \"s\": \"ab\", \"n\": -1.5e3, \"t\": true, \"f\": false, \"z\": null, \"a\": [1, [], {}] }";
        var root = Assert.IsType<JsonObject>(Parse(text));
        Assert.Equal(new TextSpan(0, text.Length), root.Span);
        Assert.Equal(new[] { "s", "n", "t", "f", "z", "a" }, root.Properties.Select(p => p.Name.Value));
        foreach (JsonProperty property in root.Properties)
            Assert.Equal("\"" + property.Name.Value + "\"", text.Substring(property.Name.Span.Start, property.Name.Span.Length));

        string SpanText(JsonValue v) => text.Substring(v.Span.Start, v.Span.Length);
        var values = root.Properties.Select(p => p.Value).ToList();
        Assert.Equal("ab", Assert.IsType<JsonString>(values[0]).Value);
        Assert.Equal("\"ab\"", SpanText(values[0]));
        Assert.Equal("-1.5e3", Assert.IsType<JsonNumber>(values[1]).Text);
        Assert.True(Assert.IsType<JsonBoolean>(values[2]).Value);
        Assert.False(Assert.IsType<JsonBoolean>(values[3]).Value);
        Assert.IsType<JsonNull>(values[4]);
        var array = Assert.IsType<JsonArray>(values[5]);
        Assert.Equal("[1, [], {}]", SpanText(array));
        Assert.Equal(3, array.Items.Count);
        Assert.Empty(Assert.IsType<JsonArray>(array.Items[1]).Items);
        Assert.Empty(Assert.IsType<JsonObject>(array.Items[2]).Properties);
    }

    [Fact]
    public void LinePositionsCountLinesAsRoslynDoes()
    {
        const string text = "{\r\n  \"a\": 1,\n\t\"b\":\r  [ 2 ]\n}";
        var root = Assert.IsType<JsonObject>(Parse(text));
        Assert.Equal(new LinePosition(1, 7), root.Properties[0].Value.LineSpan.Start);
        Assert.Equal(new LinePosition(2, 1), root.Properties[1].Name.LineSpan.Start);
        Assert.Equal(new LinePositionSpan(new LinePosition(3, 2), new LinePosition(3, 7)), root.Properties[1].Value.LineSpan);
        Assert.Equal(new LinePosition(4, 1), root.LineSpan.End);
    }

    [Fact]
    public void EscapesAreDecoded()
    {
        var value = Assert.IsType<JsonString>(Parse("\"\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u00e9 \\uD83D\\uDE00 plain\""));
        Assert.Equal("\" \\ / \b \f \n \r \t \u00e9 \U0001F600 plain", value.Value);
        Assert.Equal("é and 😀", Assert.IsType<JsonString>(Parse("\"é and 😀\"")).Value);
    }

    [Fact]
    public void AByteOrderMarkIsNotContent() =>
        Assert.Equal(new TextSpan(1, 2), Assert.IsType<JsonObject>(Parse("\uFEFF{}")).Span);

    [Theory]
    [InlineData("0", true, 0)]
    [InlineData("-0", true, 0)]
    [InlineData("42", true, 42)]
    [InlineData("-7", true, -7)]
    [InlineData("5.0", true, 5)]
    [InlineData("1e2", true, 100)]
    [InlineData("1.5E1", true, 15)]
    [InlineData("250e-2", false, 0)]
    [InlineData("100e-2", true, 1)]
    [InlineData("2147483647", true, 2147483647)]
    [InlineData("-2147483648", true, -2147483648)]
    [InlineData("0.000", true, 0)]
    public void IntegersAreWholeNumbersHoweverWritten(string text, bool isInteger, int value)
    {
        var number = Assert.IsType<JsonNumber>(Parse(text));
        Assert.Equal(isInteger, number.IsInteger);
        if (!isInteger) return;
        Assert.True(number.TryGetInt32(out int parsed));
        Assert.Equal(value, parsed);
    }

    [Theory]
    [InlineData("5.5")]
    [InlineData("1e-3")]
    [InlineData("-0.25")]
    public void NumbersWithAFractionAreNotIntegers(string text) =>
        Assert.False(Assert.IsType<JsonNumber>(Parse(text)).IsInteger);

    [Theory]
    [InlineData("2147483648")]
    [InlineData("-2147483649")]
    [InlineData("1e10")]
    [InlineData("1e999999999999999999")]
    [InlineData("99999999999999999999999999")]
    public void IntegersBeyondTheIntRangeAreNotInts(string text)
    {
        var number = Assert.IsType<JsonNumber>(Parse(text));
        Assert.True(number.IsInteger);
        Assert.False(number.TryGetInt32(out _));
    }

    [Theory]
    [InlineData("18446744073709551615", true)]
    [InlineData("1.8446744073709551615e19", true)]
    [InlineData("18446744073709551616", false)]
    [InlineData("-1", false)]
    [InlineData("-0", true)]
    public void UInt64Range(string text, bool fits) =>
        Assert.Equal(fits, Assert.IsType<JsonNumber>(Parse(text)).TryGetUInt64(out _));

    [Theory]
    // The example of the brief: a missing comma is reported at the token found instead.
    [InlineData("{ \"maps\": 6 \"kernel\": 5 }", 0, 12, "Expected ',' or '}' after the value of property 'maps', found '\"kernel\"'")]
    // A trailing comma is reported at the comma, not at the bracket after it.
    [InlineData("{ \"a\": 1, }", 0, 8, "This ',' is followed by '}'; JSON does not allow a comma after the last property, so remove it")]
    [InlineData("[1, 2, ]", 0, 5, "This ',' is followed by ']'; JSON does not allow a comma after the last item, so remove it")]
    [InlineData("{ \"layers\": [ {} {} ] }", 0, 17, "Expected ',' or ']' after item 1 of the 'layers' array, found '{'")]
    [InlineData("{ \"a\" 1 }", 0, 6, "Expected ':' after property name 'a', found '1'")]
    [InlineData("{ \"a\": }", 0, 7, "Expected a value for property 'a', found '}'")]
    [InlineData("{ a: 1 }", 0, 2, "Expected a property name in double quotes, or '}', found 'a'; names and strings need double quotes")]
    [InlineData("{ 'a': 1 }", 0, 2, "Expected a property name in double quotes, or '}', found ''a''; JSON strings use double quotes")]
    [InlineData("{ \"a\": True }", 0, 7, "Expected a value for property 'a', found 'True'; JSON writes true, false and null in lower case")]
    [InlineData("{ \"a\": NaN }", 0, 7, "Expected a value for property 'a', found 'NaN'; JSON numbers cannot be NaN or Infinity")]
    [InlineData("{ \"a\": 1 } ]", 0, 11, "Expected the end of the file after the closing '}', found ']'")]
    [InlineData("{ \"a\": 1", 0, 8, "Expected ',' or '}' after the value of property 'a', found the end of the file")]
    [InlineData("{ \"a\":\u00a01 }", 0, 6, "Expected a value for property 'a', found the character U+00A0; JSON allows only spaces, tabs and line breaks between tokens")]
    [InlineData("  \n ", 1, 1, "The file is empty; a LeNetGen spec is a JSON object such as { \"class\": \"TinyNet\", \"input\": \"1x32x32\", \"layers\": [ ... ] }")]
    public void SyntaxErrorsNameWhatWasExpectedAndFound(string text, int line, int character, string message)
    {
        JsonSyntaxError error = Error(text);
        Assert.Equal(message, error.Message);
        Assert.Equal(new LinePosition(line, character), error.LineSpan.Start);
    }

    [Theory]
    [InlineData("{ \"a\": \"open\n}", 0, 7, "\"open", "Unterminated string: the line ends before its closing '\"' (a JSON string cannot span lines; write \\n for a line break)")]
    [InlineData("{ \"a\": \"open", 0, 7, "\"open", "Unterminated string: the file ends before its closing '\"'")]
    [InlineData("{ \"a\": \"x\\q\" }", 0, 9, "\\q", "Invalid escape '\\q' in a string; JSON allows \\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX")]
    [InlineData("{ \"a\": \"\\u12G4\" }", 0, 8, "\\u12", "Invalid escape '\\u12' in a string: \\u needs four hexadecimal digits, e.g. \\u00e9")]
    [InlineData("{ \"a\": \"x\ty\" }", 0, 9, "\t", "Control character U+0009 in a string; write it as an escape, e.g. \\t for a tab or \\u0009")]
    [InlineData("{ \"a\": 1 // note\n}", 0, 9, "// note", "JSON does not allow comments; remove this '//' comment")]
    [InlineData("{ /* note */ }", 0, 2, "/*", "JSON does not allow comments; remove this '/* */' comment")]
    [InlineData("{ \"a\": 01 }", 0, 7, "01", "Invalid number '01': JSON numbers cannot have leading zeros")]
    [InlineData("{ \"a\": 1. }", 0, 7, "1.", "Invalid number '1.': a digit must follow '.'")]
    [InlineData("{ \"a\": 1e }", 0, 7, "1e", "Invalid number '1e': the exponent needs digits, e.g. 1e3")]
    [InlineData("{ \"a\": - }", 0, 7, "-", "Invalid number '-': a digit must follow '-'")]
    [InlineData("{ \"a\": +1 }", 0, 7, "+1", "Invalid number '+1': JSON numbers have no '+' sign")]
    [InlineData("{ \"a\": .5 }", 0, 7, ".5", "Invalid number '.5': a digit must come before '.', e.g. 0.5")]
    [InlineData("{ \"a\": 0x1F }", 0, 7, "0x1F", "Invalid number '0x1F': not a JSON number; write a plain decimal number such as 16, -2, 0.5 or 1e3")]
    public void MalformedTokensAreReportedWhereTheyStart(string text, int line, int character, string spanned, string message)
    {
        JsonSyntaxError error = Error(text);
        Assert.Equal(message, error.Message);
        Assert.Equal(new LinePosition(line, character), error.LineSpan.Start);
        Assert.Equal(spanned, text.Substring(error.Span.Start, error.Span.Length));
    }

    [Fact]
    public void NestingIsLimited()
    {
        string deepest = new string('[', JsonParser.MaxDepth) + new string(']', JsonParser.MaxDepth);
        Assert.IsType<JsonArray>(Parse(deepest));

        int levels = JsonParser.MaxDepth + 1;
        JsonSyntaxError error = Error(new string('[', levels) + new string(']', levels));
        Assert.Equal(JsonParser.MaxDepth, error.Span.Start);
        Assert.Contains("more than 64 levels", error.Message);

        // Far deeper input fails the same way, without exhausting the stack.
        Assert.Equal(JsonParser.MaxDepth, Error(new string('{', 100_000).Replace("{", "{\"a\":")).Span.Start / 5);
    }

    [Fact]
    public void CancellationIsObserved()
    {
        using var source = new CancellationTokenSource();
        source.Cancel();
        Assert.ThrowsAny<System.OperationCanceledException>(() => JsonParser.Parse(SourceText.From("[1, 2, 3]"), source.Token, out _));
    }
}
