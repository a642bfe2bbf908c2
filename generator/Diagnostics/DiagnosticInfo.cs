using System.Collections.Immutable;
using System.Linq;
using LeNetGen.Generator.Model;
using Microsoft.CodeAnalysis;

namespace LeNetGen.Generator.Diagnostics;

/// <summary>A diagnostic as plain values (descriptor, location, message arguments), so it can be compared and cached.</summary>
internal sealed record DiagnosticInfo(DiagnosticDescriptor Descriptor, LocationInfo? Location, EquatableArray<string> MessageArgs)
{
    /// <summary>What a code fix needs and the checker knows (names in <see cref="FixProperties"/>); empty for most.</summary>
    public EquatableArray<(string Name, string Value)> Properties { get; init; } = EquatableArray<(string Name, string Value)>.Empty;

    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, LocationInfo? location, params object[] messageArgs) =>
        new(descriptor, location, messageArgs.Select(a => string.Format(System.Globalization.CultureInfo.InvariantCulture, "{0}", a)).ToEquatableArray());

    public Diagnostic ToDiagnostic() =>
        Diagnostic.Create(Descriptor, Location?.ToLocation(), PropertyMap(), MessageArgs.Cast<object>().ToArray());

    /// <summary>
    /// The diagnostic located in <paramref name="compilation"/>'s syntax tree of its file when there is one (so in-source
    /// suppressions apply to it); a JSON file keeps its external location.
    /// </summary>
    public Diagnostic ToDiagnostic(Compilation compilation)
    {
        Microsoft.CodeAnalysis.Location? location = Location?.ToLocation();
        if (Location is LocationInfo info)
            foreach (SyntaxTree tree in compilation.SyntaxTrees)
                if (tree.FilePath == info.FilePath && info.Span.End <= tree.Length)
                {
                    location = Microsoft.CodeAnalysis.Location.Create(tree, info.Span);
                    break;
                }
        return Diagnostic.Create(Descriptor, location, PropertyMap(), MessageArgs.Cast<object>().ToArray());
    }

    private ImmutableDictionary<string, string?>? PropertyMap() =>
        Properties.Count == 0 ? null : Properties.ToImmutableDictionary(p => p.Name, p => (string?)p.Value);
}
