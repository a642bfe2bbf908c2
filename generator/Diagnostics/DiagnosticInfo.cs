using System.Linq;
using LeNetGen.Generator.Model;
using Microsoft.CodeAnalysis;

namespace LeNetGen.Generator.Diagnostics;

/// <summary>A diagnostic as plain values (descriptor, location, message arguments), so it can be compared and cached.</summary>
internal sealed record DiagnosticInfo(DiagnosticDescriptor Descriptor, LocationInfo? Location, EquatableArray<string> MessageArgs)
{
    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, LocationInfo? location, params object[] messageArgs) =>
        new(descriptor, location, messageArgs.Select(a => string.Format(System.Globalization.CultureInfo.InvariantCulture, "{0}", a)).ToEquatableArray());

    public Diagnostic ToDiagnostic() =>
        Diagnostic.Create(Descriptor, Location?.ToLocation(), MessageArgs.Cast<object>().ToArray());

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
        return Diagnostic.Create(Descriptor, location, MessageArgs.Cast<object>().ToArray());
    }
}
