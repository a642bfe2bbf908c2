using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using LeNetGen.Generator.Parse;

using LeNetGen.Generator.Tests.Infrastructure;

namespace LeNetGen.Generator.Tests.Schema;

/// <summary>
/// generator/docs/lenet.schema.json run by a real JSON Schema validator (JsonSchema.Net, draft 2020-12). A spec is
/// first read as strict JSON by System.Text.Json (no comments, no trailing commas, no property twice, nesting and
/// length within the generator's documented limits: what a schema cannot say about text), then evaluated.
/// </summary>
internal sealed class SpecSchema
{
    public static string Path => System.IO.Path.Combine(RepositoryPaths.Root, "generator", "docs", "lenet.schema.json");

    /// <summary>The schema as shipped.</summary>
    public static SpecSchema Shipped { get; } = new(File.ReadAllText(Path));

    private readonly JsonSchema _schema;

    /// <summary>A schema from its text (the shipped one, or one with a rule removed); each has a registry of its own,
    /// since all of them carry the same $id.</summary>
    public SpecSchema(string text)
    {
        _schema = JsonSchema.FromText(text, new BuildOptions { SchemaRegistry = new SchemaRegistry() });
    }

    public static JsonObject ShippedNode() => (JsonObject)JsonNode.Parse(File.ReadAllText(Path))!;

    /// <summary>The validator's verdict on one spec file's text: valid, or the reasons it is not.</summary>
    public Verdict Validate(string text)
    {
        if (text.Length > JsonFrontEnd.MaxFileLength) return new Verdict(false, new[] { "longer than 1 MB" });
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text, new JsonDocumentOptions
            {
                AllowDuplicateProperties = false,
                AllowTrailingCommas = false,
                CommentHandling = JsonCommentHandling.Disallow,
                MaxDepth = LeNetGen.Generator.Parse.Json.JsonParser.MaxDepth,
            });
        }
        catch (JsonException exception)
        {
            return new Verdict(false, new[] { "not strict JSON: " + exception.Message });
        }
        using (document)
        {
            EvaluationResults results = _schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
            if (results.IsValid) return new Verdict(true, Array.Empty<string>());
            var errors = (results.Details ?? new List<EvaluationResults>()).Append(results)
                .Where(r => r.Errors is { Count: > 0 })
                .SelectMany(r => r.Errors!.Select(e => $"{r.InstanceLocation} ({r.EvaluationPath}): {e.Key}: {e.Value}"))
                .ToList();
            return new Verdict(false, errors);
        }
    }

    internal sealed record Verdict(bool Valid, IReadOnlyList<string> Errors)
    {
        public override string ToString() => Valid ? "valid" : "invalid: " + string.Join("; ", Errors.Take(6));
    }
}
