using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace LeNetGen.Generator.Parse.Json;

/// <summary>
/// Splits JSON text into tokens, strictly by RFC 8259: no comments, single quotes, unquoted names, NaN or hexadecimal
/// numbers. It exists because a generator cannot count on System.Text.Json being loadable beside the compiler. It never
/// throws: what is malformed in itself (an unterminated string, a bad escape, a comment, a number like 01) becomes an
/// <see cref="JsonTokenKind.Error"/> token with its message; anything else that is no token becomes an
/// <see cref="JsonTokenKind.Invalid"/> token for the parser to name. Spans count UTF-16 code units from the start of the
/// text, as Roslyn's do.
/// </summary>
internal sealed class JsonTokenizer
{
    private const string AllowedEscapes = "\\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX";

    private readonly string _text;
    private int _position;

    public JsonTokenizer(string text)
    {
        _text = text;
        // A byte order mark decoded into the text is not content.
        if (text.Length > 0 && text[0] == '\uFEFF') _position = 1;
    }

    /// <summary>The next token; <see cref="JsonTokenKind.EndOfFile"/> (an empty span at the end) once the text is used up.</summary>
    public JsonToken Next()
    {
        while (_position < _text.Length && _text[_position] is ' ' or '\t' or '\n' or '\r') _position++;
        if (_position >= _text.Length) return new JsonToken(JsonTokenKind.EndOfFile, new TextSpan(_text.Length, 0), "");

        int start = _position;
        char c = _text[start];
        switch (c)
        {
            case '{': return Single(JsonTokenKind.OpenBrace);
            case '}': return Single(JsonTokenKind.CloseBrace);
            case '[': return Single(JsonTokenKind.OpenBracket);
            case ']': return Single(JsonTokenKind.CloseBracket);
            case ':': return Single(JsonTokenKind.Colon);
            case ',': return Single(JsonTokenKind.Comma);
            case '"': return ReadString();
            case '\'': return ReadSingleQuoted();
            case '/' when At(start + 1) == '/':
                return Error(start, LineEnd(start) - start, "JSON does not allow comments; remove this '//' comment");
            case '/' when At(start + 1) == '*':
                return Error(start, 2, "JSON does not allow comments; remove this '/* */' comment");
            case '+' when IsDigit(At(start + 1)):
                return NumberError(start, start + 1, "JSON numbers have no '+' sign");
            case '.' when IsDigit(At(start + 1)):
                return NumberError(start, start + 1, "a digit must come before '.', e.g. 0.5");
        }
        if (c == '-' || IsDigit(c)) return ReadNumber();
        if (IsWordCharacter(c)) return ReadWord();

        // A stray character; a surrogate pair stays whole.
        int length = char.IsHighSurrogate(c) && char.IsLowSurrogate(At(start + 1)) ? 2 : 1;
        _position = start + length;
        return new JsonToken(JsonTokenKind.Invalid, new TextSpan(start, length), _text.Substring(start, length));
    }

    private JsonToken Single(JsonTokenKind kind)
    {
        int start = _position++;
        return new JsonToken(kind, new TextSpan(start, 1), _text.Substring(start, 1));
    }

    /// <summary>A string: escapes decoded, raw control characters and line breaks refused (JSON strings stay on one line).</summary>
    private JsonToken ReadString()
    {
        int start = _position;
        int p = start + 1;
        int runStart = p;
        StringBuilder? decoded = null;
        while (true)
        {
            if (p >= _text.Length)
                return Error(start, _text.Length - start, "Unterminated string: the file ends before its closing '\"'");
            char c = _text[p];
            if (c == '"') break;
            if (c is '\n' or '\r')
                return Error(start, p - start, "Unterminated string: the line ends before its closing '\"' (a JSON string cannot span lines; write \\n for a line break)");
            if (c < ' ')
                return Error(p, 1, "Control character " + CodePoint(c) + " in a string; write it as an escape, e.g. \\t for a tab or \\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture));
            if (c != '\\')
            {
                p++;
                continue;
            }

            decoded ??= new StringBuilder();
            decoded.Append(_text, runStart, p - runStart);
            char escape = At(p + 1);
            switch (escape)
            {
                case '"': case '\\': case '/': decoded.Append(escape); break;
                case 'b': decoded.Append('\b'); break;
                case 'f': decoded.Append('\f'); break;
                case 'n': decoded.Append('\n'); break;
                case 'r': decoded.Append('\r'); break;
                case 't': decoded.Append('\t'); break;
                case 'u':
                    int hexDigits = 0;
                    while (hexDigits < 4 && IsHexDigit(At(p + 2 + hexDigits))) hexDigits++;
                    if (hexDigits < 4)
                        return Error(p, 2 + hexDigits, "Invalid escape '" + _text.Substring(p, 2 + hexDigits) + "' in a string: \\u needs four hexadecimal digits, e.g. \\u00e9");
                    decoded.Append((char)int.Parse(_text.Substring(p + 2, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture));
                    p += 4;
                    break;
                default:
                    if (p + 1 >= _text.Length)
                        return Error(start, _text.Length - start, "Unterminated string: the file ends before its closing '\"'");
                    if (escape is '\n' or '\r')
                        return Error(start, p + 1 - start, "Unterminated string: the line ends before its closing '\"' (a JSON string cannot span lines; write \\n for a line break)");
                    string shown = escape < ' ' ? CodePoint(escape) : "'\\" + escape + "'";
                    return Error(p, 2, "Invalid escape " + shown + " in a string; JSON allows " + AllowedEscapes);
            }
            p += 2;
            runStart = p;
        }

        string value = decoded is null
            ? _text.Substring(start + 1, p - start - 1)
            : decoded.Append(_text, runStart, p - runStart).ToString();
        _position = p + 1;
        return new JsonToken(JsonTokenKind.String, new TextSpan(start, p + 1 - start), _text.Substring(start, p + 1 - start), value);
    }

    /// <summary>-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?, not followed by a letter, digit or '.'.</summary>
    private JsonToken ReadNumber()
    {
        int start = _position;
        int p = start;
        if (At(p) == '-') p++;
        if (!IsDigit(At(p))) return NumberError(start, p, "a digit must follow '-'");
        if (At(p) == '0')
        {
            p++;
            if (IsDigit(At(p))) return NumberError(start, p, "JSON numbers cannot have leading zeros");
        }
        else
        {
            while (IsDigit(At(p))) p++;
        }
        if (At(p) == '.')
        {
            p++;
            if (!IsDigit(At(p))) return NumberError(start, p, "a digit must follow '.'");
            while (IsDigit(At(p))) p++;
        }
        if (At(p) is 'e' or 'E')
        {
            p++;
            if (At(p) is '+' or '-') p++;
            if (!IsDigit(At(p))) return NumberError(start, p, "the exponent needs digits, e.g. 1e3");
            while (IsDigit(At(p))) p++;
        }
        if (IsWordCharacter(At(p)) || At(p) == '.')
            return NumberError(start, p, "not a JSON number; write a plain decimal number such as 16, -2, 0.5 or 1e3");

        _position = p;
        return new JsonToken(JsonTokenKind.Number, new TextSpan(start, p - start), _text.Substring(start, p - start));
    }

    /// <summary>Reports a malformed number over the whole run of characters that reads as one, e.g. '0x1F' or '1.2.3'.</summary>
    private JsonToken NumberError(int start, int from, string reason)
    {
        int end = from;
        while (IsWordCharacter(At(end)) || At(end) is '.' or '+' or '-') end++;
        return Error(start, end - start, "Invalid number '" + JsonValue.Shorten(_text.Substring(start, end - start)) + "': " + reason);
    }

    /// <summary>true, false, null, or a bare word that the parser will report (e.g. an unquoted name, True, NaN).</summary>
    private JsonToken ReadWord()
    {
        int start = _position;
        int p = start;
        while (IsWordCharacter(At(p))) p++;
        _position = p;
        string word = _text.Substring(start, p - start);
        JsonTokenKind kind = word switch
        {
            "true" => JsonTokenKind.True,
            "false" => JsonTokenKind.False,
            "null" => JsonTokenKind.Null,
            _ => JsonTokenKind.Invalid,
        };
        return new JsonToken(kind, new TextSpan(start, p - start), word);
    }

    /// <summary>'text' up to the closing quote or the end of the line: one invalid token, named whole by the parser.</summary>
    private JsonToken ReadSingleQuoted()
    {
        int start = _position;
        int end = LineEnd(start);
        int close = _text.IndexOf('\'', start + 1, end - start - 1);
        int p = close < 0 ? end : close + 1;
        _position = p;
        return new JsonToken(JsonTokenKind.Invalid, new TextSpan(start, p - start), _text.Substring(start, p - start));
    }

    private JsonToken Error(int start, int length, string message)
    {
        // After an error the parser stops, so the rest of the text is never read.
        _position = _text.Length;
        return new JsonToken(JsonTokenKind.Error, new TextSpan(start, length), _text.Substring(start, length), message);
    }

    private int LineEnd(int from)
    {
        int p = from;
        while (p < _text.Length && _text[p] is not ('\n' or '\r')) p++;
        return p;
    }

    private char At(int index) => index < _text.Length ? _text[index] : '\0';

    private static bool IsDigit(char c) => c is >= '0' and <= '9';

    private static bool IsHexDigit(char c) => c is >= '0' and <= '9' or >= 'a' and <= 'f' or >= 'A' and <= 'F';

    private static bool IsWordCharacter(char c) => char.IsLetterOrDigit(c) || c is '_' or '$';

    internal static string CodePoint(char c) => "U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture);
}
