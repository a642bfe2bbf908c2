using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Threading;
using LeNetGen.Generator.Diagnostics;
using LeNetGen.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using D = LeNetGen.Generator.Diagnostics.DiagnosticDescriptors;

namespace LeNetGen.Generator.Parse;

/// <summary>
/// Reads a network declared with attributes on a partial class into a <see cref="NetworkSpec"/>. It only translates:
/// values are taken as written, each with the location of the argument that gave it, and problems of the declaration
/// itself (not partial, generic, layers on several declarations, unknown enum values) become diagnostics. Nothing
/// from Roslyn's object model leaves this class.
/// </summary>
internal static class AttributeFrontEnd
{
    public static FrontEndResult Read(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        string name = context.TargetSymbol.Name;
        try
        {
            return ReadCore(context, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            var info = DiagnosticInfo.Create(D.InternalError, LocationInfo.From(context.TargetNode.GetLocation()), name, exception.GetType().Name, exception.Message);
            return new FrontEndResult(null, new[] { info }.ToEquatableArray());
        }
    }

    private static FrontEndResult ReadCore(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        var diagnostics = new List<DiagnosticInfo>();
        var type = (INamedTypeSymbol)context.TargetSymbol;
        var declaration = (ClassDeclarationSyntax)context.TargetNode;
        LocationInfo? nameLocation = LocationInfo.From(declaration.Identifier.GetLocation());

        if (!declaration.Modifiers.Any(SyntaxKind.PartialKeyword))
            diagnostics.Add(DiagnosticInfo.Create(D.NetworkNotPartial, nameLocation, type.Name));
        if (declaration.Modifiers.Any(SyntaxKind.StaticKeyword))
            diagnostics.Add(DiagnosticInfo.Create(D.NetworkIsStatic, nameLocation, type.Name));
        if (type.TypeParameters.Length > 0)
            diagnostics.Add(DiagnosticInfo.Create(D.NetworkInGenericType, nameLocation, type.Name, "it"));

        var containing = new List<string>();
        for (INamedTypeSymbol? outer = type.ContainingType; outer is not null; outer = outer.ContainingType)
        {
            if (outer.TypeParameters.Length > 0)
                diagnostics.Add(DiagnosticInfo.Create(D.NetworkInGenericType, nameLocation, type.Name, "its containing type '" + outer.Name + "'"));
            var outerSyntax = outer.DeclaringSyntaxReferences.Select(r => r.GetSyntax(cancellationToken)).OfType<TypeDeclarationSyntax>().ToList();
            if (!outerSyntax.Any(s => s.Modifiers.Any(SyntaxKind.PartialKeyword)))
                diagnostics.Add(DiagnosticInfo.Create(D.ContainingTypeNotPartial, nameLocation, type.Name, outer.Name)
                    with { Properties = new[] { (FixProperties.ContainingType, outer.Name) }.ToEquatableArray() });
            string keyword = outer.IsRecord ? (outer.TypeKind == TypeKind.Struct ? "record struct" : "record")
                : outer.TypeKind == TypeKind.Struct ? "struct" : outer.TypeKind == TypeKind.Interface ? "interface" : "class";
            containing.Insert(0, "partial " + keyword + " " + outer.Name);
        }

        AttributeData network = context.Attributes[0];
        var networkArgs = new Arguments(network, cancellationToken);
        string? input = networkArgs.String("Input", out LocationInfo? inputLocation);
        ElementType element = networkArgs.Enum("Element", ElementType.Float, "network", 0, diagnostics, out _);
        Init init = networkArgs.Enum("Init", Init.ByActivation, "network", 0, diagnostics, out _);
        ulong seed = networkArgs.UInt64("Seed");
        string? weights = networkArgs.String("Weights", out LocationInfo? weightsLocation);

        var layers = ReadLayers(type, declaration, diagnostics, cancellationToken, out bool orderUnknown);

        var spec = new NetworkSpec
        {
            Origin = SpecOrigin.Attributes,
            Namespace = type.ContainingNamespace.IsGlobalNamespace ? "" : type.ContainingNamespace.ToDisplayString(),
            ClassName = type.Name,
            ContainingTypes = containing.ToEquatableArray(),
            Location = nameLocation,
            NetworkLocation = networkArgs.AttributeLocation,
            Input = input,
            InputLocation = inputLocation ?? networkArgs.AttributeLocation,
            Element = element,
            Seed = seed,
            Init = init,
            Layers = layers.ToEquatableArray(),
            Weights = weights,
            WeightsLocation = weightsLocation,
            LayerOrderUnknown = orderUnknown,
        };
        return new FrontEndResult(spec, diagnostics.ToEquatableArray());
    }

    private static List<LayerSpec> ReadLayers(INamedTypeSymbol type, ClassDeclarationSyntax networkDeclaration, List<DiagnosticInfo> diagnostics,
        CancellationToken cancellationToken, out bool orderUnknown)
    {
        // Layer attributes in source order; the order of partial declarations is not defined, so layers on more than
        // one declaration are an error, and the checker is told the order is unknown (so no error of an order that is
        // only this sort's, such as LNG0005 for a head that sorted first, comes with LNG0007).
        var found = new List<(AttributeData Data, AttributeSyntax Syntax, LayerKind Kind)>();
        foreach (AttributeData attribute in type.GetAttributes())
        {
            LayerKind? kind = attribute.AttributeClass?.ToDisplayString() switch
            {
                KnownNames.ConvAttribute => LayerKind.Conv,
                KnownNames.PoolAttribute => LayerKind.Pool,
                KnownNames.DenseAttribute => LayerKind.Dense,
                KnownNames.SoftmaxOutputAttribute => LayerKind.SoftmaxOutput,
                KnownNames.RbfOutputAttribute => LayerKind.RbfOutput,
                _ => null,
            };
            if (kind is null || attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) is not AttributeSyntax syntax) continue;
            found.Add((attribute, syntax, kind.Value));
        }

        var declarations = found.Select(f => f.Syntax.FirstAncestorOrSelf<ClassDeclarationSyntax>()).Distinct().ToList();
        orderUnknown = declarations.Count > 1;
        if (orderUnknown)
        {
            ClassDeclarationSyntax other = declarations.FirstOrDefault(d => d != networkDeclaration) ?? declarations[1]!;
            var second = found.First(f => f.Syntax.FirstAncestorOrSelf<ClassDeclarationSyntax>() == other);
            diagnostics.Add(DiagnosticInfo.Create(D.LayersOnSeveralDeclarations, LocationInfo.From(second.Syntax), type.Name));
        }

        found.Sort((a, b) =>
        {
            int byFile = string.CompareOrdinal(a.Syntax.SyntaxTree.FilePath, b.Syntax.SyntaxTree.FilePath);
            return byFile != 0 ? byFile : a.Syntax.SpanStart.CompareTo(b.Syntax.SpanStart);
        });

        var layers = new List<LayerSpec>();
        foreach (var (data, syntax, kind) in found)
        {
            cancellationToken.ThrowIfCancellationRequested();
            layers.Add(ReadLayer(data, syntax, kind, layers.Count + 1, diagnostics, cancellationToken));
        }
        return layers;
    }

    private static LayerSpec ReadLayer(AttributeData data, AttributeSyntax syntax, LayerKind kind, int position, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
    {
        var args = new Arguments(data, cancellationToken);
        string label = kind switch
        {
            LayerKind.SoftmaxOutput => "softmax",
            LayerKind.RbfOutput => "rbf",
            _ => kind.ToString().ToLowerInvariant(),
        };
        var common = new LayerSpec
        {
            Kind = kind,
            Position = position,
            Location = LocationInfo.From(syntax),
            Unroll = args.Enum("Unroll", Unroll.Auto, label, position, diagnostics, out LocationInfo? unrollLocation),
            UnrollLocation = unrollLocation,
        };
        bool activated = kind is LayerKind.Conv or LayerKind.Pool or LayerKind.Dense;
        if (activated)
        {
            common = common with
            {
                Activation = args.Enum("Activation", Act.Identity, label, position, diagnostics, out LocationInfo? activationLocation),
                ActivationLocation = activationLocation,
            };
        }

        switch (kind)
        {
            case LayerKind.Conv:
            {
                int kernel = args.Int("Kernel", 0, out LocationInfo? kernelLocation);
                int kernelHeight = args.Int("KernelHeight", kernel, out LocationInfo? heightLocation);
                int kernelWidth = args.Int("KernelWidth", kernel, out LocationInfo? widthLocation);
                string? connections = args.String("Connections", out LocationInfo? tableLocation);
                int maps = args.Int(0, "maps", out LocationInfo? mapsLocation);
                if (kernelLocation is not null)
                {
                    // Kernel with KernelHeight or KernelWidth: which one wins is not something a reader can see.
                    foreach ((string side, LocationInfo? sideLocation, int value, string what) in new[]
                        { ("KernelHeight", heightLocation, kernelHeight, "height"), ("KernelWidth", widthLocation, kernelWidth, "width") })
                    {
                        if (sideLocation is null) continue;
                        diagnostics.Add(DiagnosticInfo.Create(D.KernelGivenTwice, sideLocation, position, "conv " + maps.ToString(CultureInfo.InvariantCulture),
                            kernel, side, value, what));
                    }
                }
                return common with
                {
                    Count = maps,
                    CountLocation = mapsLocation,
                    KernelHeight = kernelHeight,
                    KernelWidth = kernelWidth,
                    KernelLocation = kernelLocation ?? heightLocation ?? widthLocation,
                    Stride = args.Int("Stride", 1, out LocationInfo? strideLocation),
                    StrideLocation = strideLocation,
                    Padding = args.Int("Padding", 0, out LocationInfo? paddingLocation),
                    PaddingLocation = paddingLocation,
                    Connections = connections is null ? null : ReadTable(connections, args.Expression("Connections"), tableLocation),
                };
            }
            case LayerKind.Pool:
                return common with
                {
                    PoolKind = args.EnumAt(0, "kind", PoolKind.Average, label, position, diagnostics, out LocationInfo? kindLocation),
                    PoolKindLocation = kindLocation,
                    Window = args.Int(1, "window", out LocationInfo? windowLocation),
                    WindowLocation = windowLocation,
                    Stride = args.Int("Stride", 0, out LocationInfo? poolStrideLocation),
                    StrideLocation = poolStrideLocation,
                    CeilMode = args.Bool("CeilMode"),
                    CeilModeLocation = LocationInfo.From(args.Expression("CeilMode")),
                };
            case LayerKind.Dense:
                return common with
                {
                    Count = args.Int(0, "units", out LocationInfo? unitsLocation),
                    CountLocation = unitsLocation,
                };
            case LayerKind.SoftmaxOutput:
                return common with
                {
                    Count = args.Int(0, "classes", out LocationInfo? classesLocation),
                    CountLocation = classesLocation,
                };
            default:
                return common with
                {
                    Count = args.Int(0, "classes", out LocationInfo? rbfClassesLocation),
                    CountLocation = rbfClassesLocation,
                    Prototypes = args.Enum("Prototypes", RbfPrototypes.LeNet5Digits, label, position, diagnostics, out LocationInfo? prototypesLocation),
                    PrototypesLocation = prototypesLocation,
                    TrainablePrototypes = args.Bool("Trainable"),
                };
        }
    }

    /// <summary>
    /// Splits a table into rows (newline or '/'; a trailing empty line is dropped) and, where the argument is a string
    /// literal, finds each row in the literal's text so a bad character can be pointed at exactly.
    /// </summary>
    private static ConnectionTableSpec ReadTable(string text, ExpressionSyntax? expression, LocationInfo? location)
    {
        string[] rows = text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n', '/');
        int count = rows.Length;
        while (count > 0 && rows[count - 1].Length == 0) count--;
        var rowList = rows.Take(count).ToList();
        var rowLocations = new List<LocationInfo?>();
        if (expression is LiteralExpressionSyntax literal)
        {
            string source = literal.Token.Text;
            int searchFrom = 0;
            foreach (string row in rowList)
            {
                int at = row.Length == 0 ? -1 : source.IndexOf(row, searchFrom, StringComparison.Ordinal);
                if (at < 0)
                {
                    rowLocations.Add(location);
                    continue;
                }
                var span = new Microsoft.CodeAnalysis.Text.TextSpan(literal.Token.SpanStart + at, row.Length);
                rowLocations.Add(LocationInfo.From(Location.Create(literal.SyntaxTree, span)));
                searchFrom = at + row.Length;
            }
        }
        else
        {
            foreach (string _ in rowList) rowLocations.Add(location);
        }
        return new ConnectionTableSpec(rowList.ToEquatableArray(), rowLocations.ToEquatableArray(), location, null);
    }

    /// <summary>An attribute's arguments by name or position, each with the location of the argument that set it.</summary>
    private sealed class Arguments
    {
        private readonly AttributeData _data;
        private readonly AttributeSyntax? _syntax;

        public Arguments(AttributeData data, CancellationToken cancellationToken)
        {
            _data = data;
            _syntax = data.ApplicationSyntaxReference?.GetSyntax(cancellationToken) as AttributeSyntax;
            AttributeLocation = LocationInfo.From(_syntax);
        }

        public LocationInfo? AttributeLocation { get; }

        private TypedConstant? Named(string name)
        {
            foreach (KeyValuePair<string, TypedConstant> pair in _data.NamedArguments)
                if (pair.Key == name) return pair.Value;
            return null;
        }

        public ExpressionSyntax? Expression(string name) =>
            _syntax?.ArgumentList?.Arguments.FirstOrDefault(a => a.NameEquals?.Name.Identifier.ValueText == name)?.Expression;

        private ExpressionSyntax? PositionalExpression(int index, string parameterName)
        {
            if (_syntax?.ArgumentList is null) return null;
            var byName = _syntax.ArgumentList.Arguments.FirstOrDefault(a => a.NameColon?.Name.Identifier.ValueText == parameterName);
            if (byName is not null) return byName.Expression;
            var positional = _syntax.ArgumentList.Arguments.Where(a => a.NameEquals is null && a.NameColon is null).ToList();
            return index < positional.Count ? positional[index].Expression : null;
        }

        private bool IsNamedByColon(string parameterName) =>
            _syntax?.ArgumentList?.Arguments.Any(a => a.NameColon?.Name.Identifier.ValueText == parameterName) == true;

        public int Int(string name, int fallback, out LocationInfo? location)
        {
            location = LocationInfo.From(Expression(name));
            return Named(name) is { Value: int value } ? value : fallback;
        }

        public int Int(int index, string parameterName, out LocationInfo? location)
        {
            location = LocationInfo.From(PositionalExpression(index, parameterName));
            return index < _data.ConstructorArguments.Length && _data.ConstructorArguments[index].Value is int value ? value : 0;
        }

        public ulong UInt64(string name) => Named(name)?.Value switch
        {
            ulong u => u,
            long l => unchecked((ulong)l),
            int i => unchecked((ulong)i),
            _ => 0UL,
        };

        public bool Bool(string name) => Named(name) is { Value: bool value } && value;

        public string? String(string name, out LocationInfo? location)
        {
            location = LocationInfo.From(Expression(name));
            return Named(name)?.Value as string;
        }

        public TEnum Enum<TEnum>(string name, TEnum fallback, string label, int position, List<DiagnosticInfo> diagnostics, out LocationInfo? location)
            where TEnum : struct, Enum
        {
            location = LocationInfo.From(Expression(name));
            if (Named(name) is not { Value: int value }) return fallback;
            return Checked(value, name, fallback, label, position, diagnostics, location);
        }

        public TEnum EnumAt<TEnum>(int index, string parameterName, TEnum fallback, string label, int position, List<DiagnosticInfo> diagnostics, out LocationInfo? location)
            where TEnum : struct, Enum
        {
            location = LocationInfo.From(PositionalExpression(index, parameterName));
            if (index >= _data.ConstructorArguments.Length || _data.ConstructorArguments[index].Value is not int value) return fallback;
            // Named as the user wrote it: "kind" for `kind: ...`, "argument 1" for a value given by position.
            string written = IsNamedByColon(parameterName) ? parameterName : "argument " + (index + 1).ToString(CultureInfo.InvariantCulture);
            return Checked(value, written, fallback, label, position, diagnostics, location);
        }

        private TEnum Checked<TEnum>(int value, string name, TEnum fallback, string label, int position, List<DiagnosticInfo> diagnostics, LocationInfo? location)
            where TEnum : struct, Enum
        {
            if (System.Enum.IsDefined(typeof(TEnum), value)) return (TEnum)(object)value;
            string names = string.Join(", ", System.Enum.GetNames(typeof(TEnum)));
            diagnostics.Add(DiagnosticInfo.Create(D.InvalidEnumValue, location ?? AttributeLocation,
                position == 0 ? "Network" : $"Layer {position} ({label})", name, value, names));
            return fallback;
        }
    }
}
