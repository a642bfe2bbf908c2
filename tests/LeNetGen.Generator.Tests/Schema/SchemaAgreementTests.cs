using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using CsCheck;
using LeNetGen.Generator.Diagnostics;
using LeNetGen.Generator.Model;
using LeNetGen.Generator.Parse.Json;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace LeNetGen.Generator.Tests.Schema;

/// <summary>
/// generator/docs/lenet.schema.json agrees with the generator both ways: a real JSON Schema validator accepts a spec
/// exactly when the generator's JSON front end and shape checker report no error the schema can see
/// (<see cref="DiagnosticClasses"/>); a spec whose only errors depend on shapes (a kernel larger than its input) is
/// valid for the schema. Checked over every spec in the tests and samples, over damaged specs, over every C# keyword
/// as a name, every spelling of every option name, and the head at every position.
/// </summary>
public sealed class SchemaAgreementTests
{
    private static string Disagreement(string origin, string text, SpecSchema.Verdict schema, GeneratorVerdict generator) =>
        $"{origin}: the schema says {schema}, the generator says {generator}\n{(text.Length > 600 ? text[..600] + "..." : text)}";

    private static string? Compare(string origin, string text, SpecSchema? schema = null)
    {
        SpecSchema.Verdict verdict = (schema ?? SpecSchema.Shipped).Validate(text);
        GeneratorVerdict generator = GeneratorVerdict.Of(text);
        return verdict.Valid == !generator.HasStructuralError ? null : Disagreement(origin, text, verdict, generator);
    }

    [Fact]
    public void EveryJsonSpecInTheTestsAndSamplesGetsTheGeneratorsVerdictFromTheSchema()
    {
        IReadOnlyList<SpecCorpus.Spec> specs = SpecCorpus.All;
        var disagreements = specs.Select(s => Compare(s.Origin, s.Text)).Where(d => d is not null).ToList();
        Assert.True(disagreements.Count == 0, disagreements.Count + " of " + specs.Count + " specs:\n\n" + string.Join("\n\n", disagreements));

        // The corpus really is the repository's: its files, the JSON tests' literals, and specs of every verdict.
        Assert.Contains(specs, s => s.Origin == "samples/LeNetGen.Samples/Networks/TinyNet.lenet.json");
        Assert.Contains(specs, s => s.Origin.StartsWith("tests/LeNetGen.Generator.Tests/Json/JsonDiagnosticsTests.cs:", StringComparison.Ordinal));
        Assert.Contains(specs, s => s.Origin.StartsWith("tests/LeNetGen.Generator.Tests/MutatedSpecTests.cs:", StringComparison.Ordinal));
        var verdicts = specs.Select(s => GeneratorVerdict.Of(s.Text)).ToList();
        int clean = verdicts.Count(v => v.Errors.Count == 0), structural = verdicts.Count(v => v.HasStructuralError);
        int shapeOnly = verdicts.Count(v => v.Errors.Count > 0 && !v.HasStructuralError);
        string counts = $"{specs.Count} specs ({clean} without errors, {structural} with structural errors, {shapeOnly} with shape errors only): "
            + string.Join(", ", specs.GroupBy(s => s.Origin.Split(':')[0]).Select(g => g.Key + " " + g.Count()));
        Assert.True(specs.Count >= 120 && clean >= 10 && structural >= 60 && shapeOnly >= 5, counts);
    }

    [Fact]
    public void DamagedSpecsGetTheGeneratorsVerdictFromTheSchema() =>
        MutatedSpecTests.Edit.Array[1, 3].Select(edits => MutatedSpecTests.Apply(MutatedSpecTests.Json, edits)).Sample(json =>
        {
            string? disagreement = Compare("damaged spec", json);
            Assert.True(disagreement is null, disagreement);
        }, iter: 400, print: json => json);

    [Fact]
    public void EveryCSharpKeywordIsRefusedAsAClassOrNamespaceNameByBoth()
    {
        // The generator asks Roslyn (keywords, contextual ones included); the schema lists them.
        var keywords = SyntaxFacts.GetKeywordKinds().Concat(SyntaxFacts.GetContextualKeywordKinds()).Select(SyntaxFacts.GetText).Distinct().ToList();
        Assert.Contains("class", keywords);
        Assert.Contains("record", keywords);
        var failures = new List<string>();
        foreach (string keyword in keywords)
        {
            foreach (string spec in new[] { Spec(cls: keyword), Spec(extra: $", \"namespace\": \"Samples.{keyword}\""), Spec(extra: $", \"namespace\": \"{keyword}.Digits\"") })
            {
                if (SpecSchema.Shipped.Validate(spec).Valid) failures.Add("schema accepts " + spec);
                if (!GeneratorVerdict.Of(spec).Errors.Any(e => e.Id == "LNG0206")) failures.Add("generator accepts " + spec);
            }
            // Near misses are names.
            foreach (string name in new[] { keyword + "1", "_" + keyword, char.ToUpperInvariant(keyword[0]) + keyword[1..] })
            {
                if (name == keyword) continue; // "__arglist" has no upper-case first letter

                string spec = Spec(cls: name, extra: $", \"namespace\": \"{name}.{name}\"");
                string? disagreement = Compare(name, spec);
                if (disagreement is not null) failures.Add(disagreement);
                else if (!SpecSchema.Shipped.Validate(spec).Valid) failures.Add("both refuse " + spec);
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public void EverySpellingOfEveryOptionNameIsAcceptedByBoth()
    {
        var failures = new List<string>();
        void Check(string name, Func<string, string> spec)
        {
            string pascal = char.ToUpperInvariant(name[0]) + name[1..];
            foreach (string spelling in new[] { name, pascal, name.ToUpperInvariant(), name.ToLowerInvariant(), Alternate(name) })
            {
                string text = spec(spelling);
                SpecSchema.Verdict verdict = SpecSchema.Shipped.Validate(text);
                GeneratorVerdict generator = GeneratorVerdict.Of(text);
                if (!verdict.Valid || generator.Errors.Count > 0) failures.Add(Disagreement(spelling, text, verdict, generator));
            }
            foreach (string miss in new[] { name + "s", name[1..], " " + name, name.Replace('a', 'á').Replace('e', 'é') })
            {
                if (string.Equals(miss, name, StringComparison.OrdinalIgnoreCase)) continue;
                string text = spec(miss);
                SpecSchema.Verdict verdict = SpecSchema.Shipped.Validate(text);
                GeneratorVerdict generator = GeneratorVerdict.Of(text);
                if (verdict.Valid || !generator.Errors.Any(e => e.Id == "LNG0204")) failures.Add(Disagreement(miss, text, verdict, generator));
            }
        }

        foreach (string n in JsonSpecVocabulary.EnumSpellings<ElementType>()) Check(n, s => Spec(extra: $", \"element\": \"{s}\""));
        foreach (string n in JsonSpecVocabulary.EnumSpellings<Init>()) Check(n, s => Spec(extra: $", \"init\": \"{s}\""));
        foreach (string n in JsonSpecVocabulary.EnumSpellings<Act>()) Check(n, s => Spec(layers: $"{{ \"kind\": \"dense\", \"units\": 4, \"activation\": \"{s}\" }}, " + Softmax));
        foreach (string n in JsonSpecVocabulary.EnumSpellings<Unroll>()) Check(n, s => Spec(layers: $"{{ \"kind\": \"dense\", \"units\": 4, \"unroll\": \"{s}\" }}, " + Softmax));
        foreach (string n in JsonSpecVocabulary.EnumSpellings<PoolKind>()) Check(n, s => Spec(layers: $"{{ \"kind\": \"pool\", \"pooling\": \"{s}\", \"window\": 2 }}, " + Softmax));
        foreach (string n in JsonSpecVocabulary.EnumSpellings<RbfPrototypes>())
            Check(n, s => Spec(layers: $"{{ \"kind\": \"dense\", \"units\": 84 }}, {{ \"kind\": \"rbf\", \"classes\": 10, \"prototypes\": \"{s}\" }}"));
        foreach ((string n, LayerKind kind) in JsonSpecVocabulary.LayerKinds)
        {
            string body = kind switch
            {
                LayerKind.Conv => "\"maps\": 2, \"kernel\": 3",
                LayerKind.Pool => "\"pooling\": \"max\", \"window\": 2",
                LayerKind.Dense => "\"units\": 84",
                _ => "\"classes\": 10",
            };
            bool head = kind is LayerKind.SoftmaxOutput or LayerKind.RbfOutput;
            Check(n, s => Spec(layers: head ? $"{{ \"kind\": \"dense\", \"units\": 84 }}, {{ \"kind\": \"{s}\", {body} }}" : $"{{ \"kind\": \"{s}\", {body} }}, {Softmax}"));
        }
        Check(JsonSpecVocabulary.LeNet5C3, s => Spec(input: "6x14x14", layers: $"{{ \"kind\": \"conv\", \"maps\": 16, \"kernel\": 5, \"connections\": \"{s}\" }}, " + Softmax));
        Assert.True(failures.Count == 0, string.Join("\n\n", failures));
    }

    [Fact]
    public void TheHeadIsLastForEveryNumberOfLayers()
    {
        var failures = new List<string>();
        for (int count = 1; count <= 66; count++)
        {
            for (int head = 0; head < count; head++)
            {
                if (head > 2 && head < count - 3) continue; // the positions at both ends of each length
                string layers = string.Join(", ", Enumerable.Range(0, count).Select(i => i == head ? Softmax : "{ \"kind\": \"dense\", \"units\": 4 }"));
                string? disagreement = Compare($"{count} layers, the head at {head + 1}", Spec(layers: layers));
                if (disagreement is not null) failures.Add(disagreement);
            }
            string noHead = string.Join(", ", Enumerable.Repeat("{ \"kind\": \"dense\", \"units\": 4 }", count));
            if (Compare($"{count} layers, no head", Spec(layers: noHead)) is string d) failures.Add(d);
        }
        Assert.True(failures.Count == 0, string.Join("\n\n", failures));
    }

    [Fact]
    public void TheSchemaIsAValidDraft202012SchemaWithItsStableId()
    {
        // The $id the package's build props name, and the dialect JsonSchema.Net and editors read it as.
        System.Text.Json.Nodes.JsonObject schema = SpecSchema.ShippedNode();
        Assert.Equal("https://lenetgen.dev/schema/lenet.schema.json", (string?)schema["$id"]);
        Assert.Equal("https://json-schema.org/draft/2020-12/schema", (string?)schema["$schema"]);
        Assert.Contains("https://lenetgen.dev/schema/lenet.schema.json",
            System.IO.File.ReadAllText(System.IO.Path.Combine(Infrastructure.RepositoryPaths.Root, "runtime", "build", "LeNetGen.props")), StringComparison.Ordinal);
        using var document = System.Text.Json.JsonDocument.Parse(System.IO.File.ReadAllText(SpecSchema.Path));
        global::Json.Schema.EvaluationResults meta = global::Json.Schema.MetaSchemas.Draft202012.Evaluate(document.RootElement,
            new global::Json.Schema.EvaluationOptions { OutputFormat = global::Json.Schema.OutputFormat.List });
        Assert.True(meta.IsValid, string.Join("; ", (meta.Details ?? new List<global::Json.Schema.EvaluationResults>()).Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => d.InstanceLocation + ": " + e.Value))));
    }

    [Fact]
    public void EveryDiagnosticIsClassified()
    {
        var ids = typeof(DiagnosticDescriptors).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => ((DiagnosticDescriptor)f.GetValue(null)!).Id).OrderBy(i => i, StringComparer.Ordinal).ToList();
        Assert.Equal(ids, DiagnosticClasses.ById.Keys.OrderBy(i => i, StringComparer.Ordinal));
    }

    internal const string Softmax = "{ \"kind\": \"softmax\", \"classes\": 10 }";

    /// <summary>A spec: by default one valid network, with the class, input, extra root properties or layers given.</summary>
    internal static string Spec(string cls = "Net", string input = "1x8x8", string extra = "", string? layers = null) =>
        $"{{ \"class\": \"{cls}\", \"input\": \"{input}\"{extra}, \"layers\": [ {layers ?? "{ \"kind\": \"conv\", \"maps\": 2, \"kernel\": 3 }, " + Softmax} ] }}";

    private static string Alternate(string name) =>
        string.Concat(name.Select((c, i) => i % 2 == 0 ? char.ToUpperInvariant(c) : char.ToLowerInvariant(c)));
}
