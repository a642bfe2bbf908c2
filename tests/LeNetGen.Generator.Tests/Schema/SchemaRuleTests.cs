using System;
using System.Linq;
using System.Text.Json.Nodes;
using Xunit;
using static LeNetGen.Generator.Tests.Schema.SchemaAgreementTests;

namespace LeNetGen.Generator.Tests.Schema;

/// <summary>
/// One hand-written spec per rule of generator/docs/lenet.schema.json: each construct the build rejects for the spec's
/// structure (a conv with no kernel, no layers, the head not last, a ragged table, a keyword as a name, ...), each
/// spelling the generator accepts ("HeUniform", "ReLU", "lenet5c3", ...), and specs whose only error depends on
/// shapes. For each: the validator's verdict, the generator's exact error IDs, and that the two agree; and, for a
/// spec aimed at a rule, that removing that rule (the keyword at the JSON pointer) from the schema flips the verdict,
/// so no rule is there without a case that needs it.
/// </summary>
public sealed class SchemaRuleTests
{
    private const string Conv = "{ \"kind\": \"conv\", \"maps\": 2, \"kernel\": 3 }";
    private const string Dense = "{ \"kind\": \"dense\", \"units\": 4 }";
    private const string Dense84 = "{ \"kind\": \"dense\", \"units\": 84 }";

    private static string Layers(params string[] layers) => string.Join(", ", layers);

    private static string Repeat(string layer, int times) => string.Join(", ", Enumerable.Repeat(layer, times));

    /// <summary>(name, spec, valid for the schema, the generator's error IDs, the schema rule it is aimed at).</summary>
    public static TheoryData<string, string, bool, string, string?> Cases => new()
    {
        // ---- rejected for the structure alone ----
        { "conv without kernel", Spec(layers: Layers("{ \"kind\": \"conv\", \"maps\": 2 }", Softmax)), false, "LNG0011", "/$defs/conv/required/2" },
        { "no layers", Spec(layers: ""), false, "LNG0004", "/properties/layers/contains" },
        { "layers left out", "{ \"class\": \"Net\", \"input\": \"1x8x8\" }", false, "LNG0004", "/required/2" },
        { "no head", Spec(layers: Layers(Conv, Dense)), false, "LNG0006", "/properties/layers/contains" },
        { "head first", Spec(layers: Layers(Softmax, Dense)), false, "LNG0005", "/properties/layers/allOf/0/then/allOf/0" },
        { "head in the middle", Spec(layers: Layers(Conv, Softmax, Dense)), false, "LNG0005", "/properties/layers/allOf/0/then/allOf/1" },
        { "two heads", Spec(layers: Layers(Conv, Dense, "{ \"kind\": \"rbf\", \"classes\": 3, \"prototypes\": \"randomCodes\" }", Softmax)), false, "LNG0005", "/properties/layers/allOf/0/then/allOf/2" },
        { "65 layers", Spec(layers: Layers(Repeat(Dense, 64), Softmax)), false, "LNG0110", "/properties/layers/maxItems" },
        { "layer not an object", Spec(layers: Layers("5", Softmax)), false, "LNG0203", "/$defs/layer/type" },
        { "ragged table", Spec(input: "2x8x8", layers: Layers("{ \"kind\": \"conv\", \"maps\": 2, \"kernel\": 3, \"connections\": [\"XX\", \"X.X\"] }", Softmax)), false, "LNG0104", "/$defs/connections/anyOf/1/allOf/0/allOf/0" },
        { "ragged table, lengths 1 and 3", Spec(input: "2x8x8", layers: Layers("{ \"kind\": \"conv\", \"maps\": 1, \"kernel\": 3, \"connections\": [\"X\", \"X..\"] }", Softmax)), false, "LNG0104", "/$defs/connections/anyOf/1/allOf/0/allOf/1" },
        { "LeNet5C3 on 6 maps", Spec(input: "6x14x14", layers: Layers("{ \"kind\": \"conv\", \"maps\": 6, \"kernel\": 5, \"connections\": \"LeNet5C3\" }", Softmax)), false, "LNG0104", "/$defs/conv/allOf/1" },
        { "table of 5000 columns", Spec(layers: Layers("{ \"kind\": \"conv\", \"maps\": 5000, \"kernel\": 1, \"connections\": [\"" + new string('X', 5000) + "\"] }", Softmax)), false, "LNG0110", "/$defs/conv/allOf/0" },
        { "table of 4097 rows", Spec(input: "4097x1x1", layers: Layers("{ \"kind\": \"conv\", \"maps\": 1, \"kernel\": 1, \"connections\": [" + string.Join(", ", Enumerable.Repeat("\"X\"", 4097)) + "] }", Softmax)), false, "LNG0110", "/$defs/connections/anyOf/1/maxItems" },
        { "table character", Spec(layers: Layers("{ \"kind\": \"conv\", \"maps\": 2, \"kernel\": 3, \"connections\": [\"X?\"] }", Softmax)), false, "LNG0105", "/$defs/connections/anyOf/1/items/pattern" },
        { "unknown table", Spec(input: "6x14x14", layers: Layers("{ \"kind\": \"conv\", \"maps\": 16, \"kernel\": 5, \"connections\": \"LeNet5\" }", Softmax)), false, "LNG0204", "/$defs/connections/anyOf/0/anyOf" },
        { "class named class", Spec(cls: "class"), false, "LNG0206", "/properties/class/pattern" },
        { "class named record", Spec(cls: "record"), false, "LNG0206", "/properties/class/pattern" },
        { "class not an identifier", Spec(cls: "1Net"), false, "LNG0206", "/properties/class/pattern" },
        { "namespace with a keyword", Spec(extra: ", \"namespace\": \"Samples.namespace\""), false, "LNG0206", "/properties/namespace/pattern" },
        { "namespace with an empty part", Spec(extra: ", \"namespace\": \"Samples..Digits\""), false, "LNG0206", "/properties/namespace/pattern" },
        { "class left out", "{ \"input\": \"1x8x8\", \"layers\": [ " + Softmax + " ] }", false, "LNG0205", "/required/0" },
        { "input left out", "{ \"class\": \"Net\", \"layers\": [ " + Softmax + " ] }", false, "LNG0003", "/required/1" },
        { "input blank", Spec(input: " "), false, "LNG0003", "/properties/input/pattern" },
        { "input of two dimensions", Spec(input: "1x8"), false, "LNG0009", "/properties/input/pattern" },
        { "input dimension 0", Spec(input: "0x8x8"), false, "LNG0113", "/properties/input/pattern" },
        { "input dimension negative", Spec(input: "1x-8x8"), false, "LNG0113", "/properties/input/pattern" },
        { "input dimension 65537", Spec(input: "1x8x65537"), false, "LNG0110", "/properties/input/pattern" },
        { "unknown root property", Spec(extra: ", \"inputs\": \"1x8x8\""), false, "LNG0202", "/additionalProperties" },
        { "unknown layer property", Spec(layers: Layers("{ \"kind\": \"conv\", \"maps\": 2, \"kernel\": 3, \"units\": 4 }", Softmax)), false, "LNG0202", "/$defs/conv/additionalProperties" },
        { "maps a string", Spec(layers: Layers("{ \"kind\": \"conv\", \"maps\": \"2\", \"kernel\": 3 }", Softmax)), false, "LNG0203", "/$defs/size/type" },
        { "units with a fraction", Spec(layers: Layers("{ \"kind\": \"dense\", \"units\": 2.5 }", Softmax)), false, "LNG0203", "/$defs/size/type" },
        { "maps 0", Spec(layers: Layers("{ \"kind\": \"conv\", \"maps\": 0, \"kernel\": 3 }", Softmax)), false, "LNG0109", "/$defs/size/minimum" },
        { "units 65537", Spec(layers: Layers("{ \"kind\": \"dense\", \"units\": 65537 }", Softmax)), false, "LNG0110", "/$defs/size/maximum" },
        { "units beyond 32 bits", Spec(layers: Layers("{ \"kind\": \"dense\", \"units\": 99999999999 }", Softmax)), false, "LNG0110", "/$defs/size/maximum" },
        { "padding 1025", Spec(layers: Layers("{ \"kind\": \"conv\", \"maps\": 2, \"kernel\": 3, \"padding\": 1025 }", Softmax)), false, "LNG0110", "/$defs/conv/properties/padding/maximum" },
        { "padding negative", Spec(layers: Layers("{ \"kind\": \"conv\", \"maps\": 2, \"kernel\": 3, \"padding\": -1 }", Softmax)), false, "LNG0109", "/$defs/conv/properties/padding/minimum" },
        { "pool stride negative", Spec(layers: Layers("{ \"kind\": \"pool\", \"pooling\": \"max\", \"window\": 2, \"stride\": -1 }", Softmax)), false, "LNG0109", "/$defs/pool/properties/stride/minimum" },
        { "kernel of three sides", Spec(layers: Layers("{ \"kind\": \"conv\", \"maps\": 2, \"kernel\": [3, 3, 3] }", Softmax)), false, "LNG0203", "/$defs/conv/properties/kernel/oneOf/1/maxItems" },
        { "seed negative", Spec(extra: ", \"seed\": -1"), false, "LNG0203", "/properties/seed/minimum" },
        { "seed 2^64", Spec(extra: ", \"seed\": 18446744073709551616"), false, "LNG0110", "/properties/seed/maximum" },
        { "kind unknown", Spec(layers: Layers("{ \"kind\": \"lstm\", \"units\": 4 }", Softmax)), false, "LNG0204", "/$defs/layer/properties/kind/anyOf" },
        { "kind left out", Spec(layers: Layers("{ \"units\": 4 }", Softmax)), false, "LNG0205", "/$defs/layer/required/0" },
        { "maps left out", Spec(layers: Layers("{ \"kind\": \"conv\", \"kernel\": 3 }", Softmax)), false, "LNG0205", "/$defs/conv/required/1" },
        { "pooling left out", Spec(layers: Layers("{ \"kind\": \"pool\", \"window\": 2 }", Softmax)), false, "LNG0205", "/$defs/pool/required/1" },
        { "window left out", Spec(layers: Layers("{ \"kind\": \"pool\", \"pooling\": \"max\" }", Softmax)), false, "LNG0205", "/$defs/pool/required/2" },
        { "units left out", Spec(layers: Layers("{ \"kind\": \"dense\" }", Softmax)), false, "LNG0205", "/$defs/dense/required/1" },
        { "classes left out", Spec(layers: Layers(Conv, "{ \"kind\": \"softmax\" }")), false, "LNG0205", "/$defs/softmax/required/1" },
        { "rbf classes left out", Spec(layers: Layers(Dense84, "{ \"kind\": \"rbf\", \"prototypes\": \"randomCodes\" }")), false, "LNG0205", "/$defs/rbf/required/1" },
        { "digit prototypes for 5 classes", Spec(layers: Layers(Dense84, "{ \"kind\": \"rbf\", \"classes\": 5 }")), false, "LNG0108", "/$defs/rbf/allOf" },
        { "activation unknown", Spec(layers: Layers("{ \"kind\": \"dense\", \"units\": 4, \"activation\": \"swish\" }", Softmax)), false, "LNG0204", "/$defs/activation/anyOf" },
        { "unroll unknown", Spec(layers: Layers("{ \"kind\": \"dense\", \"units\": 4, \"unroll\": \"all\" }", Softmax)), false, "LNG0204", "/$defs/unroll/anyOf" },
        { "pooling unknown", Spec(layers: Layers("{ \"kind\": \"pool\", \"pooling\": \"min\", \"window\": 2 }", Softmax)), false, "LNG0204", "/$defs/pool/properties/pooling/anyOf" },
        { "prototypes unknown", Spec(layers: Layers(Dense84, "{ \"kind\": \"rbf\", \"classes\": 10, \"prototypes\": \"digits\" }")), false, "LNG0204", "/$defs/rbf/properties/prototypes/anyOf" },
        { "element unknown", Spec(extra: ", \"element\": \"half\""), false, "LNG0204", "/properties/element/anyOf" },
        { "init unknown", Spec(extra: ", \"init\": \"orthogonal\""), false, "LNG0204", "/properties/init/anyOf" },
        { "trainable a string", Spec(layers: Layers(Dense84, "{ \"kind\": \"rbf\", \"classes\": 10, \"trainable\": \"yes\" }")), false, "LNG0203", "/$defs/rbf/properties/trainable/type" },
        { "namespace a number", Spec(extra: ", \"namespace\": 5"), false, "LNG0203", "/properties/namespace/type" },
        { "root not an object", "[ " + Softmax + " ]", false, "LNG0201", "/type" },
        { "layers not an array", "{ \"class\": \"Net\", \"input\": \"1x8x8\", \"layers\": { } }", false, "LNG0203 LNG0004", "/properties/layers/type" },
        { "only a dense layer", Spec(layers: Dense), false, "LNG0006", "/$defs/head/properties/kind/pattern" },
        { "class a number", "{ \"class\": 5, \"input\": \"1x8x8\", \"layers\": [ " + Softmax + " ] }", false, "LNG0203", "/properties/class/type" },
        { "input a number", "{ \"class\": \"Net\", \"input\": 5, \"layers\": [ " + Softmax + " ] }", false, "LNG0203 LNG0003", "/properties/input/type" },
        { "element a number", Spec(extra: ", \"element\": 5"), false, "LNG0203", "/properties/element/type" },
        { "activation a number", Spec(layers: Layers("{ \"kind\": \"dense\", \"units\": 4, \"activation\": 2 }", Softmax)), false, "LNG0203", "/$defs/activation/type" },
        { "seed a string", Spec(extra: ", \"seed\": \"1\""), false, "LNG0203", "/properties/seed/type" },
        { "padding a string", Spec(layers: Layers("{ \"kind\": \"conv\", \"maps\": 2, \"kernel\": 3, \"padding\": \"1\" }", Softmax)), false, "LNG0203", "/$defs/conv/properties/padding/type" },
        { "pool stride with a fraction", Spec(layers: Layers("{ \"kind\": \"pool\", \"pooling\": \"max\", \"window\": 2, \"stride\": 1.5 }", Softmax)), false, "LNG0203", "/$defs/pool/properties/stride/type" },
        { "pool stride 65537", Spec(layers: Layers("{ \"kind\": \"pool\", \"pooling\": \"max\", \"window\": 2, \"stride\": 65537 }", Softmax)), false, "LNG0110", "/$defs/pool/properties/stride/maximum" },
        { "kernel a string", Spec(layers: Layers("{ \"kind\": \"conv\", \"maps\": 2, \"kernel\": \"3\" }", Softmax)), false, "LNG0203", "/$defs/conv/properties/kernel/oneOf/1/type" },
        { "kernel of one side", Spec(layers: Layers("{ \"kind\": \"conv\", \"maps\": 2, \"kernel\": [3] }", Softmax)), false, "LNG0203", "/$defs/conv/properties/kernel/oneOf/1/minItems" },
        { "kernel side 0", Spec(layers: Layers("{ \"kind\": \"conv\", \"maps\": 2, \"kernel\": [3, 0] }", Softmax)), false, "LNG0109", "/$defs/size/minimum" },
        { "unknown pool property", Spec(layers: Layers("{ \"kind\": \"pool\", \"pooling\": \"max\", \"window\": 2, \"padding\": 1 }", Softmax)), false, "LNG0202", "/$defs/pool/additionalProperties" },
        { "unknown dense property", Spec(layers: Layers("{ \"kind\": \"dense\", \"units\": 4, \"bias\": false }", Softmax)), false, "LNG0202", "/$defs/dense/additionalProperties" },
        { "unknown softmax property", Spec(layers: Layers(Conv, "{ \"kind\": \"softmax\", \"classes\": 10, \"activation\": \"relu\" }")), false, "LNG0202", "/$defs/softmax/additionalProperties" },
        { "unknown rbf property", Spec(layers: Layers(Dense84, "{ \"kind\": \"rbf\", \"classes\": 10, \"units\": 84 }")), false, "LNG0202", "/$defs/rbf/additionalProperties" },
        { "ceil mode on subsampling", Spec(layers: Layers("{ \"kind\": \"pool\", \"pooling\": \"subsample\", \"window\": 3, \"stride\": 2, \"ceilMode\": true }", Softmax)), false, "LNG0114", "/$defs/pool/allOf" },
        { "ceil mode on Subsample in attribute spelling", Spec(layers: Layers("{ \"kind\": \"pool\", \"pooling\": \"SubSample\", \"window\": 2, \"ceilMode\": true }", Softmax)), false, "LNG0114", null },
        { "ceilMode a string", Spec(layers: Layers("{ \"kind\": \"pool\", \"pooling\": \"max\", \"window\": 3, \"stride\": 2, \"ceilMode\": \"true\" }", Softmax)), false, "LNG0203", "/$defs/pool/properties/ceilMode/type" },
        { "property twice", Spec(extra: ", \"seed\": 1, \"seed\": 2"), false, "LNG0207", null },
        { "trailing comma", Spec(extra: ", \"seed\": 1,"), false, "LNG0201", null },

        // ---- spellings the generator accepts ----
        { "init in attribute spelling", Spec(extra: ", \"init\": \"HeUniform\""), true, "", "/properties/init/anyOf/4" },
        { "element capitalized", Spec(extra: ", \"element\": \"Double\""), true, "", "/properties/element/anyOf/2" },
        { "kind capitalized", Spec(layers: Layers("{ \"kind\": \"Conv\", \"maps\": 2, \"kernel\": 3 }", "{ \"kind\": \"SOFTMAX\", \"classes\": 10 }")), true, "", "/$defs/layer/properties/kind/anyOf/5" },
        { "activation ReLU", Spec(layers: Layers("{ \"kind\": \"dense\", \"units\": 4, \"activation\": \"ReLU\" }", Softmax)), true, "", "/$defs/activation/anyOf/5" },
        { "activation in attribute spelling", Spec(layers: Layers("{ \"kind\": \"dense\", \"units\": 4, \"activation\": \"ScaledTanh\" }", Softmax)), true, "", "/$defs/activation/anyOf/5" },
        { "unroll in attribute spelling", Spec(layers: Layers("{ \"kind\": \"dense\", \"units\": 4, \"unroll\": \"Kernel\" }", Softmax)), true, "", "/$defs/unroll/anyOf/5" },
        { "pooling in attribute spelling", Spec(layers: Layers("{ \"kind\": \"pool\", \"pooling\": \"Subsample\", \"window\": 2 }", Softmax)), true, "", "/$defs/pool/properties/pooling/anyOf/3" },
        { "prototypes in attribute spelling", Spec(layers: Layers(Dense84, "{ \"kind\": \"rbf\", \"classes\": 3, \"prototypes\": \"RandomCodes\" }")), true, "", "/$defs/rbf/properties/prototypes/anyOf/2" },
        { "table preset in lower case", Spec(input: "6x14x14", layers: Layers("{ \"kind\": \"conv\", \"maps\": 16, \"kernel\": 5, \"connections\": \"lenet5c3\" }", Softmax)), true, "", "/$defs/connections/anyOf/0/anyOf/1" },
        { "canonical names", Spec(extra: ", \"element\": \"float\", \"init\": \"leCunUniform\", \"seed\": 0", layers: Layers("{ \"kind\": \"conv\", \"maps\": 2, \"kernel\": 3, \"activation\": \"scaledTanh\", \"unroll\": \"maps\" }", "{ \"kind\": \"pool\", \"pooling\": \"average\", \"window\": 2 }", Softmax)), true, "", null },
        { "rectangular kernel, stride, padding, table", Spec(input: "2x8x8", layers: Layers("{ \"kind\": \"conv\", \"maps\": 3, \"kernel\": [3, 2], \"stride\": 1, \"padding\": 1, \"connections\": [\"XX.\", \". X\"] }", Softmax)), true, "", null },
        { "integers written 5.0 and 1e1", Spec(layers: Layers("{ \"kind\": \"conv\", \"maps\": 2.0, \"kernel\": 3 }", "{ \"kind\": \"softmax\", \"classes\": 1e1 }")), true, "", null },
        { "input with spaces, a plus sign and X", Spec(input: " 1 X +8 x 08 "), true, "", null },
        { "input padded with a tab and a no-break space", Spec(input: "\\t1x8x8\\u00A0"), true, "", null },
        { "input ending in NUL, which .NET's number parsing ignores", Spec(input: "1x8x8\\u0000"), true, "", null },
        { "input after a byte order mark", Spec(input: "\\uFEFF1x8x8"), false, "LNG0009", null },
        { "input with a digit that is not ASCII", Spec(input: "1x8x\\u0668"), false, "LNG0009", null },
        { "largest sizes", Spec(input: "1x1x1", extra: ", \"seed\": 18446744073709551615", layers: Layers("{ \"kind\": \"dense\", \"units\": 65536 }", Softmax)), true, "", null },
        { "largest padding, window with stride 0", Spec(input: "1x1x1", layers: Layers("{ \"kind\": \"conv\", \"maps\": 1, \"kernel\": 1, \"padding\": 1024 }", "{ \"kind\": \"pool\", \"pooling\": \"max\", \"window\": 2049, \"stride\": 0 }", Softmax)), true, "", null },
        { "64 layers", Spec(layers: Layers(Repeat(Dense, 63), Softmax)), true, "", null },
        { "ceil mode on max and average pooling", Spec(input: "1x9x9", layers: Layers("{ \"kind\": \"pool\", \"pooling\": \"max\", \"window\": 2, \"ceilMode\": true }", "{ \"kind\": \"pool\", \"pooling\": \"Average\", \"window\": 3, \"stride\": 2, \"ceilMode\": true }", Softmax)), true, "", "/$defs/pool/allOf/0/if/properties/pooling/pattern" },
        { "subsampling with ceil mode off", Spec(layers: Layers("{ \"kind\": \"pool\", \"pooling\": \"subsample\", \"window\": 2, \"ceilMode\": false }", Softmax)), true, "", null },
        { "digit prototypes after 84 units", Spec(layers: Layers(Dense84, "{ \"kind\": \"rbf\", \"classes\": 10, \"prototypes\": \"leNet5Digits\", \"trainable\": true }")), true, "", null },
        { "names that are not keywords", Spec(cls: "Class", extra: ", \"namespace\": \"Samples._record.Ñet\""), true, "", null },
        { "$schema any value", Spec(extra: ", \"$schema\": 5"), true, "", null },

        // ---- errors only the shape checker can find: valid for the schema ----
        { "kernel larger than its input", Spec(layers: Layers("{ \"kind\": \"conv\", \"maps\": 2, \"kernel\": 9 }", Softmax)), true, "LNG0101", null },
        { "window larger than its input", Spec(layers: Layers("{ \"kind\": \"pool\", \"pooling\": \"max\", \"window\": 9 }", Softmax)), true, "LNG0102", null },
        { "table rows not the input maps", Spec(layers: Layers("{ \"kind\": \"conv\", \"maps\": 2, \"kernel\": 3, \"connections\": [\"XX\", \"XX\"] }", Softmax)), true, "LNG0103", null },
        { "table rows all of another width", Spec(layers: Layers("{ \"kind\": \"conv\", \"maps\": 2, \"kernel\": 3, \"connections\": [\"XXX\"] }", Softmax)), true, "LNG0104", null },
        { "output map without input", Spec(layers: Layers("{ \"kind\": \"conv\", \"maps\": 2, \"kernel\": 3, \"connections\": [\"X.\"] }", Softmax)), true, "LNG0106", null },
        { "digit prototypes after 4 units", Spec(layers: Layers(Dense, "{ \"kind\": \"rbf\", \"classes\": 10 }")), true, "LNG0107", null },
        { "table after a dense layer", Spec(layers: Layers(Dense, "{ \"kind\": \"conv\", \"maps\": 2, \"kernel\": 1, \"connections\": [\"XX\", \"XX\", \"XX\", \"XX\"] }", Softmax)), true, "LNG0112", null },
        { "input of 2^32 values", Spec(input: "1x65536x65536"), true, "LNG0110", null },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void EachRuleHasASpecThatNeedsIt(string name, string spec, bool valid, string errors, string? rule)
    {
        SpecSchema.Verdict verdict = SpecSchema.Shipped.Validate(spec);
        GeneratorVerdict generator = GeneratorVerdict.Of(spec);
        Assert.True(verdict.Valid == valid, $"{name}: the schema says {verdict}");
        Assert.Equal(errors, string.Join(" ", generator.Errors.Select(e => e.Id).Distinct()));
        Assert.True(verdict.Valid == !generator.HasStructuralError, $"{name}: the schema says {verdict}, the generator {generator}");
        if (rule is null) return;

        JsonObject schema = SpecSchema.ShippedNode();
        Remove(schema, rule);
        SpecSchema.Verdict without = new SpecSchema(schema.ToJsonString()).Validate(spec);
        Assert.True(without.Valid != valid, $"{name}: without {rule} the schema still says {without}");
    }

    /// <summary>
    /// The rule against ragged tables checks one bit of the rows' length at a time: rows of length 0 and 2^bit differ in
    /// that bit alone, so each of the 20 checks (lengths up to the largest spec file) has a table only it rejects.
    /// </summary>
    [Theory]
    [InlineData(0)] [InlineData(1)] [InlineData(2)] [InlineData(3)] [InlineData(4)] [InlineData(5)] [InlineData(6)]
    [InlineData(7)] [InlineData(8)] [InlineData(9)] [InlineData(10)] [InlineData(11)] [InlineData(12)] [InlineData(13)]
    [InlineData(14)] [InlineData(15)] [InlineData(16)] [InlineData(17)] [InlineData(18)] [InlineData(19)]
    public void EachBitOfARaggedTablesRowLengthsIsChecked(int bit)
    {
        string spec = Spec(input: "2x8x8", layers: Layers(
            "{ \"kind\": \"conv\", \"maps\": 1, \"kernel\": 3, \"connections\": [\"\", \"" + new string('.', 1 << bit) + "\"] }", Softmax));
        Assert.False(SpecSchema.Shipped.Validate(spec).Valid);
        GeneratorVerdict generator = GeneratorVerdict.Of(spec);
        Assert.Contains(generator.Errors, e => e.Id == "LNG0104" && e.Reach == SchemaReach.Structural);
        JsonObject schema = SpecSchema.ShippedNode();
        Remove(schema, "/$defs/connections/anyOf/1/allOf/0/allOf/" + bit);
        Assert.True(new SpecSchema(schema.ToJsonString()).Validate(spec).Valid);
    }

    /// <summary>Removes the node at a JSON pointer (an object's property or an array's item).</summary>
    private static void Remove(JsonNode root, string pointer)
    {
        string[] parts = pointer.TrimStart('/').Split('/').Select(p => p.Replace("~1", "/").Replace("~0", "~")).ToArray();
        JsonNode parent = root;
        foreach (string part in parts[..^1])
            parent = (parent is JsonArray array ? array[int.Parse(part, System.Globalization.CultureInfo.InvariantCulture)] : parent[part])
                ?? throw new InvalidOperationException(pointer + ": no " + part);
        string last = parts[^1];
        if (parent is JsonArray items) items.RemoveAt(int.Parse(last, System.Globalization.CultureInfo.InvariantCulture));
        else Assert.True(((JsonObject)parent).Remove(last), pointer + " is not in the schema");
    }
}
