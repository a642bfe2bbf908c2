using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using LeNetGen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LeNetGen.Generator.Tests.Schema;

/// <summary>
/// Every JSON spec in the repository's tests and samples: the *.lenet.json files, and the JSON specs written as string
/// literals in the C# sources of tests/ and samples/ (found with Roslyn; diagnostic markers such as {|LNG0101:...|} are
/// stripped as the tests strip them). A literal counts as a spec when it is a JSON object that names at least one of a
/// spec's properties; fragments built up by concatenation count too (they are invalid for both, which the comparison
/// checks like any other).
/// </summary>
internal static class SpecCorpus
{
    internal sealed record Spec(string Origin, string Text)
    {
        public override string ToString() => Origin;
    }

    private static readonly string[] SpecWords = { "\"class\"", "\"layers\"", "\"input\"", "\"kind\"" };

    public static IReadOnlyList<Spec> All { get; } = Find();

    private static List<Spec> Find()
    {
        var specs = new List<Spec>();
        foreach (string folder in new[] { "tests", "samples" })
        {
            string root = Path.Combine(RepositoryPaths.Root, folder);
            foreach (string file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Where(IsSource).OrderBy(f => f, StringComparer.Ordinal))
            {
                string relative = Path.GetRelativePath(RepositoryPaths.Root, file).Replace('\\', '/');
                if (file.EndsWith(".lenet.json", StringComparison.OrdinalIgnoreCase))
                    specs.Add(new Spec(relative, File.ReadAllText(file)));
                else if (file.EndsWith(".cs", StringComparison.Ordinal) && !file.Contains(".verified.", StringComparison.Ordinal))
                    specs.AddRange(Literals(relative, File.ReadAllText(file)));
            }
        }
        return specs;
    }

    private static bool IsSource(string path)
    {
        string p = path.Replace('\\', '/');
        return !p.Contains("/bin/", StringComparison.Ordinal) && !p.Contains("/obj/", StringComparison.Ordinal)
            && !p.Contains("/node_modules/", StringComparison.Ordinal);
    }

    private static IEnumerable<Spec> Literals(string origin, string source)
    {
        SyntaxNode root = CSharpSyntaxTree.ParseText(source, GeneratorHarness.ParseOptions).GetRoot();
        foreach (LiteralExpressionSyntax literal in root.DescendantNodes().OfType<LiteralExpressionSyntax>())
        {
            if (!literal.IsKind(SyntaxKind.StringLiteralExpression)) continue;
            string text = literal.Token.ValueText;
            if (text.Contains("{|", StringComparison.Ordinal)) text = Markup.Parse(text).Text;
            if (!text.TrimStart().StartsWith('{') || !SpecWords.Any(w => text.Contains(w, StringComparison.Ordinal))) continue;
            int line = literal.GetLocation().GetLineSpan().StartLinePosition.Line + 1;
            yield return new Spec($"{origin}:{line}", text);
        }
    }
}
