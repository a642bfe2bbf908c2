using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading.Tasks;
using LeNetGen.CodeFixes.Editing;
using LeNetGen.Generator.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LeNetGen.CodeFixes.Fixes;

/// <summary>
/// LNG0001 (a network class that is not partial) and LNG0010 (a containing type that is not partial): adds
/// <c>partial</c> to the network class, or to the containing type the diagnostic names.
/// </summary>
[ExportCodeFixProvider(Microsoft.CodeAnalysis.LanguageNames.CSharp, Name = nameof(MakePartialFix)), Shared]
public sealed class MakePartialFix : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.NetworkNotPartial.Id, DiagnosticDescriptors.ContainingTypeNotPartial.Id);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        SyntaxNode? root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null) return;
        foreach (Diagnostic diagnostic in context.Diagnostics)
        {
            if (diagnostic.Location.SourceSpan.End > root.FullSpan.End) continue;
            var network = root.FindNode(diagnostic.Location.SourceSpan).FirstAncestorOrSelf<ClassDeclarationSyntax>();
            if (network is null) continue;
            TypeDeclarationSyntax? target = diagnostic.Id == DiagnosticDescriptors.NetworkNotPartial.Id
                ? network
                : FixData.String(diagnostic, FixProperties.ContainingType) is string outer
                    ? network.Ancestors().OfType<TypeDeclarationSyntax>().FirstOrDefault(t => t.Identifier.ValueText == outer)
                    : null;
            if (target is null) continue;
            string name = target.Identifier.ValueText;
            context.RegisterCodeFix(CodeAction.Create($"Make '{name}' partial",
                _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(target, TypeModifiers.WithPartial(target)))),
                equivalenceKey: "LeNetGen.MakePartial"), diagnostic);
        }
    }
}
