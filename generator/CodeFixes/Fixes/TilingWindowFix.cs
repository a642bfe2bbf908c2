using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using LeNetGen.CodeFixes.Editing;
using LeNetGen.Generator.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using static LeNetGen.CodeFixes.Editing.AttributeArguments;

namespace LeNetGen.CodeFixes.Fixes;

/// <summary>
/// LNG0102 (a pooling window larger than its input) and LNG0111 on a pooling layer (windows that leave input unread):
/// offers the nearest windows that tile the input, nearest first, as the shape checker found them. LNG0111 on a
/// convolution carries no windows and gets no fix here.
/// </summary>
[ExportCodeFixProvider(Microsoft.CodeAnalysis.LanguageNames.CSharp, Name = nameof(TilingWindowFix)), Shared]
public sealed class TilingWindowFix : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.PoolWindowLargerThanInput.Id, DiagnosticDescriptors.ConvStrideLeavesRemainder.Id);

    /// <summary>Each layer's window is its own decision: no fix-all.</summary>
    public override FixAllProvider? GetFixAllProvider() => null;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        SyntaxNode? root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null) return;
        foreach (Diagnostic diagnostic in context.Diagnostics)
        {
            if (At(root, diagnostic.Location.SourceSpan) is not AttributeSyntax pool) continue;
            if (Positional(pool, 1, "window") is not AttributeArgumentSyntax window) continue;
            foreach (int tiling in FixData.Ints(diagnostic, FixProperties.TilingWindows))
            {
                AttributeSyntax fixedPool = WithValue(pool, window, Number(tiling));
                context.RegisterCodeFix(CodeAction.Create($"Use window {tiling}x{tiling}, which tiles the input",
                    _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(pool, fixedPool))),
                    equivalenceKey: "LeNetGen.TilingWindow." + FixData.Text(tiling)), diagnostic);
            }
        }
    }
}
