using System.Globalization;
using LeNetGen.Generator.Model;

namespace LeNetGen.Generator.Emit;

/// <summary>How the element type is spelled in generated code: its keyword and its literals (invariant culture, round-trip).</summary>
internal sealed class ElementSyntax
{
    public static readonly ElementSyntax Float = new("float", "f", "G9");
    public static readonly ElementSyntax Double = new("double", "d", "G17");

    private readonly string _suffix;
    private readonly string _format;

    private ElementSyntax(string name, string suffix, string format)
    {
        Name = name;
        _suffix = suffix;
        _format = format;
    }

    public static ElementSyntax For(ElementType type) => type == ElementType.Double ? Double : Float;

    /// <summary>"float" or "double".</summary>
    public string Name { get; }

    public string ReadOnlySpan => "global::System.ReadOnlySpan<" + Name + ">";

    public string Span => "global::System.Span<" + Name + ">";

    /// <summary>A literal of this type, e.g. 0.25f; never culture-dependent.</summary>
    public string Literal(double value)
    {
        if (value == 0) return "0" + _suffix;
        string text = (Name == "float" ? ((float)value).ToString(_format, CultureInfo.InvariantCulture) : value.ToString(_format, CultureInfo.InvariantCulture));
        return text + _suffix;
    }
}
