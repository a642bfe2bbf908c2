using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace LeNetGen.CodeFixes.Tests.Infrastructure;

/// <summary>
/// Roslyn's code-fix test: the source before, with each diagnostic the generator must report marked where it must be
/// (<c>{|LNG0101:5|}</c>: that ID on exactly that span, nothing else reported), the source after the chosen fix, which
/// must build and have no diagnostic left, and the fix's title. Compiled against the .NET 10 reference assemblies and
/// LeNetGen's runtime (the attributes), from this machine alone: no reference package is downloaded.
/// </summary>
internal sealed class FixTest<TFix> : CSharpCodeFixTest<GeneratorDiagnostics, TFix, DefaultVerifier>
    where TFix : CodeFixProvider, new()
{
    private FixTest(string before, string after, string? equivalenceKey, string? title)
    {
        TestCode = before;
        FixedCode = after;
        CodeActionEquivalenceKey = equivalenceKey;
        if (title is not null) CodeActionVerifier = (action, verifier) => verifier.Equal(title, action.Title);
        ReferenceAssemblies = new ReferenceAssemblies("net10.0");
        TestState.AdditionalReferences.AddRange(Basic.Reference.Assemblies.Net100.References.All);
        TestState.AdditionalReferences.Add(MetadataReference.CreateFromFile(typeof(LeNetGen.NetworkAttribute).Assembly.Location));
    }

    /// <summary>Applies the fix with <paramref name="equivalenceKey"/> and compares the result, text for text.</summary>
    public static Task Run(string before, string after, string equivalenceKey, string title) =>
        new FixTest<TFix>(before, after, equivalenceKey, title).RunAsync();

    /// <summary>The diagnostics marked in <paramref name="source"/> are reported, and the fix offers nothing for them.</summary>
    public static Task NoFix(string source) => new FixTest<TFix>(source, source, null, null).RunAsync();
}
