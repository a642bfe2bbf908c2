using System.Linq;
using LeNetGen.Generator.Tests.Infrastructure;
using Xunit;

namespace LeNetGen.Generator.Tests.Json;

/// <summary>
/// LNG02xx (and the JSON front end's LNG0110), one test or more per ID, through the whole generator: the marked token
/// must carry the diagnostic, nothing else may be reported, and no code is generated from a spec with an error.
/// </summary>
public sealed class JsonDiagnosticsTests
{
    private static string Message(GeneratorHarness.Result result, string id) => DiagnosticAssert.Message(result, id);

    [Fact]
    public void LNG0201_JsonSyntax_MissingComma()
    {
        var result = DiagnosticAssert.Exactly("", ("Comma.lenet.json", """
            { "class": "Comma", "input": "1x8x8", "layers": [
                { "kind": "conv", "maps": 6 {|LNG0201:"kernel"|}: 5 },
                { "kind": "softmax", "classes": 10 } ] }
            """));
        Assert.Equal("Expected ',' or '}' after the value of property 'maps', found '\"kernel\"'", Message(result, "LNG0201"));
        Assert.Empty(result.Sources);
    }

    [Fact]
    public void LNG0201_JsonSyntax_TrailingComma()
    {
        var result = DiagnosticAssert.Exactly("", ("Trailing.lenet.json", """
            { "class": "Trailing", "input": "1x8x8", "layers": [ { "kind": "softmax", "classes": 10 }{|LNG0201:,|} ] }
            """));
        Assert.Equal("This ',' is followed by ']'; JSON does not allow a comma after the last item, so remove it", Message(result, "LNG0201"));
    }

    [Fact]
    public void LNG0201_JsonSyntax_TrailingCommaInAnObject_AtTheComma() => DiagnosticAssert.Exactly("", ("Trailing.lenet.json", """
        { "class": "Trailing", "input": "1x8x8",
          "layers": [ { "kind": "softmax", "classes": 10 } ]{|LNG0201:,|}
        }
        """));

    [Fact]
    public void LNG0201_JsonSyntax_UnterminatedStringAtItsStart() => DiagnosticAssert.Exactly("", ("Open.lenet.json", """
        { "class": {|LNG0201:"Open,|}
          "input": "1x8x8" }
        """));

    [Fact]
    public void LNG0201_JsonSyntax_Comment()
    {
        var result = DiagnosticAssert.Exactly("", ("Comment.lenet.json", """
            { "class": "Comment", {|LNG0201:// the input|}
              "input": "1x8x8" }
            """));
        Assert.Equal("JSON does not allow comments; remove this '//' comment", Message(result, "LNG0201"));
    }

    [Fact]
    public void LNG0201_JsonSyntax_EndOfFileAtTheLastPosition()
    {
        var result = DiagnosticAssert.Exactly("", ("Cut.lenet.json", """
            { "class": "Cut", "layers": [ { "kind": "softmax", "classes": 10 }{|LNG0201:|}
            """));
        Assert.Equal("Expected ',' or ']' after item 1 of the 'layers' array, found the end of the file", Message(result, "LNG0201"));
    }

    [Fact]
    public void LNG0201_JsonSyntax_OnlyTheFirstErrorIsReported() => DiagnosticAssert.Exactly("", ("Two.lenet.json", """
        { {|LNG0201:'class'|}: "Two", "input": 1x8x8 }
        """));

    [Fact]
    public void LNG0201_JsonSyntax_RootIsNotAnObject()
    {
        var result = DiagnosticAssert.Exactly("", ("Array.lenet.json", """
            {|LNG0201:[ { "kind": "softmax", "classes": 10 } ]|}
            """));
        Assert.StartsWith("A LeNetGen spec is a JSON object such as", Message(result, "LNG0201"));
    }

    [Fact]
    public void LNG0201_JsonSyntax_NestingTooDeep() => DiagnosticAssert.Exactly("", ("Deep.lenet.json",
        "{ \"class\": \"Deep\", \"x\": " + new string('[', 63) + "{|LNG0201:[|}" + new string(']', 64) + " }"));

    [Fact]
    public void LNG0202_JsonUnknownProperty()
    {
        var result = DiagnosticAssert.Exactly("", ("Unknown.lenet.json", """
            { "class": "Unknown", "input": "1x8x8", {|LNG0202:"inputs"|}: "1x8x8", "layers": [
                { "kind": "conv", "maps": 2, "kernel": 3, {|LNG0202:"units"|}: 4 },
                { "kind": "softmax", "classes": 10 } ] }
            """));
        Assert.Empty(result.Sources);
        Assert.Contains(result.Diagnostics, d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture) ==
            "Unknown property 'units' in layer 1 (conv); known properties are 'kind', 'maps', 'kernel', 'stride', 'padding', 'connections', 'activation' and 'unroll'");
        Assert.Contains(result.Diagnostics, d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture) ==
            "Unknown property 'inputs' in the spec object (did you mean 'input'?); known properties are '$schema', 'namespace', 'class', 'input', 'element', 'seed', 'init' and 'layers'");
    }

    [Fact]
    public void LNG0203_JsonWrongType()
    {
        var result = DiagnosticAssert.Exactly("", ("Type.lenet.json", """
            { "class": "Type", "input": "1x8x8", "layers": [
                { "kind": "conv", "maps": 2, "kernel": 3, "stride": {|LNG0203:1.5|}, "activation": {|LNG0203:2|} },
                { "kind": "rbf", "classes": 10, "prototypes": "randomCodes", "trainable": {|LNG0203:"yes"|} } ] }
            """));
        Assert.Contains(result.Diagnostics, d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture) ==
            "Property 'stride' must be an integer, not a number with a fraction (1.5)");
        Assert.Contains(result.Diagnostics, d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture) ==
            "Property 'activation' must be one of the strings \"identity\", \"tanh\", \"scaledTanh\", \"relu\" or \"sigmoid\", not a number (2)");
        Assert.Contains(result.Diagnostics, d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture) ==
            "Property 'trainable' must be true or false, not a string (\"yes\")");
    }

    [Fact]
    public void LNG0203_JsonWrongType_Kernel()
    {
        // The front end alone: through the whole generator the checker adds LNG0011 on the same token (no kernel read).
        const string text = """
            { "class": "Kernel", "input": "1x8x8", "layers": [
                { "kind": "conv", "maps": 2, "kernel": [3, 3, 3] },
                { "kind": "conv", "maps": 2, "kernel": [3, "3"] },
                { "kind": "conv", "maps": 2, "kernel": "3" } ] }
            """;
        var result = LeNetGen.Generator.Parse.JsonFrontEnd.Read("Kernel.lenet.json", text, System.Threading.CancellationToken.None);
        Assert.Equal(
            new[]
            {
                "(2,44) [3, 3, 3]: Property 'kernel' must be an integer or an array of two integers [height, width], not an array of 3 items",
                "(3,48) \"3\": Property 'kernel' must be an integer or an array of two integers [height, width], not a string (\"3\") (item 2)",
                "(4,44) \"3\": Property 'kernel' must be an integer or an array of two integers [height, width], not a string (\"3\")",
            },
            result.Diagnostics.Select(d =>
            {
                Assert.Equal("LNG0203", d.Descriptor.Id);
                var start = d.Location!.LineSpan.Start;
                return $"({start.Line + 1},{start.Character + 1}) {text.Substring(d.Location.Span.Start, d.Location.Span.Length)}: "
                    + d.ToDiagnostic().GetMessage(System.Globalization.CultureInfo.InvariantCulture);
            }));
    }

    [Fact]
    public void LNG0204_JsonUnknownValue()
    {
        var result = DiagnosticAssert.Exactly("", ("Names.lenet.json", """
            { "class": "Names", "input": "1x8x8", "element": {|LNG0204:"half"|}, "layers": [
                { "kind": {|LNG0204:"lstm"|}, "units": 4 },
                { "kind": "dense", "units": 4, "activation": {|LNG0204:"swish"|} },
                { "kind": "conv", "maps": 2, "kernel": 1, "connections": {|LNG0204:"LeNet1"|} },
                { "kind": "softmax", "classes": 10 } ] }
            """));
        Assert.Contains(result.Diagnostics, d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture) ==
            "'swish' is not a known activation; use one of \"identity\", \"tanh\", \"scaledTanh\", \"relu\" or \"sigmoid\"");
        Assert.Contains(result.Diagnostics, d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture) ==
            "'lstm' is not a known layer kind; use one of \"conv\", \"pool\", \"dense\", \"softmax\" or \"rbf\"");
    }

    [Fact]
    public void LNG0202_And_LNG0204_SuggestTheNearestKnownName()
    {
        var result = DiagnosticAssert.Exactly("", ("Typos.lenet.json", """
            { "class": "Typos", "input": "1x8x8", "layers": [
                { "kind": {|LNG0011:"conv"|}, "maps": 2, {|LNG0202:"kernal"|}: 3 },
                { "kind": {|LNG0204:"convv"|}, "maps": 2, "kernel": 1 },
                { "kind": "dense", "units": 4, "activation": {|LNG0204:"rellu"|} },
                { "kind": "pool", "pooling": {|LNG0204:"avrage"|}, "window": {|LNG0102:2|} },
                { "kind": "softmax", "classes": 10 } ] }
            """));
        string[] messages = result.Diagnostics.Select(d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        Assert.Contains("Unknown property 'kernal' in layer 1 (conv) (did you mean 'kernel'?); known properties are 'kind', 'maps', 'kernel', 'stride', 'padding', 'connections', 'activation' and 'unroll'", messages);
        Assert.Contains("'convv' is not a known layer kind (did you mean \"conv\"?); use one of \"conv\", \"pool\", \"dense\", \"softmax\" or \"rbf\"", messages);
        Assert.Contains("'rellu' is not a known activation (did you mean \"relu\"?); use one of \"identity\", \"tanh\", \"scaledTanh\", \"relu\" or \"sigmoid\"", messages);
        Assert.Contains(messages, m => m.StartsWith("'avrage' is not a known pooling kind (did you mean \"average\"?)", System.StringComparison.Ordinal));
    }

    [Fact]
    public void LNG0208_MisnamedSpecFile_WithLayers()
    {
        var result = DiagnosticAssert.Exactly("", ("Digits.json", """
            { "class": "Digits", "input": "1x8x8",
              {|LNG0208:"layers"|}: [ { "kind": "softmax", "classes": 10 } ] }
            """));
        Assert.Empty(result.Sources);
        Assert.Equal("'Digits.json' looks like a LeNetGen spec (it has \"layers\") but is not read: only AdditionalFiles named *.lenet.json are specs; rename it to 'Digits.lenet.json'",
            Message(result, "LNG0208"));
    }

    [Fact]
    public void LNG0208_MisnamedSpecFile_WithTheSchema() => DiagnosticAssert.Exactly("", ("specs/Net.JSON", """
        { "$schema": {|LNG0208:"../generator/docs/lenet.schema.json"|}, "class": "Net" }
        """));

    [Fact]
    public void LNG0208_NotForOtherJsonFiles() => DiagnosticAssert.Exactly("",
        ("appsettings.json", """{ "Logging": { "LogLevel": { "Default": "Information" } } }"""),
        ("broken.json", """{ "layers": [ """),
        ("list.json", """[ { "layers": 1 } ]"""));

    [Fact]
    public void LNG0205_JsonMissingProperty_Class()
    {
        var result = DiagnosticAssert.Exactly("", ("NoClass.lenet.json", """
            {|LNG0205:{|} "input": "1x8x8", "layers": [ { "kind": "softmax", "classes": 10 } ] }
            """));
        Assert.Equal("The spec object has no 'class' property; give the name of the class to generate, e.g. \"class\": \"TinyNet\"", Message(result, "LNG0205"));
        Assert.Empty(result.Sources);
    }

    [Fact]
    public void LNG0205_JsonMissingProperty_LayerParts()
    {
        var result = DiagnosticAssert.Exactly("", ("Parts.lenet.json", """
            { "class": "Parts", "input": "1x8x8", "layers": [
                {|LNG0205:{|} "maps": 2, "kernel": 3 },
                {|LNG0205:{|} "kind": "pool", "window": 2 },
                { "kind": "softmax", "classes": 10 } ] }
            """));
        Assert.Contains(result.Diagnostics, d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture) ==
            "Layer 2 (pool) has no 'pooling' property; give how each window is combined, one of \"average\", \"max\" or \"subsample\"");
    }

    [Fact]
    public void LNG0206_JsonInvalidName()
    {
        var result = DiagnosticAssert.Exactly("", ("Bad.lenet.json", """
            { "namespace": {|LNG0206:"My..Nets"|}, "class": {|LNG0206:"my-net"|}, "input": "1x8x8", "layers": [ { "kind": "softmax", "classes": 10 } ] }
            """));
        Assert.Contains(result.Diagnostics, d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture) == "'my-net' is not a valid C# class name");
        Assert.Empty(result.Sources);
    }

    [Theory]
    [InlineData("class")]
    [InlineData("record")]
    [InlineData("1Net")]
    [InlineData("")]
    public void LNG0206_JsonInvalidName_KeywordsAndNonIdentifiers(string name) => DiagnosticAssert.Exactly("", ("Kw.lenet.json",
        "{ \"class\": {|LNG0206:\"" + name + "\"|}, \"input\": \"1x8x8\", \"layers\": [ { \"kind\": \"softmax\", \"classes\": 10 } ] }"));

    [Fact]
    public void LNG0207_JsonDuplicateProperty()
    {
        var result = DiagnosticAssert.Exactly("", ("Twice.lenet.json", """
            { "class": "Twice", "input": "1x8x8", "layers": [
                { "kind": "dense", "units": 4, {|LNG0207:"units"|}: 5 },
                { "kind": "softmax", "classes": 10 } ], {|LNG0207:"input"|}: "1x9x9" }
            """));
        Assert.Contains(result.Diagnostics, d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture) == "Property 'units' appears twice in layer 1 (dense); keep one");
    }

    [Fact]
    public void LNG0110_SizeTooLarge_Seed()
    {
        var result = DiagnosticAssert.Exactly("", ("Seed.lenet.json", """
            { "class": "Seed", "input": "1x8x8", "seed": {|LNG0110:18446744073709551616|}, "layers": [ { "kind": "softmax", "classes": 10 } ] }
            """));
        Assert.Equal("Network 'Seed': 'seed' is 18,446,744,073,709,551,616, beyond LeNetGen's limit of 18,446,744,073,709,551,615; LeNetGen generates code for small networks", Message(result, "LNG0110"));
    }

    [Fact]
    public void LNG0110_AnIntegerBeyondTheIntRangeIsReportedOnceAndLeftOutOfLaterMessages()
    {
        // The overflowing value read as int.MaxValue: "layer 3 (softmax 2147483647)" in LNG0005, and the kernel's item
        // was reported a second time, at the whole kernel, as "the kernel height is 2147483647".
        var result = DiagnosticAssert.Exactly("", ("Overflow.lenet.json", """
            { "class": "Overflow", "input": "1x8x8", "layers": [
                { "kind": "conv", "maps": 2, "kernel": [{|LNG0110:99999999999|}, 3] },
                { "kind": "dense", "units": 4 },
                { "kind": "softmax", "classes": {|LNG0110:-99999999999|} },
                { "kind": {|LNG0005:"dense"|}, "units": 3 } ] }
            """));
        Assert.Equal(new[]
        {
            "Layer 1 (conv): the 'kernel' height is 99,999,999,999, beyond LeNetGen's limit of 65,536; LeNetGen generates code for small networks",
            "Layer 3 (softmax): 'classes' is -99,999,999,999, beyond LeNetGen's limit of 65,536; LeNetGen generates code for small networks",
            "Layer 4 (dense 3) comes after the output head, layer 3 (softmax); the output head must be the last layer",
        }, result.Diagnostics.Select(d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void EveryProblemOfAJsonSpecIsReportedInOneBuild() => DiagnosticAssert.Exactly("", ("Many.lenet.json", """
        { "class": "Many", "input": "1x8x8", {|LNG0202:"seeed"|}: 1, "layers": [
            { "kind": "conv", "maps": 2, "kernel": {|LNG0101:9|}, "stride": {|LNG0203:"1"|} },
            { "kind": {|LNG0204:"lstm"|} },
            { "kind": "dense", "units": 4, {|LNG0207:"units"|}: 5, "activation": {|LNG0204:"swish"|} },
            { "kind": "softmax", "classes": 10 } ] }
        """));

    [Fact]
    public void AValidJsonSpecGeneratesCodeThatCompiles()
    {
        var result = DiagnosticAssert.Exactly("", ("Ok.lenet.json", """
            {
              "$schema": "../generator/docs/lenet.schema.json",
              "namespace": "Samples.Json",
              "class": "Ok",
              "input": "1x12x12",
              "seed": 3,
              "layers": [
                { "kind": "conv", "maps": 2, "kernel": [3, 3], "activation": "scaledTanh" },
                { "kind": "pool", "pooling": "subsample", "window": 2 },
                { "kind": "conv", "maps": 3, "kernel": 3, "connections": ["XX.", ".XX"], "activation": "relu" },
                { "kind": "dense", "units": 5, "activation": "tanh" },
                { "kind": "softmax", "classes": 4 }
              ]
            }
            """));
        Assert.Equal(3, result.Sources.Count); // the scalar, tile and one-sample kernels
        Assert.Empty(result.CompilationDiagnostics);
    }
}
