using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace LeNetGen.Generator.Tests.Infrastructure;

/// <summary>Runs the generator in memory over .NET 10 reference assemblies and the runtime, as the compiler would.</summary>
internal static class GeneratorHarness
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    private static readonly ImmutableArray<MetadataReference> References = Net100.References.All
        .Cast<MetadataReference>()
        .Append(MetadataReference.CreateFromFile(typeof(LeNetGen.NetworkAttribute).Assembly.Location))
        .ToImmutableArray();

    public static CSharpCompilation Compilation(params string[] sources) =>
        CSharpCompilation.Create(
            "UserAssembly",
            sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, ParseOptions, path: i == 0 ? "Network.cs" : $"Network{i}.cs")),
            References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    /// <param name="additionalFiles">The additional files (JSON specs, checkpoints), or none.</param>
    /// <param name="trackSteps">Whether the driver records each pipeline step's reasons (for the incrementality tests).</param>
    /// <param name="buildProperties">MSBuild properties as the compiler hands them to generators (build_property.Name), or none.</param>
    public static GeneratorDriver Driver(IEnumerable<AdditionalText>? additionalFiles = null, bool trackSteps = true,
        IReadOnlyDictionary<string, string>? buildProperties = null) =>
        CSharpGeneratorDriver.Create(
            new[] { new NetworkGenerator().AsSourceGenerator() },
            additionalTexts: additionalFiles ?? Array.Empty<AdditionalText>(),
            parseOptions: ParseOptions,
            optionsProvider: buildProperties is null ? null : new BuildPropertiesProvider(buildProperties),
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));

    /// <summary>Runs the generator once on <paramref name="source"/> with the MSBuild properties <paramref name="buildProperties"/> (name to value).</summary>
    public static Result RunWithBuildProperties(string source, IReadOnlyDictionary<string, string> buildProperties)
    {
        CSharpCompilation compilation = Compilation(source);
        GeneratorDriver driver = Driver(buildProperties: buildProperties);
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out ImmutableArray<Diagnostic> driverDiagnostics);
        return new Result(driver.GetRunResult(), output, driverDiagnostics);
    }

    /// <summary>Runs the generator once; returns the result and the compilation with the generated sources added.</summary>
    public static Result Run(string source, params (string Path, string Text)[] jsonFiles) => Run(new[] { source }, jsonFiles);

    public static Result Run(string[] sources, params (string Path, string Text)[] jsonFiles) => Run(sources, Array.Empty<string>(), jsonFiles);

    /// <summary>Runs the generator once with <paramref name="binaryFiles"/> (real files, e.g. checkpoints) as additional files too.</summary>
    public static Result Run(string[] sources, IReadOnlyList<string> binaryFiles, params (string Path, string Text)[] jsonFiles)
    {
        CSharpCompilation compilation = Compilation(sources);
        GeneratorDriver driver = Driver(jsonFiles.Select(f => (AdditionalText)new InMemoryAdditionalText(f.Path, f.Text))
            .Concat(binaryFiles.Select(path => (AdditionalText)new BinaryAdditionalText(path))));
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out ImmutableArray<Diagnostic> driverDiagnostics);
        return new Result(driver.GetRunResult(), output, driverDiagnostics);
    }

    internal sealed record Result(GeneratorDriverRunResult RunResult, Compilation Output, ImmutableArray<Diagnostic> DriverDiagnostics)
    {
        /// <summary>The generator's own diagnostics (LNGxxxx), sorted by position.</summary>
        public IReadOnlyList<Diagnostic> Diagnostics => RunResult.Diagnostics
            .OrderBy(d => d.Location.SourceTree?.FilePath ?? d.Location.GetLineSpan().Path, StringComparer.Ordinal)
            .ThenBy(d => d.Location.SourceSpan.Start).ThenBy(d => d.Id, StringComparer.Ordinal).ToList();

        public IReadOnlyList<GeneratedSourceResult> Sources => RunResult.Results.SelectMany(r => r.GeneratedSources).ToList();

        /// <summary>Errors and warnings of the user's code compiled together with the generated code.</summary>
        public IReadOnlyList<Diagnostic> CompilationDiagnostics => Output.GetDiagnostics()
            .Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();

        public Exception? GeneratorException => RunResult.Results.Select(r => r.Exception).FirstOrDefault(e => e is not null);
    }
}

/// <summary>An additional file held in memory, as MSBuild would hand a *.lenet.json file to the compiler.</summary>
internal sealed class InMemoryAdditionalText : AdditionalText
{
    private readonly SourceText _text;

    public InMemoryAdditionalText(string path, string text)
    {
        Path = path;
        _text = SourceText.From(text);
    }

    public override string Path { get; }

    public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
}

/// <summary>
/// A binary additional file on disk, such as a checkpoint, as the compiler hands it over: asking for its text fails, as
/// the compiler's own does (CS2015, "is a binary file instead of a text file"), so a generator that asks is caught.
/// </summary>
internal sealed class BinaryAdditionalText : AdditionalText
{
    public BinaryAdditionalText(string path) => Path = path;

    public override string Path { get; }

    public override SourceText GetText(CancellationToken cancellationToken = default) =>
        throw new InvalidOperationException($"'{Path}' is a binary file instead of a text file (CS2015): its text was asked for.");
}

/// <summary>
/// MSBuild properties as the compiler gives them to generators: global options named build_property.{Name}, as the
/// .editorconfig MSBuild writes for CompilerVisibleProperty items holds them.
/// </summary>
internal sealed class BuildPropertiesProvider : Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptionsProvider
{
    private readonly Options _global;

    public BuildPropertiesProvider(IReadOnlyDictionary<string, string> properties) =>
        _global = new Options(properties.ToDictionary(p => "build_property." + p.Key, p => p.Value, StringComparer.OrdinalIgnoreCase));

    public override Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptions GlobalOptions => _global;

    public override Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Options.None;

    public override Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Options.None;

    private sealed class Options(Dictionary<string, string> values) : Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptions
    {
        public static readonly Options None = new(new Dictionary<string, string>());

        public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
    }
}
