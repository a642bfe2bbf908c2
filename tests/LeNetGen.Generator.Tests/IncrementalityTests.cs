using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using LeNetGen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace LeNetGen.Generator.Tests;

/// <summary>
/// The pipeline caches as designed: models are values (no symbols, syntax, locations or compilations), an unrelated
/// edit regenerates nothing, moving a spec changes its diagnostics' positions but not the plan, and a real change to
/// the spec flows through to the generated code.
/// </summary>
public sealed class IncrementalityTests
{
    private const string Network = """
        using LeNetGen;
        namespace Tests;

        [Network(Input = "1x12x12")]
        [Conv(4, Kernel = 5, Activation = Act.Tanh)]
        [Pool(PoolKind.Max, 2)]
        [SoftmaxOutput(10)]
        public partial class Net { }
        """;

    private const string Json = """
        { "class": "FromJson", "input": "1x8x8", "layers": [ { "kind": "dense", "units": 4 }, { "kind": "softmax", "classes": 2 } ] }
        """;

    private static readonly string[] TrackedSteps =
    {
        "AttributeSpec", "JsonSpec", "Checked", "Scheduled", "Checkpoints", "Weights", "Plan", "Emitted", "TooLarge",
        "Diagnostics", "Names", "DuplicateNames", "BuildOptions", "EmitOptions",
    };

    private static (GeneratorDriver Driver, CSharpCompilation Compilation) FirstRun(string source)
    {
        CSharpCompilation compilation = GeneratorHarness.Compilation(source);
        GeneratorDriver driver = GeneratorHarness.Driver(new[] { new InMemoryAdditionalText("FromJson.lenet.json", Json) });
        driver = driver.RunGenerators(compilation);
        return (driver, compilation);
    }

    private static Dictionary<string, ImmutableArray<IncrementalGeneratorRunStep>> Steps(GeneratorDriver driver) =>
        driver.GetRunResult().Results.Single().TrackedSteps.ToDictionary(p => p.Key, p => p.Value);

    private static IEnumerable<IncrementalStepRunReason> Reasons(GeneratorDriver driver, string step) =>
        Steps(driver)[step].SelectMany(s => s.Outputs).Select(o => o.Reason);

    [Fact]
    public void SecondRunOnAClonedCompilationIsCachedOrUnchangedEverywhere()
    {
        var (driver, compilation) = FirstRun(Network);
        driver = driver.RunGenerators(compilation.Clone());
        var steps = Steps(driver);
        foreach (string name in TrackedSteps)
        {
            Assert.True(steps.ContainsKey(name), $"step {name} is not tracked; tracked: {string.Join(", ", steps.Keys)}");
            foreach (var output in steps[name].SelectMany(s => s.Outputs))
                Assert.True(output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
                    $"step {name} ran again: {output.Reason}");
        }
    }

    [Fact]
    public void AnUnrelatedEditLeavesThePlanAndTheJsonBranchAlone()
    {
        var (driver, compilation) = FirstRun(Network);
        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace Tests; public class Unrelated { public int X; }",
            GeneratorHarness.ParseOptions, path: "Unrelated.cs"));
        driver = driver.RunGenerators(edited);
        Assert.All(Reasons(driver, "Plan"), r => Assert.True(r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, r.ToString()));
        Assert.All(Reasons(driver, "JsonSpec"), r => Assert.Equal(IncrementalStepRunReason.Cached, r));
    }

    [Fact]
    public void MovingTheSpecChangesItsLocationsButNotThePlan()
    {
        var (driver, compilation) = FirstRun(Network);
        SyntaxTree tree = compilation.SyntaxTrees.Single();
        SyntaxTree moved = tree.WithChangedText(tree.GetText().Replace(0, 0, "// a comment that moves everything down\n\n"));
        driver = driver.RunGenerators(compilation.ReplaceSyntaxTree(tree, moved));
        // The spec holds locations, so it is new; the plan holds none, so the generated code stays as it was.
        Assert.Contains(IncrementalStepRunReason.Modified, Reasons(driver, "AttributeSpec"));
        Assert.All(Reasons(driver, "Plan").Where(r => r != IncrementalStepRunReason.Cached),
            r => Assert.Equal(IncrementalStepRunReason.Unchanged, r));
    }

    [Fact]
    public void ChangingTheVectorWidthsEmitsAgainFromTheSamePlan()
    {
        var (driver, compilation) = FirstRun(Network);
        driver = driver.WithUpdatedAnalyzerConfigOptions(new BuildPropertiesProvider(new Dictionary<string, string> { ["LeNetGenVectorWidths"] = "256,128" }));
        driver = driver.RunGenerators(compilation);
        Assert.Contains(IncrementalStepRunReason.Modified, Reasons(driver, "EmitOptions"));
        Assert.All(Reasons(driver, "Plan"), r => Assert.True(r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, r.ToString()));
        Assert.Contains(IncrementalStepRunReason.Modified, Reasons(driver, "Emitted"));
        string tiles = driver.GetRunResult().Results.Single().GeneratedSources.Single(s => s.HintName == "Tests.Net.Tiles.g.cs").SourceText.ToString();
        Assert.DoesNotContain("ForwardTile512", tiles);
        Assert.Contains("ForwardTile256", tiles);
    }

    [Fact]
    public void ChangingAKernelRegeneratesThePlan()
    {
        var (driver, compilation) = FirstRun(Network);
        SyntaxTree tree = compilation.SyntaxTrees.Single();
        SyntaxTree changed = CSharpSyntaxTree.ParseText(Network.Replace("Kernel = 5", "Kernel = 3"), GeneratorHarness.ParseOptions, path: tree.FilePath);
        driver = driver.RunGenerators(compilation.ReplaceSyntaxTree(tree, changed));
        Assert.Contains(IncrementalStepRunReason.Modified, Reasons(driver, "Plan"));
        string generated = driver.GetRunResult().Results.Single().GeneratedSources.Single(s => s.HintName == "Tests.Net.g.cs").SourceText.ToString();
        Assert.Contains("kernel 3x3", generated);
    }

    [Fact]
    public void ReadingTheSameSpecTwiceGivesEqualDistinctModelsWithEqualHashes()
    {
        var first = GeneratorHarness.Run(Network);
        var second = GeneratorHarness.Run(Network);
        foreach (string step in new[] { "AttributeSpec", "Checked", "Plan" })
        {
            object a = Steps(first).Single(s => s.Key == step).Value.Single().Outputs.Single().Value;
            object b = Steps(second).Single(s => s.Key == step).Value.Single().Outputs.Single().Value;
            Assert.NotSame(a, b);
            Assert.Equal(a, b);
            Assert.Equal(a.GetHashCode(), b.GetHashCode());
        }

        static Dictionary<string, ImmutableArray<IncrementalGeneratorRunStep>> Steps(GeneratorHarness.Result r) =>
            r.RunResult.Results.Single().TrackedSteps.ToDictionary(p => p.Key, p => p.Value);
    }

    /// <summary>A network with its checkpoint baked in: the file is read once, and read again only when it changes.</summary>
    [Fact]
    public void ABakedCheckpointIsReadAgainOnlyWhenItChanges()
    {
        const string Baked = """
            using LeNetGen;
            namespace Tests;
            [Network(Input = "1x4x4", Weights = "small.lngckpt")]
            [Pool(PoolKind.Max, 2)]
            [SoftmaxOutput(3)]
            public partial class Small { }
            """;
        using var files = new CheckpointFiles();
        var (fingerprint, count) = CheckpointFiles.Of(Baked.Replace(", Weights = \"small.lngckpt\"", "", StringComparison.Ordinal));
        string path = files.Save("small.lngckpt", fingerprint, CheckpointFiles.Parameters(count));
        CSharpCompilation compilation = GeneratorHarness.Compilation(Baked);
        var file = new BinaryAdditionalText(path);
        GeneratorDriver driver = GeneratorHarness.Driver(new[] { file }).RunGenerators(compilation);
        Assert.Equal(4, driver.GetRunResult().GeneratedTrees.Length);

        // An unrelated edit: the checkpoint is not read again, and nothing is written again.
        driver = driver.RunGenerators(compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace Tests; public class Unrelated { }",
            GeneratorHarness.ParseOptions, path: "Unrelated.cs")));
        Assert.All(Reasons(driver, "Checkpoint"), r => Assert.Equal(IncrementalStepRunReason.Cached, r));
        Assert.All(Reasons(driver, "Emitted"), r => Assert.True(r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, r.ToString()));

        // A new checkpoint over the file (the compiler then hands over a new additional file): read, and baked in.
        float[] retrained = CheckpointFiles.Parameters(count);
        retrained[0] = 3.5f; // bits 00 00 60 40
        files.Save("small.lngckpt", fingerprint, retrained);
        driver = driver.ReplaceAdditionalText(file, new BinaryAdditionalText(path)).RunGenerators(compilation);
        Assert.Contains(IncrementalStepRunReason.Modified, Reasons(driver, "Checkpoint"));
        Assert.Contains(IncrementalStepRunReason.Modified, Reasons(driver, "Emitted"));
        string weights = driver.GetRunResult().Results.Single().GeneratedSources.Single(s => s.HintName == "Tests.Small.Weights.g.cs").SourceText.ToString();
        Assert.Contains("{\n            0,0,96,64,", weights);
    }

    [Fact]
    public void NoStepOutputHoldsASymbolSyntaxNodeLocationOrCompilation()
    {
        var (driver, _) = FirstRun(Network);
        // Our own named steps; Roslyn's internal ForAttributeWithMetadataName steps hold syntax by design.
        foreach (var (name, steps) in Steps(driver).Where(p => TrackedSteps.Contains(p.Key)))
            foreach (var output in steps.SelectMany(s => s.Outputs))
                AssertNoRoslynObjects(output.Value, name, new HashSet<object>(ReferenceEqualityComparer.Instance), 0);
    }

    /// <summary>Walks an object graph and fails on any Roslyn object that would pin a compilation in the cache.</summary>
    private static void AssertNoRoslynObjects(object? value, string path, HashSet<object> seen, int depth)
    {
        if (value is null || depth > 40) return;
        Type type = value.GetType();
        if (type.IsPrimitive || value is string || type.IsEnum) return;
        Assert.False(value is ISymbol or SyntaxNode or SyntaxTree or Location or Compilation or SemanticModel or AttributeData,
            $"{path} holds a {type.Name}");
        if (!type.IsValueType && !seen.Add(value)) return;
        if (value is IEnumerable sequence)
        {
            int i = 0;
            foreach (object? item in sequence) AssertNoRoslynObjects(item, $"{path}[{i++}]", seen, depth + 1);
        }
        if (type.Namespace?.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal) == true) return; // TextSpan, DiagnosticDescriptor: values
        foreach (FieldInfo field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
            AssertNoRoslynObjects(field.GetValue(value), $"{path}.{field.Name}", seen, depth + 1);
    }
}
