using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace LeNetGen.Generator.Model;

/// <summary>
/// A position in a source or JSON file as plain values, so it can travel through the pipeline (a <see cref="Location"/>
/// holds a syntax tree and would keep every step from caching). Turned back into a <see cref="Location"/> only when a
/// diagnostic is reported.
/// </summary>
internal sealed record LocationInfo(string FilePath, TextSpan Span, LinePositionSpan LineSpan)
{
    public static LocationInfo? From(Location? location)
    {
        if (location is null || location.SourceTree is null) return null;
        return new LocationInfo(location.SourceTree.FilePath, location.SourceSpan, location.GetLineSpan().Span);
    }

    public static LocationInfo? From(SyntaxNode? node) => node is null ? null : From(node.GetLocation());

    public Location ToLocation() => Location.Create(FilePath, Span, LineSpan);
}
