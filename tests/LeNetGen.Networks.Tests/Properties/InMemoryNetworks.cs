using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using Basic.Reference.Assemblies;
using LeNetGen.Generator;
using LeNetGen.TestNetworks.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace LeNetGen.Networks.Tests.Properties;

/// <summary>
/// Compiles random specs with the generator in memory, in one compilation, and loads the assembly into a collectible <see cref="AssemblyLoadContext"/>: the runtime it references
/// resolves to the one this test assembly uses, so the networks are <see cref="INetwork{TSelf, T}"/>s the test's
/// <see cref="NetworkCase{TNet, T}"/> can drive. Dispose unloads the networks.
/// <para>
/// What costs is compiling the generated code. With every vector width a random network of this test made 0.2 to 1 MB
/// of C# (two thirds of it the tile and one-sample kernels, written for three widths), about 1.7 s of CPU a network on
/// a loaded Zen 3, more a network when several share a compilation (see <see cref="GeneratedNetworkPropertyTests"/>);
/// so the generator is asked for the running width only (LeNetGenVectorWidths, <see cref="RunningWidthOnly"/>). Nullable
/// analysis, a fifth of it (8 specs a compilation: 69 s of CPU with it, 56 s without), is switched off here (the
/// <c>run-nullable-analysis</c> feature): it finds nothing in code of spans, refs and numbers whatever the spec, and the
/// builds of the test networks and samples, with warnings as errors, keep the generated code free of nullable warnings.
/// </para>
/// </summary>
internal sealed class InMemoryNetworks : IDisposable
{
    private static readonly CSharpParseOptions ParseOptions =
        new CSharpParseOptions(LanguageVersion.Latest).WithFeatures([new("run-nullable-analysis", "never")]);

    private static readonly ImmutableArray<MetadataReference> References = new MetadataReference[]
        {
            Net100.References.SystemRuntime, Net100.References.SystemRuntimeIntrinsics, Net100.References.SystemNumericsVectors,
            Net100.References.SystemMemory, Net100.References.SystemCollections, Net100.References.SystemRuntimeInteropServices,
            MetadataReference.CreateFromFile(typeof(INetwork<,>).Assembly.Location),
        }.ToImmutableArray();

    private readonly AssemblyLoadContext _context;

    private InMemoryNetworks(AssemblyLoadContext context, IReadOnlyList<NetworkCase> networks, TimeSpan generating, TimeSpan emitting, long characters)
    {
        _context = context;
        Networks = networks;
        Generating = generating;
        Emitting = emitting;
        GeneratedCharacters = characters;
    }

    /// <summary>The time the generator took over all the specs.</summary>
    public TimeSpan Generating { get; }

    /// <summary>The time the compiler took to emit the specs and the generated code.</summary>
    public TimeSpan Emitting { get; }

    /// <summary>The characters of source the generator wrote.</summary>
    public long GeneratedCharacters { get; }

    /// <summary>The compiled networks, in the order of the specs.</summary>
    public IReadOnlyList<NetworkCase> Networks { get; }

    /// <summary>The source of spec <paramref name="index"/> in a batch: class Net{index} in namespace Properties.</summary>
    public static string Source(RandomSpec spec, int index) =>
        "using LeNetGen;\n\nnamespace Properties;\n\n" + spec.ToAttributeSource("Net" + index);

    /// <summary>
    /// Runs the generator over <paramref name="specs"/> and compiles them. Throws with the spec's attribute source when
    /// the generator throws, reports an error on a valid spec, or its code does not compile cleanly.
    /// </summary>
    /// <param name="specs">The specs, compiled together.</param>
    /// <param name="everyWidth">
    /// Whether the kernels are written for every vector width (the default a project gets), rather than for the running
    /// width only: then a one-sample layer too narrow for the running width's vectors runs a narrower width's kernels.
    /// </param>
    public static InMemoryNetworks Compile(IReadOnlyList<RandomSpec> specs, bool everyWidth = false)
    {
        var trees = specs.Select((spec, i) => CSharpSyntaxTree.ParseText(Source(spec, i), ParseOptions, path: $"Net{i}.cs")).ToArray();
        var compilation = CSharpCompilation.Create("PropertyNetworks" + Guid.NewGuid().ToString("N"), trees, References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, optimizationLevel: OptimizationLevel.Release,
                nullableContextOptions: NullableContextOptions.Enable));
        long start = System.Diagnostics.Stopwatch.GetTimestamp();
        GeneratorDriver driver = CSharpGeneratorDriver.Create([new NetworkGenerator().AsSourceGenerator()], parseOptions: ParseOptions,
            optionsProvider: everyWidth ? null : RunningWidthOnly.Instance);
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out _);
        GeneratorDriverRunResult run = driver.GetRunResult();
        TimeSpan generating = System.Diagnostics.Stopwatch.GetElapsedTime(start);
        long characters = run.Results.SelectMany(r => r.GeneratedSources).Sum(g => (long)g.SourceText.Length);
        if (run.Results.Select(r => r.Exception).FirstOrDefault(e => e is not null) is Exception thrown)
            throw new InvalidOperationException($"The generator threw on one of these specs:\n{Describe(specs)}", thrown);
        var errors = run.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0) throw new InvalidOperationException(Located("The generator rejected a valid spec", errors, specs));

        start = System.Diagnostics.Stopwatch.GetTimestamp();
        using var image = new MemoryStream();
        var emitted = output.Emit(image);
        TimeSpan emitting = System.Diagnostics.Stopwatch.GetElapsedTime(start);
        var problems = emitted.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning && !d.Id.StartsWith("LNG", StringComparison.Ordinal)).ToList();
        if (!emitted.Success || problems.Count > 0)
        {
            List<Diagnostic> shown = problems.Count > 0 ? problems : emitted.Diagnostics.ToList();
            throw new InvalidOperationException(Located("The generated code does not compile cleanly", shown, specs));
        }

        image.Position = 0;
        var context = new AssemblyLoadContext("property networks", isCollectible: true);
        Assembly assembly = context.LoadFromStream(image);
        var networks = new List<NetworkCase>();
        for (int i = 0; i < specs.Count; i++)
        {
            Type net = assembly.GetType("Properties.Net" + i, throwOnError: true)!;
            Type element = specs[i].IsDouble ? typeof(double) : typeof(float);
            Type caseType = typeof(NetworkCase<,>).MakeGenericType(net, element);
            networks.Add((NetworkCase)Activator.CreateInstance(caseType, Init.LeCunUniform, specs[i].ToReference())!);
        }
        return new InMemoryNetworks(context, networks, generating, emitting, characters);
    }

    private static string Located(string what, List<Diagnostic> diagnostics, IReadOnlyList<RandomSpec> specs)
    {
        var lines = diagnostics.Take(10).Select(d =>
        {
            int index = IndexOf(d);
            return d + (index >= 0 && index < specs.Count ? "\n" + specs[index] : "");
        });
        return what + ":\n" + string.Join("\n", lines);
    }

    /// <summary>The spec a diagnostic is about: its own file (Net3.cs) or the code generated from it (Properties.Net3.Tiles.g.cs); -1 when none.</summary>
    private static int IndexOf(Diagnostic diagnostic)
    {
        var match = System.Text.RegularExpressions.Regex.Match(diagnostic.Location.GetLineSpan().Path, @"Net(\d+)\.");
        return match.Success ? int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : -1;
    }


    private static string Describe(IReadOnlyList<RandomSpec> specs) => string.Join("\n", specs.Select(s => s.ToString()));

    public void Dispose() => _context.Unload();

    /// <summary>
    /// The vector width this process runs (the widest the processor accelerates, or what DOTNET_EnableAVX512 and
    /// DOTNET_EnableAVX2 leave), in bits: the width of every tile kernel that runs here, and of every one-sample kernel
    /// but those of layers too narrow for its vectors, which run a narrower width's when it is written.
    /// </summary>
    public static int RunningWidth =>
        System.Runtime.Intrinsics.Vector512.IsHardwareAccelerated ? 512 : System.Runtime.Intrinsics.Vector256.IsHardwareAccelerated ? 256 : 128;

    /// <summary>
    /// LeNetGenVectorWidths set to <see cref="RunningWidth"/>, as a project would set it: the tile kernels of the widths
    /// this process does not run are not written, which halves what a network costs to compile. The narrower widths'
    /// kernels are checked in the networks compiled with every width, and in CI's runs with AVX-512 off and with AVX2
    /// off too, where they are the running width.
    /// </summary>
    private sealed class RunningWidthOnly : Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptionsProvider
    {
        public static readonly RunningWidthOnly Instance = new();

        private static readonly Options Global = new(RunningWidth.ToString(System.Globalization.CultureInfo.InvariantCulture));

        private static readonly Options None = new(null);

        public override Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptions GlobalOptions => Global;

        public override Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptions GetOptions(SyntaxTree tree) => None;

        public override Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptions GetOptions(AdditionalText textFile) => None;

        private sealed class Options(string? widths) : Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptions
        {
            public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value)
            {
                value = widths is not null && key == "build_property.LeNetGenVectorWidths" ? widths : null;
                return value is not null;
            }
        }
    }
}
