using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using LeNetGen.Generator.Check;
using LeNetGen.Generator.Diagnostics;
using LeNetGen.Generator.Model;
using LeNetGen.Generator.Parse;
using Microsoft.CodeAnalysis;

namespace LeNetGen.Generator.Tests.Schema;

/// <summary>The generator's verdict on one spec file: the errors its JSON front end and shape checker report, each
/// with what the schema can see of it.</summary>
internal sealed record GeneratorVerdict(IReadOnlyList<(string Id, SchemaReach Reach, string Message)> Errors)
{
    public const string Path = "specs/Spec.lenet.json";

    public static GeneratorVerdict Of(string text)
    {
        FrontEndResult frontEnd = JsonFrontEnd.Read(Path, text, CancellationToken.None);
        CheckResult checkedSpec = ShapeChecker.Check(frontEnd);
        JsonNode? node;
        try { node = JsonNode.Parse(text, null, new JsonDocumentOptions { AllowDuplicateProperties = false }); }
        catch (JsonException) { node = null; }
        return new GeneratorVerdict(checkedSpec.Diagnostics
            .Where(d => d.Descriptor.DefaultSeverity == DiagnosticSeverity.Error)
            .Select(d => (d.Descriptor.Id, DiagnosticClasses.ReachOf(d, node),
                d.ToDiagnostic().GetMessage(System.Globalization.CultureInfo.InvariantCulture)))
            .ToList());
    }

    /// <summary>True when the build rejects the spec for something the schema can see.</summary>
    public bool HasStructuralError => Errors.Any(e => e.Reach == SchemaReach.Structural);

    public override string ToString() => Errors.Count == 0 ? "no error"
        : string.Join("; ", Errors.Select(e => $"{e.Id} ({e.Reach}): {e.Message}"));
}
