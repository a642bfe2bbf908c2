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
/// LNG0101 (a kernel larger than its input): offers the largest kernel that fits, and the padding with which the kernel
/// as written fits, both as the shape checker computed them.
/// </summary>
[ExportCodeFixProvider(Microsoft.CodeAnalysis.LanguageNames.CSharp, Name = nameof(FitKernelFix)), Shared]
public sealed class FitKernelFix : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticDescriptors.KernelLargerThanInput.Id);

    /// <summary>Each layer's kernel is its own decision: no fix-all.</summary>
    public override FixAllProvider? GetFixAllProvider() => null;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        SyntaxNode? root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null) return;
        foreach (Diagnostic diagnostic in context.Diagnostics)
        {
            if (At(root, diagnostic.Location.SourceSpan) is not AttributeSyntax conv) continue;

            if (FixData.Int(diagnostic, FixProperties.FitKernelHeight) is int height && FixData.Int(diagnostic, FixProperties.FitKernelWidth) is int width
                && height >= 1 && width >= 1)
            {
                // A square kernel is written Kernel = n; a rectangular one KernelHeight and KernelWidth, in Kernel's place.
                AttributeSyntax fitted = height == width
                    ? WithNamed(conv, new[] { ("Kernel", (ExpressionSyntax)Number(height)) }, "KernelHeight", "KernelWidth")
                    : WithNamed(conv, new[] { ("KernelHeight", (ExpressionSyntax)Number(height)), ("KernelWidth", Number(width)) }, "Kernel");
                string kernel = height == width ? FixData.Text(height) : $"{height}x{width}";
                context.RegisterCodeFix(CodeAction.Create($"Use the largest kernel that fits ({height}x{width}): Kernel{(height == width ? "" : "Height/Width")} = {kernel}",
                    _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(conv, fitted))),
                    equivalenceKey: "LeNetGen.FitKernel"), diagnostic);
            }

            if (FixData.Int(diagnostic, FixProperties.FitPadding) is int padding && padding >= 1)
            {
                AttributeSyntax padded = WithNamed(conv, new[] { ("Padding", (ExpressionSyntax)Number(padding)) });
                context.RegisterCodeFix(CodeAction.Create($"Pad the input so the kernel fits: Padding = {padding}",
                    _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(conv, padded))),
                    equivalenceKey: "LeNetGen.FitPadding"), diagnostic);
            }
        }
    }
}
