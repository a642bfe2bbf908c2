namespace LeNetGen.Generator;

/// <summary>
/// Names of the runtime's types, as the generator sees them in user code and writes them into generated code. The
/// generator cannot reference the runtime assembly; a test reflects over the runtime to keep these honest.
/// </summary>
internal static class KnownNames
{
    public const string Namespace = "LeNetGen";
    public const string NetworkAttribute = "LeNetGen.NetworkAttribute";
    public const string ConvAttribute = "LeNetGen.ConvAttribute";
    public const string PoolAttribute = "LeNetGen.PoolAttribute";
    public const string DenseAttribute = "LeNetGen.DenseAttribute";
    public const string SoftmaxOutputAttribute = "LeNetGen.SoftmaxOutputAttribute";
    public const string RbfOutputAttribute = "LeNetGen.RbfOutputAttribute";

    // Types generated code refers to, always through global::.
    public const string INetwork = "global::LeNetGen.INetwork";
    public const string OutputHead = "global::LeNetGen.OutputHead";
    public const string Activations = "global::LeNetGen.Activations";
    public const string SeededRandom = "global::LeNetGen.SeededRandom";
    public const string RbfPrototypeValues = "global::LeNetGen.RbfPrototypeValues";
    public const string RbfPrototypes = "global::LeNetGen.RbfPrototypes";
    public const string LengthGuard = "global::LeNetGen.LengthGuard";
    public const string Checkpoint = "global::LeNetGen.Checkpoint";
    public const string ReadOnlySpan = "global::System.ReadOnlySpan";
    public const string Span = "global::System.Span";
    public const string GeneratedCode = "global::System.CodeDom.Compiler.GeneratedCode";

    /// <summary>The tool name and version written into [GeneratedCode].</summary>
    public const string Tool = "LeNetGen";
    public const string ToolVersion = "0.1.0";

    /// <summary>JSON specs are additional files whose names end with this.</summary>
    public const string JsonSpecSuffix = ".lenet.json";
}
