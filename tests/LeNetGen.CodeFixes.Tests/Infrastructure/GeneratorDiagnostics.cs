using System;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using LeNetGen.Generator;
using LeNetGen.Generator.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LeNetGen.CodeFixes.Tests.Infrastructure;

/// <summary>
/// The tests' stand-in for what the IDE does with a generator's diagnostics: it runs LeNetGen's generator itself (the
/// real one, its front end and its one shape checker) over the compilation and reports what the generator reports, with
/// the generator's locations and properties. The IDE hands source generators' diagnostics to code fixes directly
/// (Roslyn 4.7 and later), so nothing like this ships; but the code-fix test library asks analyzers alone for the
/// diagnostics it fixes, so the tests need one. It computes nothing of its own.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class GeneratorDiagnostics : DiagnosticAnalyzer
{
    /// <summary>Every descriptor in the generator's catalog.</summary>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = typeof(DiagnosticDescriptors)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
        .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
        .ToImmutableArray();

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static start =>
        {
            // The generator runs once per compilation; each file's diagnostics are reported from that file's semantic
            // model action, which makes them local to it, as the fix framework wants (and as the IDE has them).
            Compilation compilation = start.Compilation;
            var parseOptions = compilation.SyntaxTrees.FirstOrDefault()?.Options as CSharpParseOptions;
            var diagnostics = new Lazy<ImmutableArray<Diagnostic>>(() =>
                CSharpGeneratorDriver.Create(new[] { new NetworkGenerator().AsSourceGenerator() }, parseOptions: parseOptions)
                    .RunGenerators(compilation, start.CancellationToken).GetRunResult().Diagnostics);
            start.RegisterSemanticModelAction(model =>
            {
                foreach (Diagnostic diagnostic in diagnostics.Value)
                    if (diagnostic.Location.SourceTree == model.SemanticModel.SyntaxTree) model.ReportDiagnostic(diagnostic);
            });
        });
    }
}
