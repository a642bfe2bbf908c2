using System.Threading.Tasks;
using LeNetGen.CodeFixes.Fixes;
using LeNetGen.CodeFixes.Tests.Infrastructure;
using Xunit;

namespace LeNetGen.CodeFixes.Tests;

public sealed class FullConnectionTableFixTests
{
    // C1 gives 3 maps; the table has 2 rows.
    private const string TwoRowsForThreeMaps = """
        using LeNetGen;

        [Network(Input = "1x12x12")]
        [Conv(3, Kernel = 3)]
        [Conv(4, Kernel = 3, Connections = {|LNG0103:"XX.X/.XXX"|})]
        [SoftmaxOutput(10)]
        public partial class Tabled { }
        """;

    [Fact]
    public Task ATableWithTooFewRowsBecomesTheFullTable() => FixTest<FullConnectionTableFix>.Run(TwoRowsForThreeMaps, """
        using LeNetGen;

        [Network(Input = "1x12x12")]
        [Conv(3, Kernel = 3)]
        [Conv(4, Kernel = 3, Connections = "XXXX/XXXX/XXXX")]
        [SoftmaxOutput(10)]
        public partial class Tabled { }
        """, "LeNetGen.FullTable", "Use the full connection table (3 rows of 4 'X')");

    [Fact]
    public Task OrTheTableGoes() => FixTest<FullConnectionTableFix>.Run(TwoRowsForThreeMaps, """
        using LeNetGen;

        [Network(Input = "1x12x12")]
        [Conv(3, Kernel = 3)]
        [Conv(4, Kernel = 3)]
        [SoftmaxOutput(10)]
        public partial class Tabled { }
        """, "LeNetGen.RemoveTable", "Remove the connection table (every output map reads every input map)");

    [Fact]
    public Task RowsWithTooFewColumnsBecomeTheFullTable() => FixTest<FullConnectionTableFix>.Run("""
        using LeNetGen;

        [Network(Input = "1x12x12")]
        [Conv(3, Kernel = 3)]
        [Conv(4, Connections = "{|LNG0104:XX.|}/{|LNG0104:X.X|}/{|LNG0104:.XX|}", Kernel = 3)]
        [SoftmaxOutput(10)]
        public partial class Tabled { }
        """, """
        using LeNetGen;

        [Network(Input = "1x12x12")]
        [Conv(3, Kernel = 3)]
        [Conv(4, Connections = "XXXX/XXXX/XXXX", Kernel = 3)]
        [SoftmaxOutput(10)]
        public partial class Tabled { }
        """, "LeNetGen.FullTable", "Use the full connection table (3 rows of 4 'X')");
}
