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
using static LeNetGen.CodeFixes.Editing.AttributeArguments;

namespace LeNetGen.CodeFixes.Fixes;

/// <summary>
/// LNG0103 and LNG0104 (a connection table with the wrong number of rows or columns): offers the full table of the size
/// the shape checker found (one row per input map, one 'X' per output map, rows separated by '/'), written out so it
/// can be thinned by hand; and, the same connections, no table at all.
/// </summary>
[ExportCodeFixProvider(Microsoft.CodeAnalysis.LanguageNames.CSharp, Name = nameof(FullConnectionTableFix)), Shared]
public sealed class FullConnectionTableFix : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.ConnectionTableRows.Id, DiagnosticDescriptors.ConnectionTableColumns.Id);

    /// <summary>A layer's table is its own decision: no fix-all.</summary>
    public override FixAllProvider? GetFixAllProvider() => null;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        SyntaxNode? root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null) return;
        foreach (Diagnostic diagnostic in context.Diagnostics)
        {
            if (At(root, diagnostic.Location.SourceSpan) is not AttributeSyntax conv) continue;
            if (Named(conv, "Connections") is not AttributeArgumentSyntax connections) continue;
            if (FixData.Int(diagnostic, FixProperties.TableRows) is not int rows || FixData.Int(diagnostic, FixProperties.TableColumns) is not int columns
                || rows < 1 || columns < 1) continue;

            string table = string.Join("/", Enumerable.Repeat(new string('X', columns), rows));
            AttributeSyntax full = WithValue(conv, connections, String(table));
            context.RegisterCodeFix(CodeAction.Create($"Use the full connection table ({rows} rows of {columns} 'X')",
                _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(conv, full))),
                equivalenceKey: "LeNetGen.FullTable"), diagnostic);

            AttributeSyntax none = WithNamed(conv, new (string, ExpressionSyntax)[0], "Connections");
            context.RegisterCodeFix(CodeAction.Create("Remove the connection table (every output map reads every input map)",
                _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(conv, none))),
                equivalenceKey: "LeNetGen.RemoveTable"), diagnostic);
        }
    }
}
