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
/// Compiles random specs with the generator in memory, all of one batch in one compilation (the compile is what costs),
/// and loads the assembly into a collectible <see cref="AssemblyLoadContext"/>: the runtime it references resolves to the
/// one this test assembly uses, so the networks are <see cref="INetwork{TSelf, T}"/>s the test's
/// <see cref="NetworkCase{TNet, T}"/> can drive. Dispose unloads the networks.
/// </summary>
internal sealed class InMemoryNetworks : IDisposable
{
    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    private static readonly ImmutableArray<MetadataReference> References = Net100.References.All
        .Cast<MetadataReference>()
        .Append(MetadataReference.CreateFromFile(typeof(INetwork<,>).Assembly.Location))
        .ToImmutableArray();

    private readonly AssemblyLoadContext _context;

    private InMemoryNetworks(AssemblyLoadContext context, IReadOnlyList<NetworkCase> networks)
    {
        _context = context;
        Networks = networks;
    }

    /// <summary>The compiled networks, in the order of the specs.</summary>
    public IReadOnlyList<NetworkCase> Networks { get; }

    /// <summary>The source of spec <paramref name="index"/> in a batch: class Net{index} in namespace Properties.</summary>
    public static string Source(RandomSpec spec, int index) =>
        "using LeNetGen;\n\nnamespace Properties;\n\n" + spec.ToAttributeSource("Net" + index);

    /// <summary>
    /// Runs the generator over <paramref name="specs"/> and compiles them. Throws with the spec's attribute source when
    /// the generator throws, reports an error on a valid spec, or its code does not compile cleanly.
    /// </summary>
    public static InMemoryNetworks Compile(IReadOnlyList<RandomSpec> specs)
    {
        var trees = specs.Select((spec, i) => CSharpSyntaxTree.ParseText(Source(spec, i), ParseOptions, path: $"Net{i}.cs")).ToArray();
        var compilation = CSharpCompilation.Create("PropertyNetworks" + Guid.NewGuid().ToString("N"), trees, References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, optimizationLevel: OptimizationLevel.Release,
                nullableContextOptions: NullableContextOptions.Enable));
        GeneratorDriver driver = CSharpGeneratorDriver.Create([new NetworkGenerator().AsSourceGenerator()], parseOptions: ParseOptions);
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out _);
        GeneratorDriverRunResult run = driver.GetRunResult();
        if (run.Results.Select(r => r.Exception).FirstOrDefault(e => e is not null) is Exception thrown)
            throw new InvalidOperationException($"The generator threw on one of these specs:\n{Describe(specs)}", thrown);
        var errors = run.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0) throw new InvalidOperationException(Located("The generator rejected a valid spec", errors, specs));

        using var image = new MemoryStream();
        var emitted = output.Emit(image);
        var problems = emitted.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning && !d.Id.StartsWith("LNG", StringComparison.Ordinal)).ToList();
        if (!emitted.Success || problems.Count > 0) throw new InvalidOperationException(Located("The generated code does not compile cleanly", problems, specs));

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
        return new InMemoryNetworks(context, networks);
    }

    private static string Located(string what, List<Diagnostic> diagnostics, IReadOnlyList<RandomSpec> specs)
    {
        var lines = diagnostics.Take(10).Select(d =>
        {
            // The spec's own file (Net3.cs) or the code generated from it (Properties.Net3.Tiles.g.cs).
            var match = System.Text.RegularExpressions.Regex.Match(d.Location.GetLineSpan().Path, @"Net(\d+)\.");
            int index = match.Success ? int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : -1;
            return d + (index >= 0 && index < specs.Count ? "\n" + specs[index] : "");
        });
        return what + ":\n" + string.Join("\n", lines);
    }

    private static string Describe(IReadOnlyList<RandomSpec> specs) => string.Join("\n", specs.Select(s => s.ToString()));

    public void Dispose() => _context.Unload();
}
