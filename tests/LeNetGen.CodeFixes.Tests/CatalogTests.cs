using System;
using System.Composition;
using System.Linq;
using System.Reflection;
using LeNetGen.CodeFixes.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Xunit;

namespace LeNetGen.CodeFixes.Tests;

/// <summary>The code fixes as the IDE finds them: exported for C#, shared, and each for IDs the generator has.</summary>
public sealed class CatalogTests
{
    private static readonly Type[] Providers = typeof(LeNetGen.CodeFixes.Fixes.MakePartialFix).Assembly.GetTypes()
        .Where(t => typeof(CodeFixProvider).IsAssignableFrom(t) && !t.IsAbstract).ToArray();

    [Fact]
    public void EveryProviderIsExportedForCSharpAndShared()
    {
        Assert.Equal(5, Providers.Length);
        foreach (Type provider in Providers)
        {
            var export = provider.GetCustomAttribute<ExportCodeFixProviderAttribute>();
            Assert.True(export is not null, provider.Name);
            Assert.Equal(new[] { LanguageNames.CSharp }, export!.Languages);
            Assert.Equal(provider.Name, export.Name);
            Assert.True(provider.GetCustomAttribute<SharedAttribute>() is not null, provider.Name);
        }
    }

    [Fact]
    public void EveryFixedIdIsInTheGeneratorsCatalogAndTheReadme()
    {
        var catalog = new GeneratorDiagnostics().SupportedDiagnostics.Select(d => d.Id).ToHashSet();
        string readme = System.IO.File.ReadAllText(System.IO.Path.Combine(RepositoryRoot(), "README.md"));
        string section = readme.Substring(readme.IndexOf("### In the editor", StringComparison.Ordinal));
        section = section.Substring(0, section.IndexOf("\n### ", 5, StringComparison.Ordinal));
        var fixedIds = Providers.SelectMany(t => ((CodeFixProvider)Activator.CreateInstance(t)!).FixableDiagnosticIds).ToList();
        Assert.Equal(new[] { "LNG0001", "LNG0010", "LNG0101", "LNG0102", "LNG0103", "LNG0104", "LNG0107", "LNG0111" },
            fixedIds.Distinct().Order(StringComparer.Ordinal));
        foreach (string id in fixedIds)
        {
            Assert.Contains(id, catalog);
            Assert.Contains(id, section);
        }
    }

    private static string RepositoryRoot()
    {
        for (var dir = new System.IO.DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (System.IO.File.Exists(System.IO.Path.Combine(dir.FullName, "LeNetGen.sln"))) return dir.FullName;
        throw new InvalidOperationException("LeNetGen.sln not found above " + AppContext.BaseDirectory);
    }
}
