using System.Threading.Tasks;
using LeNetGen.CodeFixes.Fixes;
using LeNetGen.CodeFixes.Tests.Infrastructure;
using Xunit;

namespace LeNetGen.CodeFixes.Tests;

public sealed class DenseBeforePrototypesFixTests
{
    [Fact]
    public Task LeNet5sPrototypesAfterAConvolutionGetF6BeforeTheHead() => FixTest<DenseBeforePrototypesFix>.Run("""
        using LeNetGen;

        namespace Models;

        [Network(Input = "1x8x8")]
        [Conv(4, Kernel = 3, Activation = Act.ScaledTanh)]
        [{|LNG0107:RbfOutput(10)|}] // 144 values come in
        public partial class Digits { }
        """, """
        using LeNetGen;

        namespace Models;

        [Network(Input = "1x8x8")]
        [Conv(4, Kernel = 3, Activation = Act.ScaledTanh)]
        [Dense(84, Activation = Act.ScaledTanh)]
        [RbfOutput(10)] // 144 values come in
        public partial class Digits { }
        """, "LeNetGen.DenseBeforePrototypes", "Add a dense layer of 84 before the head: [Dense(84, Activation = Act.ScaledTanh)]");

    [Fact]
    public Task AfterADenseLayerOfTheWrongWidthTooAndIndentedLikeTheHead() => FixTest<DenseBeforePrototypesFix>.Run("""
        using LeNetGen;

        namespace Models
        {
            [Network(Input = "1x8x8")]
            [Dense(100, Activation = Act.ScaledTanh)]
            [RbfOutput(10, Prototypes = {|LNG0107:RbfPrototypes.LeNet5Digits|})]
            public partial class Digits { }
        }
        """, """
        using LeNetGen;

        namespace Models
        {
            [Network(Input = "1x8x8")]
            [Dense(100, Activation = Act.ScaledTanh)]
            [Dense(84, Activation = Act.ScaledTanh)]
            [RbfOutput(10, Prototypes = RbfPrototypes.LeNet5Digits)]
            public partial class Digits { }
        }
        """, "LeNetGen.DenseBeforePrototypes", "Add a dense layer of 84 before the head: [Dense(84, Activation = Act.ScaledTanh)]");

    [Fact]
    public Task InAListOfSeveralAttributesItJoinsTheListBeforeTheHead() => FixTest<DenseBeforePrototypesFix>.Run("""
        [LeNetGen.Network(Input = "1x8x8")]
        [LeNetGen.Conv(4, Kernel = 3), {|LNG0107:LeNetGen.RbfOutput(10)|}]
        public partial class Digits { }
        """, """
        [LeNetGen.Network(Input = "1x8x8")]
        [LeNetGen.Conv(4, Kernel = 3), LeNetGen.Dense(84, Activation = LeNetGen.Act.ScaledTanh), LeNetGen.RbfOutput(10)]
        public partial class Digits { }
        """, "LeNetGen.DenseBeforePrototypes", "Add a dense layer of 84 before the head: [Dense(84, Activation = Act.ScaledTanh)]");
}
