using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using LeNetGen.Generator.Diagnostics;

namespace LeNetGen.Generator.Tests.Schema;

/// <summary>What the JSON Schema can know of a generator error.</summary>
internal enum SchemaReach
{
    /// <summary>A property of one spec file's structure and values alone: the schema must reject every spec that has it.</summary>
    Structural,

    /// <summary>Depends on shapes flowing from layer to layer, or on totals computed from them (the input a layer receives,
    /// the parameter count), or on comparing two properties: only the build checks it; a spec whose errors are all of
    /// this kind is valid for the schema.</summary>
    ShapeDependent,

    /// <summary>Not about one JSON file: attribute-only declarations, two files with one class name, warnings and
    /// internal errors, the checkpoint a spec names. Never seen when one spec file is checked alone.</summary>
    NotApplicable,
}

/// <summary>
/// Every LeNetGen diagnostic, by ID, classified by what the JSON Schema can see of it. Two IDs cover both kinds of
/// problem and are split by an explicit rule: LNG0110 by the quantity it names (a value as written, or a total), and
/// LNG0104 by whether the table's own rows disagree (ragged, or LeNet-5's 16-column preset on another number of maps)
/// or all rows have one length that is not the layer's number of maps (a comparison JSON Schema cannot make).
/// </summary>
internal static class DiagnosticClasses
{
    public static readonly IReadOnlyDictionary<string, SchemaReach> ById = new Dictionary<string, SchemaReach>
    {
        ["LNG0001"] = SchemaReach.NotApplicable,   // class not partial (attributes)
        ["LNG0002"] = SchemaReach.NotApplicable,   // generic class (attributes)
        ["LNG0003"] = SchemaReach.Structural,      // no input: "input" required, a pattern
        ["LNG0004"] = SchemaReach.Structural,      // no layers: "layers" required, minItems 1
        ["LNG0005"] = SchemaReach.Structural,      // a layer after the head: the head's position
        ["LNG0006"] = SchemaReach.Structural,      // no head: contains a head
        ["LNG0007"] = SchemaReach.NotApplicable,   // attributes on several partial declarations
        ["LNG0008"] = SchemaReach.NotApplicable,   // two networks with one name: two files
        ["LNG0009"] = SchemaReach.Structural,      // input not CxHxW: a pattern
        ["LNG0010"] = SchemaReach.NotApplicable,   // containing type not partial (attributes)
        ["LNG0011"] = SchemaReach.Structural,      // conv without kernel: required
        ["LNG0012"] = SchemaReach.NotApplicable,   // unknown enum value cast in C# (attributes)
        ["LNG0013"] = SchemaReach.NotApplicable,   // static class (attributes)
        ["LNG0014"] = SchemaReach.NotApplicable,   // Kernel and KernelHeight both (attributes)
        ["LNG0101"] = SchemaReach.ShapeDependent,  // kernel larger than the input it receives
        ["LNG0102"] = SchemaReach.ShapeDependent,  // window larger than the input it receives
        ["LNG0103"] = SchemaReach.ShapeDependent,  // table rows vs the input maps it receives
        ["LNG0104"] = SchemaReach.Structural,      // table columns: split, see ReachOf
        ["LNG0105"] = SchemaReach.Structural,      // a character other than X, '.' or space: a pattern
        ["LNG0106"] = SchemaReach.ShapeDependent,  // an output map with no X in its column: a column of the table
        ["LNG0107"] = SchemaReach.ShapeDependent,  // RBF prototypes vs the width the head receives
        ["LNG0108"] = SchemaReach.Structural,      // LeNet-5's digit prototypes need 10 classes: if/then
        ["LNG0109"] = SchemaReach.Structural,      // a size below its minimum: minimum
        ["LNG0110"] = SchemaReach.Structural,      // a size beyond a limit: split, see ReachOf
        ["LNG0111"] = SchemaReach.NotApplicable,   // warning
        ["LNG0112"] = SchemaReach.ShapeDependent,  // a table where the input is a flat vector
        ["LNG0113"] = SchemaReach.Structural,      // an input dimension below 1: a pattern
        ["LNG0114"] = SchemaReach.Structural,      // ceil mode on subsampling: if/then
        ["LNG0201"] = SchemaReach.Structural,      // syntax: strict JSON
        ["LNG0202"] = SchemaReach.Structural,      // unknown property: additionalProperties
        ["LNG0203"] = SchemaReach.Structural,      // wrong type: type
        ["LNG0204"] = SchemaReach.Structural,      // unknown name: patterns
        ["LNG0205"] = SchemaReach.Structural,      // missing property: required
        ["LNG0206"] = SchemaReach.Structural,      // invalid class or namespace name: patterns
        ["LNG0207"] = SchemaReach.Structural,      // property twice: strict JSON
        ["LNG0208"] = SchemaReach.NotApplicable,   // warning, a file not named *.lenet.json
        ["LNG0301"] = SchemaReach.NotApplicable,   // warning
        ["LNG0302"] = SchemaReach.ShapeDependent,  // code written out: sizes of the shapes
        ["LNG0303"] = SchemaReach.ShapeDependent,  // generated source size
        ["LNG0304"] = SchemaReach.NotApplicable,   // an MSBuild property, not a spec
        ["LNG0401"] = SchemaReach.NotApplicable,   // the checkpoint "weights" names: another file
        ["LNG0402"] = SchemaReach.NotApplicable,
        ["LNG0403"] = SchemaReach.NotApplicable,
        ["LNG0404"] = SchemaReach.NotApplicable,
        ["LNG0405"] = SchemaReach.NotApplicable,
        ["LNG0406"] = SchemaReach.NotApplicable,
        ["LNG0407"] = SchemaReach.NotApplicable,
        ["LNG0408"] = SchemaReach.NotApplicable,
        ["LNG9001"] = SchemaReach.NotApplicable,   // internal error
    };

    /// <summary>The LNG0110 quantities that are totals computed from the shapes; every other LNG0110 names one value as
    /// written (a count, an extent, the padding, the seed, an integer beyond 32 bits, the table's rows or columns, the
    /// number of layers), which the schema bounds.</summary>
    public static readonly IReadOnlyCollection<string> ComputedTotals = new[]
    {
        "the input size", "the output size", "the parameter count", "the parameter count so far",
        "the number of prototype values", "the workspace size so far",
    };

    /// <summary>What the schema can see of <paramref name="diagnostic"/>, an error the generator reported for
    /// <paramref name="spec"/> (the spec's JSON, for LNG0104's rule).</summary>
    public static SchemaReach ReachOf(DiagnosticInfo diagnostic, JsonNode? spec)
    {
        string id = diagnostic.Descriptor.Id;
        if (!ById.TryGetValue(id, out SchemaReach reach))
            throw new InvalidOperationException(id + " is not classified in DiagnosticClasses.ById");
        if (id == "LNG0110")
            return ComputedTotals.Contains(diagnostic.MessageArgs[1]) ? SchemaReach.ShapeDependent : SchemaReach.Structural;
        if (id == "LNG0104")
            return TableDisagreesWithItself(spec, int.Parse(diagnostic.MessageArgs[0], System.Globalization.CultureInfo.InvariantCulture))
                ? SchemaReach.Structural : SchemaReach.ShapeDependent;
        return reach;
    }

    /// <summary>
    /// True when the table of layer <paramref name="position"/> (1-based, as diagnostics count) is wrong whatever the
    /// layer's maps: rows of different lengths, or LeNet-5's preset (16 columns) on a layer whose maps are not 16.
    /// </summary>
    private static bool TableDisagreesWithItself(JsonNode? spec, int position)
    {
        JsonNode? layer = spec?["layers"] is JsonArray layers && position - 1 < layers.Count ? layers[position - 1] : null;
        JsonNode? table = layer is JsonObject o && o.TryGetPropertyValue("connections", out JsonNode? t) ? t : null;
        if (table is JsonValue) return true; // the preset: LNG0104 only when maps is not 16
        if (table is not JsonArray rows) return false;
        return rows.Select(r => r is JsonValue v && v.TryGetValue(out string? s) ? s.Length : -1).Distinct().Count() > 1;
    }
}
