using Microsoft.CodeAnalysis;

namespace LeNetGen.Generator.Diagnostics;

/// <summary>
/// Every diagnostic LeNetGen reports, in one place. IDs are stable and never reused: 00xx declaration and structure,
/// 01xx shapes and sizes, 02xx JSON specs, 03xx code generation, 04xx weights baked into the
/// assembly, 9xxx internal. Each has a page in
/// generator/docs/diagnostics.md (the help link) and a row in AnalyzerReleases.Unshipped.md.
/// </summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "LeNetGen";
    private const string HelpBase = "https://github.com/lenetgen/lenetgen/blob/main/generator/docs/diagnostics.md#";

    private static DiagnosticDescriptor Error(string id, string title, string message) =>
        new(id, title, message, Category, DiagnosticSeverity.Error, isEnabledByDefault: true,
            helpLinkUri: HelpBase + id.ToLowerInvariant(), customTags: WellKnownDiagnosticTags.NotConfigurable);

    private static DiagnosticDescriptor Warning(string id, string title, string message) =>
        new(id, title, message, Category, DiagnosticSeverity.Warning, isEnabledByDefault: true,
            helpLinkUri: HelpBase + id.ToLowerInvariant());

    // ---- 00xx: declaration and structure -----------------------------------------------------------------------

    public static readonly DiagnosticDescriptor NetworkNotPartial = Error("LNG0001",
        "Network class must be partial",
        "Class '{0}' declares a network but is not partial; add the 'partial' modifier so the generated code can join it");

    public static readonly DiagnosticDescriptor NetworkInGenericType = Error("LNG0002",
        "Network class cannot be generic or nested in a generic type",
        "Class '{0}' declares a network but {1} is generic; declare the network in a non-generic class");

    public static readonly DiagnosticDescriptor MissingInput = Error("LNG0003",
        "Network has no input shape",
        "Network '{0}' has no input shape; give one as channels x height x width, e.g. {1}");

    public static readonly DiagnosticDescriptor EmptyNetwork = Error("LNG0004",
        "Network has no layers",
        "Network '{0}' has no layers; add layers (e.g. {1}) and end with an output head ({2})");

    public static readonly DiagnosticDescriptor LayerAfterOutput = Error("LNG0005",
        "Layer after the output head",
        "Layer {0} ({1}) comes after the output head, layer {2} ({3}); the output head must be the last layer");

    public static readonly DiagnosticDescriptor MissingOutputHead = Error("LNG0006",
        "Network has no output head",
        "Network '{0}' ends with layer {1} ({2}), not an output head; end it with {3}");

    public static readonly DiagnosticDescriptor LayersOnSeveralDeclarations = Error("LNG0007",
        "Layer attributes spread over several partial declarations",
        "Network '{0}' has layer attributes on more than one partial declaration, so their order is undefined; put all of them on one declaration");

    public static readonly DiagnosticDescriptor DuplicateNetworkName = Error("LNG0008",
        "Two networks with one name",
        "Network '{0}' is declared more than once ({1}); each network needs its own class name");

    public static readonly DiagnosticDescriptor InvalidInputShape = Error("LNG0009",
        "Input shape is not channels x height x width",
        "Input shape \"{0}\" of network '{1}' is not channels x height x width; write three positive integers, e.g. \"1x32x32\"");

    public static readonly DiagnosticDescriptor ContainingTypeNotPartial = Error("LNG0010",
        "Containing type must be partial",
        "Class '{0}' declares a network inside '{1}', which is not partial; add the 'partial' modifier to '{1}'");

    public static readonly DiagnosticDescriptor MissingKernel = Error("LNG0011",
        "Convolution has no kernel size",
        "Layer {0} ({1}) has no kernel size; {2}");

    public static readonly DiagnosticDescriptor InvalidEnumValue = Error("LNG0012",
        "Unknown option value",
        "{0}: {1} = {2} is not a known value; use one of {3}");

    public static readonly DiagnosticDescriptor NetworkIsStatic = Error("LNG0013",
        "Network class cannot be static",
        "Class '{0}' declares a network but is static; generated networks hold their parameters in instances, so remove 'static'");

    public static readonly DiagnosticDescriptor KernelGivenTwice = Error("LNG0014",
        "Kernel and a kernel side both given",
        "Layer {0} ({1}): Kernel = {2} and {3} = {4} both set the kernel's {5}; write Kernel for a square kernel, or KernelHeight and KernelWidth for a rectangular one");

    // ---- 01xx: shapes and sizes --------------------------------------------------------------------------------

    public static readonly DiagnosticDescriptor KernelLargerThanInput = Error("LNG0101",
        "Kernel larger than its input",
        "Layer {0} ({1}): kernel {2} does not fit its input {3}{4} ({5}); a kernel of at most {6} fits");

    public static readonly DiagnosticDescriptor PoolWindowLargerThanInput = Error("LNG0102",
        "Pooling window larger than its input",
        "Layer {0} ({1}): window {2} does not fit input {3} ({4}); a window of at most {5} fits");

    public static readonly DiagnosticDescriptor ConnectionTableRows = Error("LNG0103",
        "Connection table has the wrong number of rows",
        "Layer {0} ({1}): the connection table has {2} rows but the layer receives {3} input maps ({4}); write one row per input map");

    public static readonly DiagnosticDescriptor ConnectionTableColumns = Error("LNG0104",
        "Connection table row has the wrong number of columns",
        "Layer {0} ({1}): row {2} of the connection table has {3} columns but the layer has {4} output maps; write one character per output map");

    public static readonly DiagnosticDescriptor ConnectionTableCharacter = Error("LNG0105",
        "Connection table has a character other than X, '.' or space",
        "Layer {0} ({1}): row {2}, column {3} of the connection table is '{4}'; use 'X' for connected and '.' or a space for not connected");

    public static readonly DiagnosticDescriptor OutputMapWithoutInput = Error("LNG0106",
        "Output map without input",
        "Layer {0} ({1}): output map {2} has no 'X' in its column of the connection table, so it reads no input map; connect it to at least one");

    public static readonly DiagnosticDescriptor RbfWidthMismatch = Error("LNG0107",
        "RBF prototypes do not match the incoming width",
        "Layer {0} ({1}): {2} prototypes have {3} values each but the layer receives {4} values ({5}); {6}");

    public static readonly DiagnosticDescriptor RbfClassCountMismatch = Error("LNG0108",
        "RBF prototypes do not match the number of classes",
        "Layer {0} ({1}): {2} prototypes exist for {3} classes but the layer has {4} classes; use {3} classes or other prototypes");

    public static readonly DiagnosticDescriptor NonPositiveSize = Error("LNG0109",
        "Size must be positive",
        "Layer {0} ({1}): {2} is {3}; it must be {4}");

    public static readonly DiagnosticDescriptor SizeTooLarge = Error("LNG0110",
        "Size beyond LeNetGen's limits",
        "{0}: {1} is {2}, beyond LeNetGen's limit of {3}; LeNetGen generates code for small networks");

    public static readonly DiagnosticDescriptor ConvStrideLeavesRemainder = Warning("LNG0111",
        "Stride leaves input unread",
        "Layer {0} ({1}): with {2} and stride {3}, the windows stop short of the last {4} of input {5}; a stride that divides {6} reads every value");

    public static readonly DiagnosticDescriptor ConnectionTableOnInput = Error("LNG0112",
        "Connection table where no maps come in",
        "Layer {0} ({1}): a connection table needs input maps, but the layer receives a flat vector of {2} values");

    public static readonly DiagnosticDescriptor InvalidInputShapeValue = Error("LNG0113",
        "Input dimension must be positive",
        "Network '{0}': input {1} is {2}; every input dimension must be at least 1");

    public static readonly DiagnosticDescriptor CeilModeOnSubsampling = Error("LNG0114",
        "Ceil mode on trainable subsampling",
        "Layer {0} ({1}): ceil mode clips the last windows to the input, but trainable subsampling multiplies every window's sum by one coefficient per map, so a clipped window's output would sum fewer inputs on the same scale; use average or max pooling in ceil mode, or leave CeilMode out (the floor rule)");

    // ---- 02xx: JSON specs --------------------------------------------------------------------------------------

    public static readonly DiagnosticDescriptor JsonSyntax = Error("LNG0201",
        "JSON syntax error",
        "{0}");

    public static readonly DiagnosticDescriptor JsonUnknownProperty = Error("LNG0202",
        "Unknown property in a JSON spec",
        "Unknown property '{0}' in {1}{2}; known properties are {3}");

    public static readonly DiagnosticDescriptor JsonWrongType = Error("LNG0203",
        "JSON value of the wrong type",
        "Property '{0}' must be {1}, not {2}");

    public static readonly DiagnosticDescriptor JsonUnknownValue = Error("LNG0204",
        "Unknown name in a JSON spec",
        "'{0}' is not a known {1}{2}; use one of {3}");

    public static readonly DiagnosticDescriptor JsonMissingProperty = Error("LNG0205",
        "Required JSON property missing",
        "{0} has no '{1}' property; {2}");

    public static readonly DiagnosticDescriptor JsonInvalidName = Error("LNG0206",
        "Invalid class or namespace name in a JSON spec",
        "'{0}' is not a valid C# {1} name");

    public static readonly DiagnosticDescriptor JsonDuplicateProperty = Error("LNG0207",
        "Property given twice in a JSON spec",
        "Property '{0}' appears twice in {1}; keep one");

    public static readonly DiagnosticDescriptor MisnamedSpecFile = Warning("LNG0208",
        "JSON file looks like a spec but is not named *.lenet.json",
        "'{0}' looks like a LeNetGen spec ({1}) but is not read: only AdditionalFiles named *.lenet.json are specs; rename it to '{2}'");

    // ---- 03xx: code generation ---------------------------------------------------------------------------------

    public static readonly DiagnosticDescriptor UnrollTooLarge = Warning("LNG0301",
        "Unrolled method too large for the JIT to optimize",
        "Layer {0} ({1}): Unroll = {2} writes about {3} IL instructions and {4} local-variable uses into {5}; the JIT compiles a method with more than 20,000 IL instructions or 8,000 local-variable uses without optimization, several times slower; {6}");

    public static readonly DiagnosticDescriptor WrittenOutTooMuch = Error("LNG0302",
        "Layer writes out more code than a build can take",
        "Layer {0} ({1}): {2} writes out {3} multiply-adds over the layer's forward, backward and curvature methods, beyond LeNetGen's limit of {4} per layer, which bounds the build's time and memory; {5}");

    public static readonly DiagnosticDescriptor GeneratedSourceTooLarge = Error("LNG0303",
        "Generated source too large to build",
        "Network '{0}': its generated source would be {1} characters, beyond LeNetGen's limit of {2}, which bounds the build's time and memory; {3}");

    public static readonly DiagnosticDescriptor UnknownVectorWidth = Error("LNG0304",
        "Unknown vector width in LeNetGenVectorWidths",
        "The MSBuild property LeNetGenVectorWidths is \"{0}\", and '{1}' is not a vector width LeNetGen writes kernels for; list 512, 256 or 128 separated by commas (e.g. 256,128), or leave the property out for all three");

    // ---- 04xx: weights baked into the assembly ---------------------------------------------------------------------

    public static readonly DiagnosticDescriptor WeightsFileNotFound = Error("LNG0401",
        "Weights file not given to the compiler",
        "Network '{0}': {1}; add it to the project as <AdditionalFiles Include=\"{2}\" /> (a checkpoint that the network's Save or a trainer wrote)");

    public static readonly DiagnosticDescriptor WeightsFileInvalid = Error("LNG0402",
        "Weights file is not a valid checkpoint",
        "Network '{0}': cannot bake '{1}' into the assembly: {2}; save the checkpoint again");

    public static readonly DiagnosticDescriptor WeightsFileTruncated = Error("LNG0403",
        "Weights file is truncated",
        "Network '{0}': cannot bake '{1}' into the assembly: the file is truncated: {2}; save the checkpoint again");

    public static readonly DiagnosticDescriptor WeightsOfAnotherNetwork = Error("LNG0404",
        "Weights belong to another network",
        "Network '{0}': '{1}' belongs to another network: its spec fingerprint is 0x{2}, this network's is 0x{3}, so the layers, shapes or tables differ from the spec that saved it; train this network and save its checkpoint again");

    public static readonly DiagnosticDescriptor WeightsParameterCount = Error("LNG0405",
        "Weights have another number of parameters",
        "Network '{0}': '{1}' holds {2} parameters, but this network has {3}; train this network and save its checkpoint again");

    public static readonly DiagnosticDescriptor WeightsElementType = Error("LNG0406",
        "Weights have another element type",
        "Network '{0}': '{1}' holds {2} parameters, but this network's element type is {3}; use a checkpoint of a {3} network, or Element = {4} in the spec");

    public static readonly DiagnosticDescriptor WeightsNotFinite = Error("LNG0407",
        "Weights hold a NaN or infinite parameter",
        "Network '{0}': '{1}': {2}, and a network with it cannot compute; the run that wrote it had diverged, so use an earlier checkpoint");

    public static readonly DiagnosticDescriptor WeightsFileAmbiguous = Error("LNG0408",
        "Weights name matches several additional files",
        "Network '{0}': '{1}' names {2} additional files ({3}); give more of the path, so that it names one");

    // ---- 9xxx: internal ----------------------------------------------------------------------------------------

    public static readonly DiagnosticDescriptor InternalError = Error("LNG9001",
        "LeNetGen internal error",
        "LeNetGen failed on network '{0}' ({1}: {2}); please report this with the spec");
}
