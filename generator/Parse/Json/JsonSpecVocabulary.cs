using System;
using System.Collections.Generic;
using System.Linq;
using LeNetGen.Generator.Model;

namespace LeNetGen.Generator.Parse.Json;

/// <summary>
/// The words of the JSON spec format: the properties each object may have, the layer kinds, how enum values are spelled
/// and LeNet-5's named connection table. It mirrors the runtime's attributes (runtime/Spec) and
/// generator/docs/lenet.schema.json; change all three together.
/// </summary>
internal static class JsonSpecVocabulary
{
    public static readonly IReadOnlyList<string> RootProperties =
        new[] { "$schema", "namespace", "class", "input", "element", "seed", "init", "weights", "layers" };

    public static readonly IReadOnlyList<string> ConvProperties =
        new[] { "kind", "maps", "kernel", "stride", "padding", "connections", "activation", "unroll" };

    public static readonly IReadOnlyList<string> PoolProperties =
        new[] { "kind", "pooling", "window", "stride", "ceilMode", "activation", "unroll" };

    public static readonly IReadOnlyList<string> DenseProperties =
        new[] { "kind", "units", "activation", "unroll" };

    public static readonly IReadOnlyList<string> SoftmaxProperties =
        new[] { "kind", "classes", "unroll" };

    public static readonly IReadOnlyList<string> RbfProperties =
        new[] { "kind", "classes", "prototypes", "trainable", "unroll" };

    /// <summary>The "kind" of each layer as written in JSON, in the order messages list them.</summary>
    public static readonly IReadOnlyList<(string Name, LayerKind Kind)> LayerKinds = new[]
    {
        ("conv", LayerKind.Conv),
        ("pool", LayerKind.Pool),
        ("dense", LayerKind.Dense),
        ("softmax", LayerKind.SoftmaxOutput),
        ("rbf", LayerKind.RbfOutput),
    };

    /// <summary>The name of LeNet-5's C3 table, matched ignoring case.</summary>
    public const string LeNet5C3 = "LeNet5C3";

    /// <summary>
    /// LeNet-5's C3 table (table 1 of LeCun et al., 1998), the same as the runtime's ConnectionTables.LeNet5C3: rows are
    /// the 6 S2 maps, columns the 16 C3 maps.
    /// </summary>
    public static readonly IReadOnlyList<string> LeNet5C3Rows = new[]
    {
        "X...XXX..XXXX.XX",
        "XX...XXX..XXXX.X",
        "XXX...XXX..X.XXX",
        ".XXX..XXXX..X.XX",
        "..XXX..XXXX.XX.X",
        "...XXX..XXXX.XXX",
    };

    public static IReadOnlyList<string> PropertiesOf(LayerKind kind) => kind switch
    {
        LayerKind.Conv => ConvProperties,
        LayerKind.Pool => PoolProperties,
        LayerKind.Dense => DenseProperties,
        LayerKind.SoftmaxOutput => SoftmaxProperties,
        _ => RbfProperties,
    };

    public static string NameOf(LayerKind kind) => LayerKinds.First(k => k.Kind == kind).Name;

    /// <summary>The layer kind named <paramref name="name"/>, ignoring case.</summary>
    public static LayerKind? FindLayerKind(string name)
    {
        foreach ((string Name, LayerKind Kind) entry in LayerKinds)
            if (string.Equals(entry.Name, name, StringComparison.OrdinalIgnoreCase)) return entry.Kind;
        return null;
    }

    /// <summary>The member of <typeparamref name="TEnum"/> named <paramref name="name"/>, ignoring case (names only: no
    /// numbers, no comma lists).</summary>
    public static TEnum? FindEnum<TEnum>(string name) where TEnum : struct, Enum
    {
        foreach (string member in Enum.GetNames(typeof(TEnum)))
            if (string.Equals(member, name, StringComparison.OrdinalIgnoreCase))
                return (TEnum)Enum.Parse(typeof(TEnum), member);
        return null;
    }

    /// <summary>The JSON spelling of each member, camelCase as the schema lists them: "identity", "scaledTanh".</summary>
    public static IEnumerable<string> EnumSpellings<TEnum>() where TEnum : struct, Enum =>
        Enum.GetNames(typeof(TEnum)).Select(n => char.ToLowerInvariant(n[0]) + n.Substring(1));

    /// <summary>"\"a\", \"b\" or \"c\"": JSON string values for a message.</summary>
    public static string ListValues(IEnumerable<string> values) => List(values.Select(v => "\"" + v + "\"").ToList(), " or ");

    /// <summary>"'a', 'b' and 'c'": property names for a message.</summary>
    public static string ListProperties(IEnumerable<string> names) => List(names.Select(n => "'" + n + "'").ToList(), " and ");

    private static string List(IReadOnlyList<string> items, string lastSeparator) =>
        items.Count <= 1 ? string.Concat(items) : string.Join(", ", items.Take(items.Count - 1)) + lastSeparator + items[items.Count - 1];
}
