using System.Linq;
using System.Text.RegularExpressions;
using LeNetGen.TestNetworks;
using Xunit;

namespace LeNetGen.Networks.Tests;

/// <summary>The classic LeNet-5's shape table states the paper's numbers.</summary>
public sealed class SummaryTests
{
    [Fact]
    public void C3RowSaysTheTableUses60Of96Connections()
    {
        string[] lines = ClassicLeNet5.Summary.Split('\n');
        Assert.Contains("C3      conv 16@5x5 (table: 60 of 96)  scaled tanh  16@10x10       1,516      151,600", lines);
    }

    [Theory]
    [InlineData("INPUT input 1@32x32")]
    [InlineData("C1 conv 6@5x5 scaled tanh 6@28x28 156 122,304")]
    [InlineData("S2 subsample 2x2 scaled tanh 6@14x14 12 5,880")]
    [InlineData("C3 conv 16@5x5 (table: 60 of 96) scaled tanh 16@10x10 1,516 151,600")]
    [InlineData("S4 subsample 2x2 scaled tanh 16@5x5 32 2,000")]
    [InlineData("C5 conv 120@5x5 scaled tanh 120@1x1 48,120 48,120")]
    [InlineData("F6 dense 84 scaled tanh 84 10,164 10,164")]
    [InlineData("Output rbf 10 (fixed prototypes) 10 0 840")]
    [InlineData("total 60,000 340,908")]
    [InlineData("fixed, not trained: 840 prototype values")]
    public void ClassicLeNet5HasThePapersRow(string row)
    {
        // Cells compared with the column padding collapsed to one space.
        var rows = ClassicLeNet5.Summary.Split('\n').Select(line => Regex.Replace(line.Trim(), " {2,}", " "));
        Assert.Contains(row, rows);
    }
}
