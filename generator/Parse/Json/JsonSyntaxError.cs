using Microsoft.CodeAnalysis.Text;

namespace LeNetGen.Generator.Parse.Json;

/// <summary>The first syntax error of a JSON document: a whole sentence naming what was expected and what was found, and
/// where (the found token; an unterminated string's opening quote; the end of the file).</summary>
internal sealed record JsonSyntaxError(string Message, TextSpan Span, LinePositionSpan LineSpan);
