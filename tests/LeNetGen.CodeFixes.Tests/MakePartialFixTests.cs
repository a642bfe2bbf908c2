using System.Threading.Tasks;
using LeNetGen.CodeFixes.Fixes;
using LeNetGen.CodeFixes.Tests.Infrastructure;
using Xunit;

namespace LeNetGen.CodeFixes.Tests;

public sealed class MakePartialFixTests
{
    [Fact]
    public Task ANetworkClassThatIsNotPartialGetsPartialBeforeClass() => FixTest<MakePartialFix>.Run("""
        using LeNetGen;

        namespace Models;

        [Network(Input = "1x8x8")]
        [SoftmaxOutput(10)]
        public sealed class {|LNG0001:Digits|}
        {
        }
        """, """
        using LeNetGen;

        namespace Models;

        [Network(Input = "1x8x8")]
        [SoftmaxOutput(10)]
        public sealed partial class Digits
        {
        }
        """, "LeNetGen.MakePartial", "Make 'Digits' partial");

    [Fact]
    public Task AClassWithoutModifiersGetsPartialInItsIndentation() => FixTest<MakePartialFix>.Run("""
        using LeNetGen;

        namespace Models
        {
            [Network(Input = "1x8x8")]
            [SoftmaxOutput(10)]
            class {|LNG0001:Digits|} { }
        }
        """, """
        using LeNetGen;

        namespace Models
        {
            [Network(Input = "1x8x8")]
            [SoftmaxOutput(10)]
            partial class Digits { }
        }
        """, "LeNetGen.MakePartial", "Make 'Digits' partial");

    [Fact]
    public Task AContainingTypeThatIsNotPartialGetsPartial() => FixTest<MakePartialFix>.Run("""
        using LeNetGen;

        namespace Models;

        public static class Zoo
        {
            [Network(Input = "1x8x8")]
            [SoftmaxOutput(10)]
            public partial class {|LNG0010:Digits|} { }
        }
        """, """
        using LeNetGen;

        namespace Models;

        public static partial class Zoo
        {
            [Network(Input = "1x8x8")]
            [SoftmaxOutput(10)]
            public partial class Digits { }
        }
        """, "LeNetGen.MakePartial", "Make 'Zoo' partial");
}
