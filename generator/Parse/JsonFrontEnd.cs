using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using LeNetGen.Generator.Check;
using LeNetGen.Generator.Diagnostics;
using LeNetGen.Generator.Model;
using LeNetGen.Generator.Parse.Json;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using D = LeNetGen.Generator.Diagnostics.DiagnosticDescriptors;

namespace LeNetGen.Generator.Parse;

/// <summary>
/// Reads a network from a JSON spec (an additional file named *.lenet.json) into the same <see cref="NetworkSpec"/> the
/// attribute front end produces, with the same defaults, so the checker and emitter cannot tell the two apart. Like
/// the attribute front end it only translates: sizes are taken as written (zero, negative and oversized ones are the
/// checker's to judge, as are a missing input or kernel), and only what JSON itself can get wrong is reported here:
/// syntax (LNG0201, the first error only, and then no spec), unknown or repeated properties, values of the wrong type,
/// unknown names, missing required properties, invalid C# names and integers the model cannot hold. Every other
/// problem of the file is reported in the same pass, and a spec is still produced whenever the structure could be read
/// (a bad value leaves its default; a layer without a known kind is left out), so shape errors show in the same build.
/// The format is documented in generator/docs/lenet.schema.json. Nothing here throws: an unexpected exception becomes
/// LNG9001.
/// </summary>
internal static class JsonFrontEnd
{
    /// <summary>The longest spec file read, in UTF-16 code units (1 MB of ASCII); a spec is a few hundred bytes.</summary>
    public const int MaxFileLength = 1_048_576;

    /// <summary>True when <paramref name="path"/> names a JSON spec: its file name ends with ".lenet.json", any case.</summary>
    public static bool IsSpecFile(string path) =>
        path is not null && path.EndsWith(KnownNames.JsonSpecSuffix, StringComparison.OrdinalIgnoreCase);

    /// <summary>Reads one spec file. Never throws, except <see cref="OperationCanceledException"/>.</summary>
    public static FrontEndResult Read(AdditionalText file, CancellationToken cancellationToken)
    {
        string path = file.Path ?? "";
        try
        {
            SourceText? text = file.GetText(cancellationToken);
            if (text is null)
                return SyntaxError("The spec file '" + FileName(path) + "' could not be read", StartOfFile(path));
            return ReadCore(path, text, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return InternalError(path, exception);
        }
    }

    /// <summary>Reads a spec from text, as if from the file at <paramref name="path"/> (for tests).</summary>
    internal static FrontEndResult Read(string path, string text, CancellationToken cancellationToken)
    {
        try
        {
            return ReadCore(path, SourceText.From(text), cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return InternalError(path, exception);
        }
    }

    private static FrontEndResult ReadCore(string path, SourceText text, CancellationToken cancellationToken)
    {
        if (text.Length > MaxFileLength)
            return SyntaxError(
                "The spec file is " + text.Length.ToString("N0", CultureInfo.InvariantCulture) + " characters long; LeNetGen reads JSON specs of at most "
                + MaxFileLength.ToString("N0", CultureInfo.InvariantCulture) + " characters (1 MB)",
                StartOfFile(path));

        JsonValue? root = JsonParser.Parse(text, cancellationToken, out JsonSyntaxError? error);
        if (error is not null) return SyntaxError(error.Message, new LocationInfo(path, error.Span, error.LineSpan));
        if (root is not JsonObject rootObject)
            return SyntaxError(
                "A LeNetGen spec is a JSON object such as { \"class\": \"TinyNet\", \"input\": \"1x32x32\", \"layers\": [ ... ] }, not " + root!.Description,
                new LocationInfo(path, root.Span, root.LineSpan));

        var diagnostics = new List<DiagnosticInfo>();
        NetworkSpec? spec = ReadNetwork(rootObject, path, diagnostics, cancellationToken);
        // Document order, whatever order the properties were read in (OrderBy is stable).
        var sorted = diagnostics.OrderBy(d => d.Location?.Span.Start ?? -1).ToEquatableArray();
        return new FrontEndResult(spec, sorted);
    }

    /// <summary>The root object; null when it names no class (everything else is still read and reported).</summary>
    private static NetworkSpec? ReadNetwork(JsonObject json, string path, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
    {
        string? declaredName = json.Properties.FirstOrDefault(p => p.Name.Value == "class")?.Value is JsonString s ? s.Value : null;
        var root = new JsonObjectReader(json, JsonSpecVocabulary.RootProperties, "the spec object",
            declaredName is null ? "The spec object" : "Network '" + declaredName + "'", path, diagnostics);

        // "$schema" is known and ignored: it only tells editors where the schema is.
        string? ns = root.String("namespace", "a string of dotted C# identifiers, e.g. \"Samples.Digits\"", out LocationInfo? namespaceLocation);
        if (ns is { Length: > 0 } && !IsNamespace(ns))
            diagnostics.Add(DiagnosticInfo.Create(D.JsonInvalidName, namespaceLocation, ns, "namespace"));

        string? className = null;
        LocationInfo? classLocation = null;
        if (root.Require("class", "give the name of the class to generate, e.g. \"class\": \"TinyNet\""))
        {
            className = root.String("class", "a string: the name of the class to generate, e.g. \"TinyNet\"", out classLocation);
            if (className is not null && !IsIdentifier(className))
                diagnostics.Add(DiagnosticInfo.Create(D.JsonInvalidName, classLocation, className, "class"));
        }

        string? input = root.String("input", "a string giving channels x height x width, e.g. \"1x32x32\"", out LocationInfo? inputLocation);
        ElementType element = root.Enum("element", ElementType.Float, "element type", out _);
        ulong seed = root.UInt64("seed", out _);
        Init init = root.Enum("init", Init.ByActivation, "initialization", out _);
        string? weights = root.String("weights", "a string: the name of a checkpoint file given as an additional file, e.g. \"lenet5.lngckpt\"", out LocationInfo? weightsLocation);

        var layers = new List<LayerSpec>();
        JsonValue? layersValue = root.Value("layers");
        if (layersValue is JsonArray array)
        {
            for (int i = 0; i < array.Items.Count; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (array.Items[i] is JsonObject layerObject)
                {
                    if (ReadLayer(layerObject, i + 1, path, diagnostics) is LayerSpec layer) layers.Add(layer);
                }
                else
                    root.WrongType(array.Items[i], "layers", "an array of layer objects",
                        " (item " + (i + 1).ToString(CultureInfo.InvariantCulture) + ")");
            }
        }
        else if (layersValue is not null)
            root.WrongType(layersValue, "layers", "an array of layer objects");

        if (className is null) return null;
        return new NetworkSpec
        {
            Origin = SpecOrigin.Json,
            Namespace = ns ?? "",
            ClassName = className,
            Location = classLocation,
            Input = input,
            InputLocation = inputLocation,
            Element = element,
            Seed = seed,
            Init = init,
            Layers = layers.ToEquatableArray(),
            Weights = weights,
            WeightsLocation = weightsLocation,
            SourceFile = path,
        };
    }

    /// <summary>One layer object; null (after reporting) when its kind is missing or unknown.</summary>
    private static LayerSpec? ReadLayer(JsonObject json, int position, string path, List<DiagnosticInfo> diagnostics)
    {
        string allKinds = JsonSpecVocabulary.ListValues(JsonSpecVocabulary.LayerKinds.Select(k => k.Name));
        string positionText = position.ToString(CultureInfo.InvariantCulture);
        JsonValue? kindValue = json.Properties.FirstOrDefault(p => p.Name.Value == "kind")?.Value;
        if (kindValue is null)
        {
            var braceLocation = new LocationInfo(path, json.OpenBraceSpan, json.OpenBraceLineSpan);
            diagnostics.Add(DiagnosticInfo.Create(D.JsonMissingProperty, braceLocation, "Layer " + positionText, "kind", "give its kind, one of " + allKinds));
            return null;
        }
        var kindLocation = new LocationInfo(path, kindValue.Span, kindValue.LineSpan);
        if (kindValue is not JsonString kindText)
        {
            diagnostics.Add(DiagnosticInfo.Create(D.JsonWrongType, kindLocation, "kind", "one of the strings " + allKinds, kindValue.Description));
            return null;
        }
        if (JsonSpecVocabulary.FindLayerKind(kindText.Value) is not LayerKind kind)
        {
            diagnostics.Add(DiagnosticInfo.Create(D.JsonUnknownValue, kindLocation, kindText.Value, "layer kind",
                NearestName.Suggestion(kindText.Value, JsonSpecVocabulary.LayerKinds.Select(k => k.Name), '"'), allKinds));
            return null;
        }

        string label = JsonSpecVocabulary.NameOf(kind);
        var layer = new JsonObjectReader(json, JsonSpecVocabulary.PropertiesOf(kind),
            "layer " + positionText + " (" + label + ")", "Layer " + positionText + " (" + label + ")", path, diagnostics);
        var spec = new LayerSpec { Kind = kind, Position = position, Location = kindLocation };
        return kind switch
        {
            LayerKind.Conv => ReadConv(layer, spec),
            LayerKind.Pool => ReadPool(layer, spec),
            LayerKind.Dense => ReadDense(layer, spec),
            LayerKind.SoftmaxOutput => ReadSoftmax(layer, spec),
            _ => ReadRbf(layer, spec),
        };
    }

    // One reader per kind, with the attribute's defaults (runtime/Spec/*Attribute.cs).

    private static LayerSpec ReadConv(JsonObjectReader layer, LayerSpec spec)
    {
        layer.Require("maps", "give the number of output maps, e.g. \"maps\": 6");
        (int kernelHeight, int kernelWidth, LocationInfo? kernelLocation) = ReadKernel(layer);
        return spec with
        {
            Count = layer.Int("maps", 0, Limits.MaxDimension, out LocationInfo? mapsLocation),
            CountLocation = mapsLocation,
            KernelHeight = kernelHeight,
            KernelWidth = kernelWidth,
            KernelLocation = kernelLocation,
            Stride = layer.Int("stride", 1, Limits.MaxDimension, out LocationInfo? strideLocation),
            StrideLocation = strideLocation,
            Padding = layer.Int("padding", 0, Limits.MaxPadding, out LocationInfo? paddingLocation),
            PaddingLocation = paddingLocation,
            Connections = ReadConnections(layer),
            Activation = layer.Enum("activation", Act.Identity, "activation", out LocationInfo? activationLocation),
            ActivationLocation = activationLocation,
            Unroll = layer.Enum("unroll", Unroll.Auto, "unroll depth", out LocationInfo? unrollLocation),
            UnrollLocation = unrollLocation,
        };
    }

    private static LayerSpec ReadPool(JsonObjectReader layer, LayerSpec spec)
    {
        layer.Require("pooling", "give how each window is combined, one of " + JsonSpecVocabulary.ListValues(JsonSpecVocabulary.EnumSpellings<PoolKind>()));
        layer.Require("window", "give the side of the square window, e.g. \"window\": 2");
        return spec with
        {
            PoolKind = layer.Enum("pooling", PoolKind.Average, "pooling kind", out LocationInfo? poolingLocation),
            PoolKindLocation = poolingLocation,
            Window = layer.Int("window", 0, Limits.MaxDimension, out LocationInfo? windowLocation),
            WindowLocation = windowLocation,
            // 0 means the window's side, as for the attribute.
            Stride = layer.Int("stride", 0, Limits.MaxDimension, out LocationInfo? strideLocation),
            StrideLocation = strideLocation,
            CeilMode = layer.Bool("ceilMode", false, out LocationInfo? ceilModeLocation),
            CeilModeLocation = ceilModeLocation,
            Activation = layer.Enum("activation", Act.Identity, "activation", out LocationInfo? activationLocation),
            ActivationLocation = activationLocation,
            Unroll = layer.Enum("unroll", Unroll.Auto, "unroll depth", out LocationInfo? unrollLocation),
            UnrollLocation = unrollLocation,
        };
    }

    private static LayerSpec ReadDense(JsonObjectReader layer, LayerSpec spec)
    {
        layer.Require("units", "give the number of units, e.g. \"units\": 84");
        return spec with
        {
            Count = layer.Int("units", 0, Limits.MaxDimension, out LocationInfo? unitsLocation),
            CountLocation = unitsLocation,
            Activation = layer.Enum("activation", Act.Identity, "activation", out LocationInfo? activationLocation),
            ActivationLocation = activationLocation,
            Unroll = layer.Enum("unroll", Unroll.Auto, "unroll depth", out LocationInfo? unrollLocation),
            UnrollLocation = unrollLocation,
        };
    }

    private static LayerSpec ReadSoftmax(JsonObjectReader layer, LayerSpec spec)
    {
        layer.Require("classes", "give the number of classes, e.g. \"classes\": 10");
        return spec with
        {
            Count = layer.Int("classes", 0, Limits.MaxDimension, out LocationInfo? classesLocation),
            CountLocation = classesLocation,
            Unroll = layer.Enum("unroll", Unroll.Auto, "unroll depth", out LocationInfo? unrollLocation),
            UnrollLocation = unrollLocation,
        };
    }

    private static LayerSpec ReadRbf(JsonObjectReader layer, LayerSpec spec)
    {
        layer.Require("classes", "give the number of classes, e.g. \"classes\": 10");
        return spec with
        {
            Count = layer.Int("classes", 0, Limits.MaxDimension, out LocationInfo? classesLocation),
            CountLocation = classesLocation,
            Prototypes = layer.Enum("prototypes", RbfPrototypes.LeNet5Digits, "prototype set", out LocationInfo? prototypesLocation),
            PrototypesLocation = prototypesLocation,
            TrainablePrototypes = layer.Bool("trainable", false, out _),
            Unroll = layer.Enum("unroll", Unroll.Auto, "unroll depth", out LocationInfo? unrollLocation),
            UnrollLocation = unrollLocation,
        };
    }

    /// <summary>"kernel": 5 (square) or [height, width]; 0x0 when not given (the checker's LNG0011).</summary>
    private static (int Height, int Width, LocationInfo? Location) ReadKernel(JsonObjectReader layer)
    {
        const string Expected = "an integer or an array of two integers [height, width]";
        JsonValue? value = layer.Value("kernel");
        if (value is null) return (0, 0, null);
        LocationInfo location = layer.LocationOf(value);
        switch (value)
        {
            case JsonNumber:
                int side = layer.ToInt(value, "kernel", Expected, "'kernel'", "", 0, Limits.MaxDimension);
                return (side, side, location);
            case JsonArray { Items.Count: 2 } pair:
                int height = layer.ToInt(pair.Items[0], "kernel", Expected, "the 'kernel' height", " (item 1)", 0, Limits.MaxDimension);
                int width = layer.ToInt(pair.Items[1], "kernel", Expected, "the 'kernel' width", " (item 2)", 0, Limits.MaxDimension);
                // An item reported here (wrong type, beyond the int range) stands for the kernel, so what the checker
                // would say about its stand-in value is recognized as a repeat of that report and dropped.
                static bool Readable(JsonValue item) => item is JsonNumber { IsInteger: true } number && number.TryGetInt32(out _);
                JsonValue? unreadable = !Readable(pair.Items[0]) ? pair.Items[0] : !Readable(pair.Items[1]) ? pair.Items[1] : null;
                return (height, width, unreadable is null ? location : layer.LocationOf(unreadable));
            default:
                layer.WrongType(value, "kernel", Expected);
                return (0, 0, location);
        }
    }

    /// <summary>
    /// "connections": the preset "LeNet5C3" (any case) or one string per input map. Each row keeps its string token's
    /// location, quotes included, so the checker can point at one character of it. A table with a row that is not a
    /// string is dropped after reporting it, rather than checked with a row missing.
    /// </summary>
    private static ConnectionTableSpec? ReadConnections(JsonObjectReader layer)
    {
        const string Expected = "\"LeNet5C3\" or an array of strings, one per input map";
        JsonValue? value = layer.Value("connections");
        if (value is null) return null;
        LocationInfo location = layer.LocationOf(value);
        switch (value)
        {
            case JsonString preset when string.Equals(preset.Value, JsonSpecVocabulary.LeNet5C3, StringComparison.OrdinalIgnoreCase):
                return new ConnectionTableSpec(
                    JsonSpecVocabulary.LeNet5C3Rows.ToEquatableArray(),
                    JsonSpecVocabulary.LeNet5C3Rows.Select(_ => (LocationInfo?)location).ToEquatableArray(),
                    location,
                    JsonSpecVocabulary.LeNet5C3);
            case JsonString other:
                layer.Report(D.JsonUnknownValue, value, other.Value, "connection table",
                    NearestName.Suggestion(other.Value, new[] { JsonSpecVocabulary.LeNet5C3 }, '"'),
                    "\"" + JsonSpecVocabulary.LeNet5C3 + "\", or write the table as an array of strings, one per input map, e.g. [\"XX.\", \".XX\"]");
                return null;
            case JsonArray rows:
                bool allStrings = true;
                for (int i = 0; i < rows.Items.Count; i++)
                {
                    if (rows.Items[i] is JsonString) continue;
                    layer.WrongType(rows.Items[i], "connections", Expected, " (item " + (i + 1).ToString(CultureInfo.InvariantCulture) + ")");
                    allStrings = false;
                }
                if (!allStrings) return null;
                return new ConnectionTableSpec(
                    rows.Items.Select(r => ((JsonString)r).Value).ToEquatableArray(),
                    rows.Items.Select(r => (LocationInfo?)layer.LocationOf(r)).ToEquatableArray(),
                    location,
                    null);
            default:
                layer.WrongType(value, "connections", Expected);
                return null;
        }
    }

    /// <summary>A name C# accepts for a class: an identifier that is no keyword, contextual ones included.</summary>
    private static bool IsIdentifier(string name) =>
        SyntaxFacts.IsValidIdentifier(name)
        && SyntaxFacts.GetKeywordKind(name) == SyntaxKind.None
        && SyntaxFacts.GetContextualKeywordKind(name) == SyntaxKind.None;

    private static bool IsNamespace(string name) => name.Split('.').All(IsIdentifier);

    private static FrontEndResult SyntaxError(string message, LocationInfo location) =>
        new(null, new[] { DiagnosticInfo.Create(D.JsonSyntax, location, message) }.ToEquatableArray());

    private static FrontEndResult InternalError(string path, Exception exception) =>
        new(null, new[]
        {
            DiagnosticInfo.Create(D.InternalError, StartOfFile(path), FileName(path), exception.GetType().Name, exception.Message),
        }.ToEquatableArray());

    private static LocationInfo StartOfFile(string path) => new(path, new TextSpan(0, 0), new LinePositionSpan(default, default));

    /// <summary>The file name without its folders (by hand: System.IO.Path throws on some paths on .NET Framework).</summary>
    private static string FileName(string path) => path.Substring(path.LastIndexOfAny(new[] { '/', '\\' }) + 1);
}
