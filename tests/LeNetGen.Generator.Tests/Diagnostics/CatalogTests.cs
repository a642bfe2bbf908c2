using System.IO;
using System.Linq;
using System.Reflection;
using LeNetGen.Generator.Diagnostics;
using LeNetGen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace LeNetGen.Generator.Tests.Diagnostics;

/// <summary>The catalog is whole: every descriptor has a unique ID, a release-tracking row, a documented entry and a test.</summary>
public sealed class CatalogTests
{
    private static readonly DiagnosticDescriptor[] Descriptors = typeof(DiagnosticDescriptors)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
        .ToArray();

    private static string GeneratorFile(string name) => File.ReadAllText(Path.Combine(RepositoryPaths.Root, "generator", name));

    [Fact]
    public void IdsAreUniqueAndInTheirRanges()
    {
        Assert.Equal(Descriptors.Length, Descriptors.Select(d => d.Id).Distinct().Count());
        Assert.All(Descriptors, d => Assert.Matches(@"^LNG(00\d\d|01\d\d|02\d\d|03\d\d|04\d\d|9\d\d\d)$", d.Id));
    }

    [Fact]
    public void EveryIdIsInTheUnshippedReleaseFileWithItsSeverity()
    {
        string unshipped = GeneratorFile("AnalyzerReleases.Unshipped.md");
        Assert.All(Descriptors, d => Assert.Contains($"{d.Id} | LeNetGen | {d.DefaultSeverity} |", unshipped));
    }

    [Fact]
    public void EveryHelpLinkPointsAtAnEntryOfTheCatalogPage()
    {
        string page = GeneratorFile(Path.Combine("docs", "diagnostics.md"));
        Assert.All(Descriptors, d =>
        {
            Assert.EndsWith("generator/docs/diagnostics.md#" + d.Id.ToLowerInvariant(), d.HelpLinkUri);
            Assert.Contains("## " + d.Id, page);
        });
    }

    [Fact]
    public void ErrorsCannotBeDowngraded() =>
        Assert.All(Descriptors.Where(d => d.DefaultSeverity == DiagnosticSeverity.Error),
            d => Assert.Contains(WellKnownDiagnosticTags.NotConfigurable, d.CustomTags));

    [Fact]
    public void EveryIdButTheInternalErrorHasATestNamedForIt()
    {
        string tests = string.Concat(Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "tests", "LeNetGen.Generator.Tests"), "*.cs", SearchOption.AllDirectories)
            .Select(File.ReadAllText));
        Assert.All(Descriptors.Where(d => d.Id != "LNG9001"), d => Assert.Contains($"void {d.Id}_", tests));
    }
}
