using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading.Tasks;
using LeNetGen.CodeFixes.Editing;
using LeNetGen.Generator.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace LeNetGen.CodeFixes.Fixes;

/// <summary>
/// LNG0107 (LeNet-5's RBF prototypes after a layer that is not 84 wide): adds LeNet-5's F6 before the head, a dense
/// layer of the width the diagnostic gives (84, the 7x12 bitmaps) with the scaled tanh whose range the prototypes' +1
/// and -1 are drawn for. Written fully qualified and simplified against the file's usings.
/// </summary>
[ExportCodeFixProvider(Microsoft.CodeAnalysis.LanguageNames.CSharp, Name = nameof(DenseBeforePrototypesFix)), Shared]
public sealed class DenseBeforePrototypesFix : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticDescriptors.RbfWidthMismatch.Id);

    /// <summary>A network's layers are its own decision: no fix-all.</summary>
    public override FixAllProvider? GetFixAllProvider() => null;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        SyntaxNode? root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null) return;
        foreach (Diagnostic diagnostic in context.Diagnostics)
        {
            if (Editing.AttributeArguments.At(root, diagnostic.Location.SourceSpan) is not AttributeSyntax head) continue;
            if (head.Parent is not AttributeListSyntax list || FixData.Int(diagnostic, FixProperties.DenseUnits) is not int units || units < 1) continue;

            AttributeSyntax dense = ParseAttribute(units);
            SyntaxNode fixedRoot;
            if (list.Attributes.Count == 1 && list.Parent is MemberDeclarationSyntax)
            {
                // A list of its own on a line of its own, indented like the head's.
                SyntaxTriviaList indentation = TriviaList(list.GetLeadingTrivia().Reverse().TakeWhile(t => t.IsKind(SyntaxKind.WhitespaceTrivia)).Reverse());
                AttributeListSyntax denseList = AttributeList(SingletonSeparatedList(dense))
                    .WithLeadingTrivia(indentation).WithTrailingTrivia(NewLine(root));
                fixedRoot = root.InsertNodesBefore(list, new[] { denseList });
            }
            else
            {
                // In the head's own list, before it, with a ", " of its own.
                int at = list.Attributes.IndexOf(head);
                var attributes = list.Attributes.ToList();
                var separators = list.Attributes.GetSeparators().ToList();
                attributes.Insert(at, dense);
                separators.Insert(at, Token(TriviaList(), SyntaxKind.CommaToken, TriviaList(Space)));
                fixedRoot = root.ReplaceNode(list, list.WithAttributes(SeparatedList(attributes, separators)));
            }
            context.RegisterCodeFix(CodeAction.Create($"Add a dense layer of {units} before the head: [Dense({units}, Activation = Act.ScaledTanh)]",
                _ => Task.FromResult(context.Document.WithSyntaxRoot(fixedRoot)),
                equivalenceKey: "LeNetGen.DenseBeforePrototypes"), diagnostic);
        }
    }

    private static AttributeSyntax ParseAttribute(int units)
    {
        var parsed = (AttributeListSyntax)ParseCompilationUnit($"[global::LeNetGen.Dense({units}, Activation = global::LeNetGen.Act.ScaledTanh)] class C {{ }}")
            .Members[0].AttributeLists[0];
        return parsed.Attributes[0].WithAdditionalAnnotations(Simplifier.Annotation);
    }

    /// <summary>The file's own line ending (the first one in it), so an inserted line matches the others.</summary>
    private static SyntaxTrivia NewLine(SyntaxNode root) =>
        root.DescendantTrivia().FirstOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia)) is { } first && first.IsKind(SyntaxKind.EndOfLineTrivia)
            ? first : EndOfLine("\n");
}
