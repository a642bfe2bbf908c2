using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace LeNetGen.CodeFixes.Editing;

/// <summary>Adding <c>partial</c> to a type declaration, where C# wants it: right before the type's keyword.</summary>
internal static class TypeModifiers
{
    public static TypeDeclarationSyntax WithPartial(TypeDeclarationSyntax type)
    {
        if (type.Modifiers.Any(SyntaxKind.PartialKeyword)) return type;
        if (type.Modifiers.Count == 0)
        {
            // The keyword's leading trivia (the indentation after the attributes) moves to the new first token.
            SyntaxToken keyword = type.Keyword;
            SyntaxToken partial = Token(keyword.LeadingTrivia, SyntaxKind.PartialKeyword, TriviaList(Space));
            return type.WithKeyword(keyword.WithLeadingTrivia()).WithModifiers(TokenList(partial));
        }
        return type.WithModifiers(type.Modifiers.Add(Token(TriviaList(), SyntaxKind.PartialKeyword, TriviaList(Space))));
    }
}
