using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using LeNetGen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace LeNetGen.Generator.Tests.Emit;

/// <summary>
/// What an IDE's hover shows for a generated network, read from the documentation XML Roslyn gives for each symbol
/// (the text its quick info is made from). The class's remarks, which quick info shows beside the summary, hold the
/// shape table in a <c>code</c> block (shown with its spaces, so the columns line up), the same text as the Summary
/// constant, and they are the class's only remarks (the user's part of a partial class may have its own summary, which
/// a hover shows first); every public member has a summary, and each layer constant's summary names its layer's shape.
/// </summary>
public sealed class HoverDocsTests
{
    public static TheoryData<string> Networks => new() { "Networks/LeNet5.cs", "Networks/ModernLeNet5.cs", "Networks/TinyNet.lenet.json" };

    private static INamedTypeSymbol Generate(string sample)
    {
        GeneratorHarness.Result result = sample.EndsWith(".json", StringComparison.Ordinal)
            ? GeneratorHarness.Run("", (sample, RepositoryPaths.ReadSample(sample)))
            : GeneratorHarness.Run(RepositoryPaths.ReadSample(sample));
        Assert.DoesNotContain(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        string name = System.IO.Path.GetFileName(sample).Split('.')[0];
        return result.Output.GetTypeByMetadataName("LeNetGen.Samples.Networks." + name) ?? throw new InvalidOperationException(name + " not generated");
    }

    private static XElement Doc(ISymbol symbol)
    {
        string? xml = symbol.GetDocumentationCommentXml();
        Assert.False(string.IsNullOrWhiteSpace(xml), symbol.ToDisplayString() + " has no documentation");
        return XElement.Parse(xml!, LoadOptions.PreserveWhitespace);
    }

    private static string[] TableLines(INamedTypeSymbol network) =>
        ((string)network.GetMembers("Summary").OfType<IFieldSymbol>().Single().ConstantValue!).Split('\n');

    [Theory]
    [MemberData(nameof(Networks))]
    public void TheClassSummaryShowsTheShapeTableInACodeBlock(string sample)
    {
        INamedTypeSymbol network = Generate(sample);
        foreach (ISymbol symbol in new ISymbol[] { network, network.GetMembers("Summary").Single() })
        {
            XElement remarks = Assert.Single(Doc(symbol).Elements("remarks"));
            XElement code = Assert.Single(remarks.Elements("code"));
            // The block's lines, as a hover shows them, are the table's, spaces and all.
            string[] lines = code.Value.Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
            Assert.True(lines[0].Trim().Length == 0 && lines[^1].Trim().Length == 0, code.Value);
            // Roslyn keeps each line's text after "///"; the generator writes "/// " and then the table's line.
            Assert.Equal(TableLines(network), lines[1..^1].Select(l => Regex.Replace(l, "^ *(/// )?", m => "")));
        }
    }

    [Theory]
    [MemberData(nameof(Networks))]
    public void EveryPublicMemberHasASummaryAndEveryLayerConstantItsShape(string sample)
    {
        INamedTypeSymbol network = Generate(sample);
        var members = network.GetMembers().Concat(network.GetTypeMembers("Workspace").Single().GetMembers())
            .Where(m => m.DeclaredAccessibility == Accessibility.Public && !m.IsImplicitlyDeclared && m is not IMethodSymbol { MethodKind: MethodKind.PropertyGet })
            .ToList();
        foreach (ISymbol member in members)
            Assert.False(string.IsNullOrWhiteSpace(Doc(member).Element("summary")?.Value), member.ToDisplayString() + " has no summary");

        // Each row of the table: its layer's name and output shape ("C1 ... 6@28x28 ..."); INPUT and total are not layers.
        var layers = TableLines(network).Skip(2).Select(l => Regex.Split(l.Trim(), " {2,}"))
            .Where(c => c.Length >= 4 && c[0] != "total").Select(c => (Name: c[0], Shape: c.First(x => Regex.IsMatch(x, @"^\d+(@\d+x\d+)?$"))))
            .ToList();
        Assert.True(layers.Count >= 3, string.Join(", ", layers));
        var checkedConstants = new List<string>();
        foreach ((string name, string shape) in layers)
            foreach (IFieldSymbol constant in network.GetMembers().OfType<IFieldSymbol>()
                         .Where(f => f.IsConst && f.Name.StartsWith(name, StringComparison.Ordinal) && char.IsUpper(f.Name[name.Length])
                                     && Regex.IsMatch(f.Name[name.Length..], "^(Maps|Units|Classes|SumsOffset|ValuesOffset|DeltasOffset)$")))
            {
                string summary = Doc(constant).Element("summary")!.Value;
                Assert.True(summary.Contains(shape, StringComparison.Ordinal), $"{constant.Name}: '{summary}' does not name {name}'s shape {shape}");
                checkedConstants.Add(constant.Name);
            }
        Assert.True(checkedConstants.Count >= 3 * layers.Count, string.Join(", ", checkedConstants));
        // Parameter blocks name their shape as counts, e.g. "6 x 1 x 5 x 5 (output maps, input maps, kernel rows, kernel columns)".
        foreach (IFieldSymbol block in network.GetMembers().OfType<IFieldSymbol>().Where(f => f.IsConst && f.Name.EndsWith("Offset", StringComparison.Ordinal)
                     && layers.Any(l => Regex.IsMatch(f.Name, "^" + l.Name + "(Weights|Coefficients|Prototypes|Biases)Offset$"))))
        {
            int length = (int)network.GetMembers(block.Name.Replace("Offset", "Length")).OfType<IFieldSymbol>().Single().ConstantValue!;
            string summary = Doc(block).Element("summary")!.Value;
            Assert.True(summary.Contains(length + " values", StringComparison.Ordinal), $"{block.Name}: '{summary}' does not give its {length} values");
        }
    }
}
