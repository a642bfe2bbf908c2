using System.Threading.Tasks;
using LeNetGen.CodeFixes.Fixes;
using LeNetGen.CodeFixes.Tests.Infrastructure;
using Xunit;

namespace LeNetGen.CodeFixes.Tests;

public sealed class TilingWindowFixTests
{
    // C1 gives 6x24x24; a 5x5 window leaves 4 rows and 4 columns unread. 4 and 6 tile 24, both one away from 5.
    private const string FiveOnTwentyFour = """
        using LeNetGen;

        [Network(Input = "1x28x28")]
        [Conv(6, Kernel = 5)]
        [Pool(PoolKind.Max, {|LNG0111:5|})]
        [SoftmaxOutput(10)]
        public partial class Digits { }
        """;

    [Fact]
    public Task TheNearestSmallerWindowThatTilesIsOffered() => FixTest<TilingWindowFix>.Run(FiveOnTwentyFour, """
        using LeNetGen;

        [Network(Input = "1x28x28")]
        [Conv(6, Kernel = 5)]
        [Pool(PoolKind.Max, 4)]
        [SoftmaxOutput(10)]
        public partial class Digits { }
        """, "LeNetGen.TilingWindow.4", "Use window 4x4, which tiles the input");

    [Fact]
    public Task TheNearestLargerWindowThatTilesIsOffered() => FixTest<TilingWindowFix>.Run(FiveOnTwentyFour, """
        using LeNetGen;

        [Network(Input = "1x28x28")]
        [Conv(6, Kernel = 5)]
        [Pool(PoolKind.Max, 6)]
        [SoftmaxOutput(10)]
        public partial class Digits { }
        """, "LeNetGen.TilingWindow.6", "Use window 6x6, which tiles the input");

    [Fact]
    public Task WithAStrideGivenTheWindowChangesAndTheStrideStays() => FixTest<TilingWindowFix>.Run("""
        using LeNetGen;

        [Network(Input = "1x28x28")]
        [Conv(6, Kernel = 5)]
        [Pool(PoolKind.Max, window: 3, Stride = {|LNG0111:2|})]
        [SoftmaxOutput(10)]
        public partial class Digits { }
        """, """
        using LeNetGen;

        [Network(Input = "1x28x28")]
        [Conv(6, Kernel = 5)]
        [Pool(PoolKind.Max, window: 4, Stride = 2)]
        [SoftmaxOutput(10)]
        public partial class Digits { }
        """, "LeNetGen.TilingWindow.4", "Use window 4x4, which tiles the input");

    [Fact]
    public Task AWindowLargerThanItsInputGetsTheLargestThatTiles() => FixTest<TilingWindowFix>.Run("""
        using LeNetGen;

        [Network(Input = "1x6x6")]
        [Pool(PoolKind.Average, {|LNG0102:8|})]
        [SoftmaxOutput(10)]
        public partial class Tiny { }
        """, """
        using LeNetGen;

        [Network(Input = "1x6x6")]
        [Pool(PoolKind.Average, 6)]
        [SoftmaxOutput(10)]
        public partial class Tiny { }
        """, "LeNetGen.TilingWindow.6", "Use window 6x6, which tiles the input");

    [Fact]
    public Task AConvolutionsStrideRemainderIsNotAPoolingWindowAndGetsNoWindowFix() => FixTest<TilingWindowFix>.NoFix("""
        using LeNetGen;

        [Network(Input = "1x28x28")]
        [Conv(6, Kernel = 5, Stride = {|LNG0111:3|})]
        [SoftmaxOutput(10)]
        public partial class Strided { }
        """);
}
