using System.Collections.Generic;
using System.Text;
using System.Text.RegularExpressions;

namespace LeNetGen.Generator.Tests.Infrastructure;

/// <summary>
/// Source text with the expected diagnostics marked in place, as Roslyn's analyzer tests do: <c>{|LNG0101:7|}</c>
/// marks the span "7" where LNG0101 must be reported. <see cref="Parse"/> strips the markers and returns, for each,
/// the ID and the 1-based line and column where it starts (the line and column a build prints).
/// </summary>
internal static partial class Markup
{
    [GeneratedRegex(@"\{\|(?<id>[A-Z]+[0-9]+):(?<text>.*?)\|\}", RegexOptions.Singleline)]
    private static partial Regex Marker();

    public static (string Text, List<Expected> Expected) Parse(string markup)
    {
        var expected = new List<Expected>();
        var text = new StringBuilder();
        int last = 0;
        foreach (Match match in Marker().Matches(markup))
        {
            text.Append(markup, last, match.Index - last);
            (int line, int column) = Position(text);
            expected.Add(new Expected(match.Groups["id"].Value, line, column, match.Groups["text"].Value));
            text.Append(match.Groups["text"].Value);
            last = match.Index + match.Length;
        }
        text.Append(markup, last, markup.Length - last);
        return (text.ToString(), expected);
    }

    private static (int Line, int Column) Position(StringBuilder text)
    {
        int line = 1, column = 1;
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                column = 1;
            }
            else column++;
        }
        return (line, column);
    }

    /// <summary>An expected diagnostic: its ID, where it starts (1-based) and the text it spans.</summary>
    internal sealed record Expected(string Id, int Line, int Column, string Span)
    {
        public override string ToString() => $"{Id} at {Line}:{Column} on '{Span}'";
    }
}
