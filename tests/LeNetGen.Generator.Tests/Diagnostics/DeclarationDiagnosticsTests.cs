using System.Linq;
using LeNetGen.Generator.Tests.Infrastructure;
using Xunit;

namespace LeNetGen.Generator.Tests.Diagnostics;

/// <summary>LNG00xx: problems of the declaration and the network's structure, one test per ID (and front end).</summary>
public sealed class DeclarationDiagnosticsTests
{
    private const string Usings = "using LeNetGen;\nnamespace Tests;\n";

    [Fact]
    public void LNG0001_NetworkNotPartial_Attribute()
    {
        var result = DiagnosticAssert.Exactly(Usings + """
            [Network(Input = "1x8x8")]
            [SoftmaxOutput(10)]
            public class {|LNG0001:Net|} { }
            """);
        Assert.Empty(result.Sources);
    }

    [Fact]
    public void LNG0002_NetworkInGenericType_GenericClass() => DiagnosticAssert.Exactly(Usings + """
        [Network(Input = "1x8x8")]
        [SoftmaxOutput(10)]
        public partial class {|LNG0002:Net|}<T> { }
        """);

    [Fact]
    public void LNG0002_NetworkInGenericType_NestedInGeneric()
    {
        var result = DiagnosticAssert.Exactly(Usings + """
            public partial class Outer<T>
            {
                [Network(Input = "1x8x8")]
                [SoftmaxOutput(10)]
                public partial class {|LNG0002:Net|} { }
            }
            """);
        Assert.Contains("its containing type 'Outer'", DiagnosticAssert.Message(result, "LNG0002"));
    }

    [Fact]
    public void LNG0003_MissingInput_Attribute() => DiagnosticAssert.Exactly(Usings + """
        [Network]
        [SoftmaxOutput(10)]
        public partial class {|LNG0003:Net|} { }
        """);

    [Fact]
    public void LNG0003_MissingInput_Json() => DiagnosticAssert.Exactly("", ("Net.lenet.json", """
        { "class": {|LNG0003:"Net"|}, "layers": [ { "kind": "softmax", "classes": 10 } ] }
        """));

    [Fact]
    public void LNG0004_EmptyNetwork_Attribute() => DiagnosticAssert.Exactly(Usings + """
        [Network(Input = "1x8x8")]
        public partial class {|LNG0004:Net|} { }
        """);

    [Fact]
    public void LNG0004_EmptyNetwork_Json() => DiagnosticAssert.Exactly("", ("Empty.lenet.json", """
        { "class": {|LNG0004:"Empty"|}, "input": "1x8x8", "layers": [] }
        """));

    [Fact]
    public void LNG0005_LayerAfterOutput_Attribute()
    {
        var result = DiagnosticAssert.Exactly(Usings + """
            [Network(Input = "1x8x8")]
            [SoftmaxOutput(10)]
            [{|LNG0005:Dense(10)|}]
            public partial class Net { }
            """);
        Assert.Equal("Layer 2 (dense 10) comes after the output head, layer 1 (softmax 10); the output head must be the last layer",
            DiagnosticAssert.Message(result, "LNG0005"));
    }

    [Fact]
    public void LNG0005_LayerAfterOutput_Json() => DiagnosticAssert.Exactly("", ("After.lenet.json", """
        { "class": "After", "input": "1x8x8", "layers": [
            { "kind": "softmax", "classes": 10 },
            { "kind": {|LNG0005:"dense"|}, "units": 10 } ] }
        """));

    [Fact]
    public void LNG0006_MissingOutputHead_Attribute() => DiagnosticAssert.Exactly(Usings + """
        [Network(Input = "1x8x8")]
        [{|LNG0006:Dense(10)|}]
        public partial class Net { }
        """);

    [Fact]
    public void LNG0006_MissingOutputHead_Json() => DiagnosticAssert.Exactly("", ("NoHead.lenet.json", """
        { "class": "NoHead", "input": "1x8x8", "layers": [ { "kind": {|LNG0006:"dense"|}, "units": 10 } ] }
        """));

    [Fact]
    public void LNG0007_LayersOnSeveralDeclarations() => DiagnosticAssert.Exactly(Usings + """
        [Network(Input = "1x8x8")]
        [Dense(10)]
        public partial class Net { }

        [{|LNG0007:SoftmaxOutput(10)|}]
        public partial class Net { }
        """);

    [Fact]
    public void LNG0007_LayersOnDeclarationsInTwoFiles_ComeWithoutErrorsOfAnOrderThatIsNotDefined()
    {
        // The head is declared in Network.cs, the dense layer in Network1.cs: ordered by file path, the head came first
        // and LNG0005 ("comes after the output head") joined LNG0007; shapes of such an order were checked too.
        string first = Usings + "[Network(Input = \"1x8x8\")]\n[SoftmaxOutput(10)]\npublic partial class Net { }\n";
        string second = Usings + "[Dense(10)]\n[Conv(2, Kernel = 9)]\npublic partial class Net { }\n";
        var result = GeneratorHarness.Run(new[] { first, second });
        var texts = new System.Collections.Generic.Dictionary<string, string> { ["Network.cs"] = first, ["Network1.cs"] = second };
        Assert.Equal(new[] { "LNG0007 Network1.cs(3,2) 'Dense(10)'" },
            result.Diagnostics.Select(d => DiagnosticAssert.Describe(d, texts)));
        Assert.Empty(result.Sources);
    }

    [Fact]
    public void LNG0007_ALayersOwnMistakeIsStillReported()
    {
        string first = Usings + "[Network(Input = \"1x8x8\")]\n[SoftmaxOutput(10)]\npublic partial class Net { }\n";
        string second = Usings + "[Dense(0)]\npublic partial class Net { }\n";
        var result = GeneratorHarness.Run(new[] { first, second });
        var texts = new System.Collections.Generic.Dictionary<string, string> { ["Network.cs"] = first, ["Network1.cs"] = second };
        Assert.Equal(new[] { "LNG0007 Network1.cs(3,2) 'Dense(0)'", "LNG0109 Network1.cs(3,8) '0'" },
            result.Diagnostics.Select(d => DiagnosticAssert.Describe(d, texts)).OrderBy(s => s, System.StringComparer.Ordinal));
    }

    [Fact]
    public void LNG0008_DuplicateNetworkName_AttributeAndJson()
    {
        var result = DiagnosticAssert.Exactly(Usings + """
            [Network(Input = "1x8x8")]
            [SoftmaxOutput(10)]
            public partial class {|LNG0008:Net|} { }
            """, ("Net.lenet.json", """
            { "namespace": "Tests", "class": {|LNG0008:"Net"|}, "input": "1x8x8", "layers": [ { "kind": "softmax", "classes": 10 } ] }
            """));
        Assert.Empty(result.Sources);
    }

    [Fact]
    public void LNG0008_DuplicateNetworkName_TwoJsonFiles() => DiagnosticAssert.Exactly("",
        ("a/Twin.lenet.json", """{ "class": {|LNG0008:"Twin"|}, "input": "1x8x8", "layers": [ { "kind": "softmax", "classes": 10 } ] }"""),
        ("b/Twin.lenet.json", """{ "class": {|LNG0008:"Twin"|}, "input": "1x8x8", "layers": [ { "kind": "softmax", "classes": 2 } ] }"""));

    [Fact]
    public void LNG0009_InvalidInputShape_Attribute()
    {
        var result = DiagnosticAssert.Exactly(Usings + """
            [Network(Input = {|LNG0009:"32x32"|})]
            [SoftmaxOutput(10)]
            public partial class Net { }
            """);
        Assert.Contains("\"32x32\"", DiagnosticAssert.Message(result, "LNG0009"));
    }

    [Fact]
    public void LNG0009_InvalidInputShape_Json() => DiagnosticAssert.Exactly("", ("Shape.lenet.json", """
        { "class": "Shape", "input": {|LNG0009:"1 by 32 by 32"|}, "layers": [ { "kind": "softmax", "classes": 10 } ] }
        """));

    [Fact]
    public void LNG0010_ContainingTypeNotPartial() => DiagnosticAssert.Exactly(Usings + """
        public class Outer
        {
            [Network(Input = "1x8x8")]
            [SoftmaxOutput(10)]
            public partial class {|LNG0010:Net|} { }
        }
        """);

    [Fact]
    public void LNG0011_MissingKernel_Attribute() => DiagnosticAssert.Exactly(Usings + """
        [Network(Input = "1x8x8")]
        [{|LNG0011:Conv(4)|}]
        [SoftmaxOutput(10)]
        public partial class Net { }
        """);

    [Fact]
    public void LNG0011_MissingKernel_Json() => DiagnosticAssert.Exactly("", ("Kernel.lenet.json", """
        { "class": "Kernel", "input": "1x8x8", "layers": [ { "kind": {|LNG0011:"conv"|}, "maps": 4 }, { "kind": "softmax", "classes": 10 } ] }
        """));

    [Fact]
    public void KernelZero_IsLNG0109AtTheValue_SayingItMustBeAtLeastOne_Attribute()
    {
        var result = DiagnosticAssert.Exactly(Usings + """
            [Network(Input = "1x8x8")]
            [Conv(6, Kernel = {|LNG0109:0|})]
            [SoftmaxOutput(10)]
            public partial class Net { }
            """);
        Assert.Equal("Layer 1 (conv 6): the kernel size is 0; it must be at least 1", DiagnosticAssert.Message(result, "LNG0109"));
    }

    [Fact]
    public void KernelZero_IsLNG0109AtTheValue_Json()
    {
        var result = DiagnosticAssert.Exactly("", ("Zero.lenet.json", """
            { "class": "Zero", "input": "1x8x8", "layers": [ { "kind": "conv", "maps": 6, "kernel": {|LNG0109:0|} }, { "kind": "softmax", "classes": 10 } ] }
            """));
        Assert.Equal("Layer 1 (conv 6): the kernel size is 0; it must be at least 1", DiagnosticAssert.Message(result, "LNG0109"));
    }

    [Fact]
    public void LNG0014_KernelGivenTwice()
    {
        var result = DiagnosticAssert.Exactly(Usings + """
            [Network(Input = "1x8x8")]
            [Conv(4, Kernel = 5, KernelWidth = {|LNG0014:7|})]
            [SoftmaxOutput(10)]
            public partial class Net { }
            """);
        Assert.Equal("Layer 1 (conv 4): Kernel = 5 and KernelWidth = 7 both set the kernel's width; write Kernel for a square kernel, or KernelHeight and KernelWidth for a rectangular one",
            DiagnosticAssert.Message(result, "LNG0014"));
    }

    [Fact]
    public void LNG0014_KernelGivenTwice_OncePerSide() => DiagnosticAssert.Exactly(Usings + """
        [Network(Input = "1x8x8")]
        [Conv(4, Kernel = 3, KernelHeight = {|LNG0014:3|}, KernelWidth = {|LNG0014:3|})]
        [SoftmaxOutput(10)]
        public partial class Net { }
        """);

    [Fact]
    public void LNG0012_InvalidEnumValue() => DiagnosticAssert.Exactly(Usings + """
        [Network(Input = "1x8x8")]
        [Dense(10, Activation = {|LNG0012:(Act)42|})]
        [SoftmaxOutput(10)]
        public partial class Net { }
        """);

    [Fact]
    public void LNG0012_InvalidEnumValue_GivenByPositionIsNamedByItsPosition()
    {
        // It was named by the constructor's parameter name, "kind = 7", which the spec does not show.
        var result = DiagnosticAssert.Exactly(Usings + """
            [Network(Input = "1x8x8")]
            [Pool({|LNG0012:(PoolKind)7|}, 2)]
            [SoftmaxOutput(10)]
            public partial class Net { }
            """);
        Assert.Equal("Layer 1 (pool): argument 1 = 7 is not a known value; use one of Average, Max, Subsample", DiagnosticAssert.Message(result, "LNG0012"));
    }

    [Fact]
    public void LNG0012_InvalidEnumValue_GivenByParameterNameIsNamedByIt()
    {
        var result = DiagnosticAssert.Exactly(Usings + """
            [Network(Input = "1x8x8")]
            [Pool(window: 2, kind: {|LNG0012:(PoolKind)7|})]
            [SoftmaxOutput(10)]
            public partial class Net { }
            """);
        Assert.Equal("Layer 1 (pool): kind = 7 is not a known value; use one of Average, Max, Subsample", DiagnosticAssert.Message(result, "LNG0012"));
    }

    [Fact]
    public void LNG0013_NetworkIsStatic() => DiagnosticAssert.Exactly(Usings + """
        [Network(Input = "1x8x8")]
        [SoftmaxOutput(10)]
        public static partial class {|LNG0013:Net|} { }
        """);

    [Fact]
    public void LNG0008_IsNotReportedForOneClassNameInDifferentContainingTypes()
    {
        var result = DiagnosticAssert.Exactly(Usings + """
            [Network(Input = "1x8x8")]
            [SoftmaxOutput(10)]
            public partial class Digits { }

            public partial class Models
            {
                [Network(Input = "1x8x8")]
                [SoftmaxOutput(10)]
                public partial class Digits { }
            }
            """);
        Assert.Equal(6, result.Sources.Count); // each network's scalar, tile and one-sample kernels
        Assert.Empty(result.CompilationDiagnostics);
    }
}
