namespace LeNetGen.Generator.Parse.Json;

/// <summary>The kinds of JSON token, plus the two the tokenizer uses to report what is not JSON.</summary>
internal enum JsonTokenKind
{
    EndOfFile,
    OpenBrace,
    CloseBrace,
    OpenBracket,
    CloseBracket,
    Colon,
    Comma,
    String,
    Number,
    True,
    False,
    Null,

    /// <summary>Text that is no JSON token (a bare word, a single-quoted string, a stray character); the parser names it
    /// in its "expected ..., found ..." message, since only the parser knows what was expected.</summary>
    Invalid,

    /// <summary>A malformed token whose problem does not depend on context (an unterminated string, a bad escape, a
    /// comment); <see cref="JsonToken.Value"/> holds the whole message.</summary>
    Error,
}
