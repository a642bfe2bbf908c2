using System.Threading.Tasks;
using LeNetGen.CodeFixes.Fixes;
using LeNetGen.CodeFixes.Tests.Infrastructure;
using Xunit;

namespace LeNetGen.CodeFixes.Tests;

public sealed class FitKernelFixTests
{
    // LeNet-5 on raw 28x28 digits: C5's 5x5 kernel meets S4's 16x4x4 maps (generator/docs/diagnostics.md#lng0101).
    private const string LeNet5On28 = """
        using LeNetGen;

        namespace Models;

        [Network(Input = "1x28x28")]
        [Conv(6, Kernel = 5, Activation = Act.ScaledTanh)]
        [Pool(PoolKind.Subsample, 2, Activation = Act.ScaledTanh)]
        [Conv(16, Kernel = 5, Connections = ConnectionTables.LeNet5C3, Activation = Act.ScaledTanh)]
        [Pool(PoolKind.Subsample, 2, Activation = Act.ScaledTanh)]
        [Conv(120, Kernel = {|LNG0101:5|}, Activation = Act.ScaledTanh)]
        [Dense(84, Activation = Act.ScaledTanh)]
        [RbfOutput(10)]
        public partial class LeNet5 { }
        """;

    [Fact]
    public Task TheLargestKernelThatFitsTheFourByFourMapsIsFour() => FixTest<FitKernelFix>.Run(LeNet5On28, """
        using LeNetGen;

        namespace Models;

        [Network(Input = "1x28x28")]
        [Conv(6, Kernel = 5, Activation = Act.ScaledTanh)]
        [Pool(PoolKind.Subsample, 2, Activation = Act.ScaledTanh)]
        [Conv(16, Kernel = 5, Connections = ConnectionTables.LeNet5C3, Activation = Act.ScaledTanh)]
        [Pool(PoolKind.Subsample, 2, Activation = Act.ScaledTanh)]
        [Conv(120, Kernel = 4, Activation = Act.ScaledTanh)]
        [Dense(84, Activation = Act.ScaledTanh)]
        [RbfOutput(10)]
        public partial class LeNet5 { }
        """, "LeNetGen.FitKernel", "Use the largest kernel that fits (4x4): Kernel = 4");

    [Fact]
    public Task APaddingOfOneMakesTheFiveByFiveKernelFit() => FixTest<FitKernelFix>.Run(LeNet5On28, """
        using LeNetGen;

        namespace Models;

        [Network(Input = "1x28x28")]
        [Conv(6, Kernel = 5, Activation = Act.ScaledTanh)]
        [Pool(PoolKind.Subsample, 2, Activation = Act.ScaledTanh)]
        [Conv(16, Kernel = 5, Connections = ConnectionTables.LeNet5C3, Activation = Act.ScaledTanh)]
        [Pool(PoolKind.Subsample, 2, Activation = Act.ScaledTanh)]
        [Conv(120, Kernel = 5, Activation = Act.ScaledTanh, Padding = 1)]
        [Dense(84, Activation = Act.ScaledTanh)]
        [RbfOutput(10)]
        public partial class LeNet5 { }
        """, "LeNetGen.FitPadding", "Pad the input so the kernel fits: Padding = 1");

    [Fact]
    public Task ARectangularKernelKeepsItsSidesAndShrinksTheOneThatDoesNotFit() => FixTest<FitKernelFix>.Run("""
        using LeNetGen;

        [Network(Input = "1x4x4")]
        [Conv(2, KernelHeight = {|LNG0101:5|}, KernelWidth = 3)]
        [SoftmaxOutput(10)]
        public partial class Small { }
        """, """
        using LeNetGen;

        [Network(Input = "1x4x4")]
        [Conv(2, KernelHeight = 4, KernelWidth = 3)]
        [SoftmaxOutput(10)]
        public partial class Small { }
        """, "LeNetGen.FitKernel", "Use the largest kernel that fits (4x3): KernelHeight/Width = 4x3");

    [Fact]
    public Task ASquareKernelOnAWideInputBecomesTheLargestRectangleInKernelsPlace() => FixTest<FitKernelFix>.Run("""
        using LeNetGen;

        [Network(Input = "1x3x5")]
        [Conv(2, Kernel = {|LNG0101:6|}, Stride = 1)]
        [SoftmaxOutput(10)]
        public partial class Wide { }
        """, """
        using LeNetGen;

        [Network(Input = "1x3x5")]
        [Conv(2, KernelHeight = 3, KernelWidth = 5, Stride = 1)]
        [SoftmaxOutput(10)]
        public partial class Wide { }
        """, "LeNetGen.FitKernel", "Use the largest kernel that fits (3x5): KernelHeight/Width = 3x5");

    [Fact]
    public Task PaddingAlreadyGivenIsRaisedToWhatTheKernelNeeds() => FixTest<FitKernelFix>.Run("""
        using LeNetGen;

        [Network(Input = "1x3x3")]
        [Conv(2, Kernel = {|LNG0101:6|}, Padding = 1)]
        [SoftmaxOutput(10)]
        public partial class Small { }
        """, """
        using LeNetGen;

        [Network(Input = "1x3x3")]
        [Conv(2, Kernel = 6, Padding = 2)]
        [SoftmaxOutput(10)]
        public partial class Small { }
        """, "LeNetGen.FitPadding", "Pad the input so the kernel fits: Padding = 2");
}
