using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace LeNetGen.CodeFixes.Editing;

/// <summary>
/// Finding a layer attribute from a diagnostic's span and rewriting its arguments. New arguments and separators get
/// their spaces written out (", ", " = "), so a fix changes only the arguments it is about and the formatter has
/// nothing to redo; the arguments it keeps keep their own trivia.
/// </summary>
internal static class AttributeArguments
{
    /// <summary>The attribute the span lies in (a diagnostic on an argument, or on the whole attribute).</summary>
    public static AttributeSyntax? At(SyntaxNode root, TextSpan span) =>
        span.End > root.FullSpan.End ? null : root.FindNode(span, getInnermostNodeForTie: true).FirstAncestorOrSelf<AttributeSyntax>();

    /// <summary>A named property argument, <c>Name = value</c>.</summary>
    public static AttributeArgumentSyntax? Named(AttributeSyntax attribute, string name) =>
        attribute.ArgumentList?.Arguments.FirstOrDefault(a => a.NameEquals?.Name.Identifier.ValueText == name);

    /// <summary>A constructor argument: the <paramref name="index"/>th positional one, or the one named <c>parameter:</c>.</summary>
    public static AttributeArgumentSyntax? Positional(AttributeSyntax attribute, int index, string parameter)
    {
        if (attribute.ArgumentList is null) return null;
        var byName = attribute.ArgumentList.Arguments.FirstOrDefault(a => a.NameColon?.Name.Identifier.ValueText == parameter);
        if (byName is not null) return byName;
        var positional = attribute.ArgumentList.Arguments.Where(a => a.NameEquals is null && a.NameColon is null).ToList();
        return index < positional.Count ? positional[index] : null;
    }

    public static LiteralExpressionSyntax Number(int value) =>
        LiteralExpression(SyntaxKind.NumericLiteralExpression, Literal(value));

    public static LiteralExpressionSyntax String(string value) =>
        LiteralExpression(SyntaxKind.StringLiteralExpression, Literal(value));

    /// <summary><c>Name = value</c>, spaced as written by hand.</summary>
    public static AttributeArgumentSyntax NamedArgument(string name, ExpressionSyntax value) =>
        AttributeArgument(NameEquals(IdentifierName(name), Token(TriviaList(Space), SyntaxKind.EqualsToken, TriviaList(Space))), null, value);

    /// <summary>The argument's value replaced, its place and trivia kept.</summary>
    public static AttributeSyntax WithValue(AttributeSyntax attribute, AttributeArgumentSyntax argument, ExpressionSyntax value) =>
        attribute.ReplaceNode(argument.Expression, value.WithTriviaFrom(argument.Expression));

    /// <summary>
    /// <c>Name = value</c> set: in place when the argument is there, otherwise added at the end. Arguments named in
    /// <paramref name="remove"/> go; the first of them that is there gives its place to the new one if it had none.
    /// </summary>
    public static AttributeSyntax WithNamed(AttributeSyntax attribute, IReadOnlyList<(string Name, ExpressionSyntax Value)> set, params string[] remove)
    {
        AttributeArgumentListSyntax list = attribute.ArgumentList ?? AttributeArgumentList();
        var arguments = list.Arguments.ToList();
        var separators = list.Arguments.GetSeparators().ToList();
        int freed = -1;
        for (int i = arguments.Count - 1; i >= 0; i--)
        {
            if (arguments[i].NameEquals is not { } name || !remove.Contains(name.Name.Identifier.ValueText)) continue;
            arguments.RemoveAt(i);
            freed = i;
        }
        foreach ((string name, ExpressionSyntax value) in set)
        {
            int at = arguments.FindIndex(a => a.NameEquals?.Name.Identifier.ValueText == name);
            if (at >= 0)
            {
                arguments[at] = arguments[at].WithExpression(value.WithTriviaFrom(arguments[at].Expression));
                continue;
            }
            if (freed >= 0 && freed <= arguments.Count)
            {
                arguments.Insert(freed, NamedArgument(name, value));
                freed++;
            }
            else arguments.Add(NamedArgument(name, value));
        }
        return attribute.WithArgumentList(list.WithArguments(Separated(arguments, separators)));
    }

    /// <summary>The arguments with the separators that were there, in order, and ", " where more are needed.</summary>
    private static SeparatedSyntaxList<AttributeArgumentSyntax> Separated(List<AttributeArgumentSyntax> arguments, List<SyntaxToken> separators)
    {
        var commas = new List<SyntaxToken>();
        for (int i = 0; i + 1 < arguments.Count; i++)
            commas.Add(i < separators.Count ? separators[i] : Token(TriviaList(), SyntaxKind.CommaToken, TriviaList(Space)));
        // The last argument must not carry the trailing trivia a removed one before ")" had; arguments keep their own.
        return SeparatedList(arguments, commas);
    }
}
