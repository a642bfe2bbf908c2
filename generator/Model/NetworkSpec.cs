using LeNetGen.Generator.Diagnostics;

namespace LeNetGen.Generator.Model;

/// <summary>
/// A network as a front end read it (from attributes or from a JSON file): names, options and layers as written, plus
/// the problems the front end found. The shape checker turns it into a <see cref="NetworkPlan"/>.
/// Contract: immutable and structurally equal all the way down (no ISymbol, SyntaxNode, Location or Compilation), so the
/// incremental pipeline can cache on it.
/// </summary>
internal sealed record NetworkSpec
{
    public SpecOrigin Origin { get; init; }

    /// <summary>The namespace, "" for the global namespace.</summary>
    public string Namespace { get; init; } = "";

    public string ClassName { get; init; } = "";

    /// <summary>Enclosing types, outermost first, e.g. "partial class Outer" (attribute specs only).</summary>
    public EquatableArray<string> ContainingTypes { get; init; } = EquatableArray<string>.Empty;

    /// <summary>The class name in source, or the JSON file's "class" value: where name-level diagnostics go.</summary>
    public LocationInfo? Location { get; init; }

    /// <summary>
    /// The [Network] attribute (attribute specs; null for JSON): where a diagnostic about the network as a whole goes,
    /// such as LNG0303 when no one layer makes the generated source too large.
    /// </summary>
    public LocationInfo? NetworkLocation { get; init; }

    /// <summary>The input shape as written, e.g. "1x32x32"; null when missing.</summary>
    public string? Input { get; init; }
    public LocationInfo? InputLocation { get; init; }

    public ElementType Element { get; init; }
    public ulong Seed { get; init; }
    public Init Init { get; init; }

    public EquatableArray<LayerSpec> Layers { get; init; } = EquatableArray<LayerSpec>.Empty;

    /// <summary>
    /// True when the layers' order is not defined (layer attributes on several partial declarations, LNG0007): each
    /// layer is still checked on its own, but nothing that depends on the order (shapes, the head's place) is.
    /// </summary>
    public bool LayerOrderUnknown { get; init; }

    /// <summary>The JSON file that held the spec, for hint names and documentation; null for attribute specs.</summary>
    public string? SourceFile { get; init; }

    /// <summary>The class's full name, containing types included: "Samples.Outer.Digits".</summary>
    public string FullName
    {
        get
        {
            var name = new System.Text.StringBuilder(Namespace);
            foreach (string containing in ContainingTypes)
            {
                if (name.Length > 0) name.Append('.');
                name.Append(containing.Substring(containing.LastIndexOf(' ') + 1));
            }
            if (name.Length > 0) name.Append('.');
            return name.Append(ClassName).ToString();
        }
    }
}

/// <summary>What a front end produced: the spec when one could be read at all, and its diagnostics.</summary>
internal sealed record FrontEndResult(NetworkSpec? Spec, EquatableArray<DiagnosticInfo> Diagnostics);
