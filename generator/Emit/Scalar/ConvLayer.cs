using System.Collections.Generic;
using System.Linq;
using LeNetGen.Generator.Model;
using static LeNetGen.Generator.Emit.Scalar.ScalarCode;

namespace LeNetGen.Generator.Emit.Scalar;

/// <summary>
/// A convolution layer's methods. Forward: every offset is a literal; the unroll depth decides which loops stay: Full
/// (none), Maps (positions), Kernel (output maps and positions), Window (also input maps). A connection table is always
/// written out map by map, so only the connected weights exist and nothing is looked up at run time. Backward and
/// curvature: {C}Backward turns dE/d(values) into dE/d(sums), then {C}WeightGradients adds each weight's and bias's
/// gradient and {C}InputGradients the input's (the curvature pass likewise, with squares). Weights and input gradients
/// are separate methods, and a layer written out map by map is split into groups of maps, so every method stays small
/// enough for the JIT to optimize. With a connection table only the connected weights are visited.
/// </summary>
internal sealed class ConvLayer : ScalarLayer
{
    public ConvLayer(LayerPlan plan, LayerPlan? previous) : base(plan, previous) { }

    protected override IEnumerable<MethodParameter> BackwardParameters(ElementSyntax e, BackwardPass pass)
    {
        foreach (MethodParameter parameter in base.BackwardParameters(e, pass)) yield return parameter;
        if (Plan.PaddedOffset < 0) yield break;
        yield return new(e.ReadOnlySpan, "padded", $"workspace.Slice({Naming.Padded(Plan)}Offset, {Naming.Padded(Plan)}Length)");
        yield return new(e.Span, "paddedDeltas", $"workspace.Slice({Naming.PaddedDeltas(Plan)}Offset, {Naming.Padded(Plan)}Length)");
    }

    public override void WriteForward(SourceWriter w, ElementSyntax e)
    {
        LayerPlan layer = Plan;
        Shape input = layer.PaddedIn, output = layer.Out;
        int kernelArea = layer.KernelHeight * layer.KernelWidth;
        var legend = new List<string>
        {
            $"input    ({layer.In.Maps}, {layer.In.Height}, {layer.In.Width})" + (layer.Padding > 0 ? $", zero-padded by {layer.Padding} to ({input.Maps}, {input.Height}, {input.Width})" : ""),
            layer.HasTable
                ? $"weights  {layer.WeightLength} = {layer.Table.Sum(t => t.Count)} connected map pairs x {layer.KernelHeight}x{layer.KernelWidth}, at {Naming.Weights(layer)}Offset; biases ({output.Maps}) at {Naming.Biases(layer)}Offset"
                : $"weights  ({output.Maps}, {input.Maps}, {layer.KernelHeight}, {layer.KernelWidth}) at {Naming.Weights(layer)}Offset; biases ({output.Maps}) at {Naming.Biases(layer)}Offset",
            $"output   ({output.Maps}, {output.Height}, {output.Width})",
            "unroll   " + UnrollNote(layer),
        };
        string title = $"convolution {layer.In.ToPaperString()} -> {output.ToPaperString()}, kernel {layer.KernelHeight}x{layer.KernelWidth}, stride {layer.Stride}"
            + (layer.Padding > 0 ? $", padding {layer.Padding}" : "") + ", " + Naming.ActivationTitle(layer.Activation);
        using (OpenForward(w, e, title, legend))
        {
            w.Line($"{e.ReadOnlySpan} weights = parameters.Slice({Naming.Weights(layer)}Offset, {Naming.Weights(layer)}Length);");
            w.Line($"{e.ReadOnlySpan} biases = parameters.Slice({Naming.Biases(layer)}Offset, {Naming.Biases(layer)}Length);");
            string source = "input";
            if (layer.PaddedOffset >= 0)
            {
                source = "padded";
                EmitPadding(w, layer);
            }

            switch (layer.Unroll)
            {
                case Unroll.Full:
                    EmitFull(w, layer, e, source);
                    break;
                case Unroll.Maps:
                    EmitMaps(w, layer, e, source);
                    break;
                case Unroll.Kernel:
                    EmitKernel(w, layer, e, source);
                    break;
                default:
                    EmitWindow(w, layer, e, source);
                    break;
            }
        }
    }

    public override void WriteBackward(SourceWriter w, ElementSyntax e, BackwardPass pass)
    {
        LayerPlan layer = Plan;
        bool padded = layer.PaddedOffset >= 0;
        List<(string Suffix, List<int> Maps)> groups = MapGroups();
        string weightsMethod = layer.Name + "Weight" + pass.Plural, inputsMethod = layer.Name + "Input" + pass.Plural;

        w.Line($"// {layer.Name}, {(pass.IsCurvature ? "curvature" : "backward")}: deltas ({layer.Out.Maps}, {layer.Out.Height}, {layer.Out.Width}) -> " +
            $"{(pass.IsCurvature ? "d2E/dw2" : "dE/dw")} of {Naming.Weights(layer)} and {Naming.Biases(layer)}, and the input's deltas ({layer.In.Maps}, {layer.In.Height}, {layer.In.Width})");
        using (OpenMethod(w, pass.LayerMethod(layer), BackwardParameters(e, pass)))
        {
            pass.WriteActivationDerivative(w, layer, Naming.Size(layer));
            string source = padded ? "padded" : "input";
            string weightDeltas = $"parameterDeltas.Slice({Naming.Weights(layer)}Offset, {Naming.Weights(layer)}Length)";
            string biasDeltas = $"parameterDeltas.Slice({Naming.Biases(layer)}Offset, {Naming.Biases(layer)}Length)";
            foreach (var (suffix, _) in groups)
                w.Line($"{weightsMethod}{suffix}({source}, deltas, {weightDeltas}, {biasDeltas});");
            w.Line("if (inputDeltas.IsEmpty) return;");
            string target = padded ? "paddedDeltas" : "inputDeltas";
            w.Line($"{target}.Clear();");
            foreach (var (suffix, _) in groups)
                w.Line($"{inputsMethod}{suffix}(parameters.Slice({Naming.Weights(layer)}Offset, {Naming.Weights(layer)}Length), deltas, {target});");
            if (padded)
            {
                Shape input = layer.In, paddedShape = layer.PaddedIn;
                w.Line("// The padding's deltas are dropped: only the real input's are passed on.");
                using (w.Block($"for (int c = 0; c < {input.Maps}; c++)"))
                using (w.Block($"for (int y = 0; y < {input.Height}; y++)"))
                    w.Line($"paddedDeltas.Slice(c * {paddedShape.Height * paddedShape.Width} + (y + {layer.Padding}) * {paddedShape.Width} + {layer.Padding}, {input.Width}).CopyTo(inputDeltas.Slice(c * {input.Height * input.Width} + y * {input.Width}, {input.Width}));");
            }
        }

        string d = pass.Delta;
        foreach (var (suffix, maps) in groups)
        {
            w.Line();
            using (w.Block($"private static void {weightsMethod}{suffix}({e.ReadOnlySpan} input, {e.ReadOnlySpan} deltas, {e.Span} weight{pass.Plural}, {e.Span} bias{pass.Plural})"))
            {
                w.Line($"{e.Name} {d};");
                ConvWalker.Walk(w, layer, maps,
                    open: unit =>
                    {
                        w.Line($"{d} = deltas[{unit.OutputIndex}];");
                        w.Line($"bias{pass.Plural}[{unit.Map}] += {d};");
                    },
                    tap: (inputIndex, weightIndex) => pass.IsCurvature
                        ? $"weight{pass.Plural}[{weightIndex}] += input[{inputIndex}] * input[{inputIndex}] * {d};"
                        : $"weight{pass.Plural}[{weightIndex}] += input[{inputIndex}] * {d};");
            }
            w.Line();
            using (w.Block($"private static void {inputsMethod}{suffix}({e.ReadOnlySpan} weights, {e.ReadOnlySpan} deltas, {e.Span} input{pass.Plural})"))
            {
                w.Line($"{e.Name} {d};");
                ConvWalker.Walk(w, layer, maps,
                    open: unit => w.Line($"{d} = deltas[{unit.OutputIndex}];"),
                    tap: (inputIndex, weightIndex) => $"input{pass.Plural}[{inputIndex}] += {pass.Square($"weights[{weightIndex}]")} * {d};");
            }
        }
    }

    private static string UnrollNote(LayerPlan layer) => layer.Unroll switch
    {
        Unroll.Full => "Full: every position, map and multiply-add written out",
        Unroll.Maps => $"Maps: every map's {(layer.HasTable ? "connected inputs" : "inputs")} x {layer.KernelHeight}x{layer.KernelWidth} written out; loops over the {layer.Out.Height}x{layer.Out.Width} positions",
        Unroll.Kernel => $"Kernel: one map's {layer.In.Maps}x{layer.KernelHeight}x{layer.KernelWidth} multiply-adds written out; loops over maps and positions",
        _ => $"Window: one {layer.KernelHeight}x{layer.KernelWidth} window written out; loops over maps, input maps and positions",
    };

    private static void EmitPadding(SourceWriter w, LayerPlan layer)
    {
        Shape input = layer.In, padded = layer.PaddedIn;
        w.Line("// Zero-pad the input: the borders stay zero, each row is copied into place.");
        w.Line("padded.Clear();");
        using (w.Block($"for (int c = 0; c < {input.Maps}; c++)"))
        using (w.Block($"for (int y = 0; y < {input.Height}; y++)"))
            w.Line($"input.Slice(c * {input.Height * input.Width} + y * {input.Width}, {input.Width}).CopyTo(padded.Slice(c * {padded.Height * padded.Width} + (y + {layer.Padding}) * {padded.Width} + {layer.Padding}, {input.Width}));");
    }

    /// <summary>The input maps output map <paramref name="map"/> reads, and where its weights start.</summary>
    private static (IReadOnlyList<int> Inputs, int WeightStart) Connections(LayerPlan layer, int map)
    {
        if (layer.HasTable) return (layer.Table[map], layer.MapWeightStarts[map]);
        int kernelArea = layer.KernelHeight * layer.KernelWidth;
        return (Enumerable.Range(0, layer.PaddedIn.Maps).ToList(), map * layer.PaddedIn.Maps * kernelArea);
    }

    /// <summary>Adds one map's receptive field to <c>s</c>: one statement per kernel row of each connected input map.</summary>
    private static void EmitField(SourceWriter w, LayerPlan layer, string source, string? origin, long originOffset,
        IReadOnlyList<int> inputs, string weights, string? weightBase, int weightStart)
    {
        Shape input = layer.PaddedIn;
        int inputArea = input.Height * input.Width, kernelArea = layer.KernelHeight * layer.KernelWidth;
        for (int j = 0; j < inputs.Count; j++)
        {
            for (int ky = 0; ky < layer.KernelHeight; ky++)
            {
                var terms = new List<string>(layer.KernelWidth);
                for (int kx = 0; kx < layer.KernelWidth; kx++)
                {
                    long at = originOffset + (long)inputs[j] * inputArea + (long)ky * input.Width + kx;
                    int weight = weightStart + j * kernelArea + ky * layer.KernelWidth + kx;
                    terms.Add($"{source}[{Index(origin, at)}] * {weights}[{Index(weightBase, weight)}]");
                }
                AddTerms(w, "s", terms, layer.KernelWidth);
            }
        }
    }

    private static void EmitMaps(SourceWriter w, LayerPlan layer, ElementSyntax e, string source)
    {
        Shape output = layer.Out;
        int outputArea = output.Height * output.Width;
        using (OpenPositionLoops(w, output, layer.Stride, layer.PaddedIn.Width, out string? position, out string? origin))
        {
            w.Line($"{e.Name} s;");
            for (int m = 0; m < output.Maps; m++)
            {
                var (inputs, weightStart) = Connections(layer, m);
                w.Line($"// map {m} <- input map{(inputs.Count == 1 ? "" : "s")} {string.Join(", ", inputs)}");
                w.Line($"s = biases[{m}];");
                EmitField(w, layer, source, origin, 0, inputs, "weights", null, weightStart);
                Store(w, layer, Index(position, (long)m * outputArea), "s");
            }
        }
    }

    private static void EmitFull(SourceWriter w, LayerPlan layer, ElementSyntax e, string source)
    {
        Shape output = layer.Out;
        int outputArea = output.Height * output.Width;
        w.Line($"{e.Name} s;");
        for (int m = 0; m < output.Maps; m++)
        {
            var (inputs, weightStart) = Connections(layer, m);
            w.Line($"// map {m} <- input map{(inputs.Count == 1 ? "" : "s")} {string.Join(", ", inputs)}");
            for (int y = 0; y < output.Height; y++)
            {
                for (int x = 0; x < output.Width; x++)
                {
                    long origin = (long)y * layer.Stride * layer.PaddedIn.Width + (long)x * layer.Stride;
                    w.Line($"s = biases[{m}];");
                    EmitField(w, layer, source, null, origin, inputs, "weights", null, weightStart);
                    Store(w, layer, Naming.Int((long)m * outputArea + y * output.Width + x), "s");
                }
            }
        }
    }

    private static void EmitKernel(SourceWriter w, LayerPlan layer, ElementSyntax e, string source)
    {
        Shape input = layer.PaddedIn, output = layer.Out;
        int fanIn = input.Maps * layer.KernelHeight * layer.KernelWidth;
        int outputArea = output.Height * output.Width;
        using (w.Block($"for (int m = 0; m < {output.Maps}; m++)"))
        {
            w.Line($"{e.ReadOnlySpan} kernel = weights.Slice(m * {fanIn}, {fanIn});");
            w.Line($"{e.Name} bias = biases[m];");
            if (outputArea > 1) w.Line($"int first = m * {outputArea};");
            using (OpenPositionLoops(w, output, layer.Stride, input.Width, out string? position, out string? origin))
            {
                w.Line($"{e.Name} s = bias;");
                EmitField(w, layer, source, origin, 0, Enumerable.Range(0, input.Maps).ToList(), "kernel", null, 0);
                Store(w, layer, position is null ? "m" : "first + " + position, "s");
            }
        }
    }

    private static void EmitWindow(SourceWriter w, LayerPlan layer, ElementSyntax e, string source)
    {
        Shape input = layer.PaddedIn, output = layer.Out;
        int kernelArea = layer.KernelHeight * layer.KernelWidth;
        int fanIn = input.Maps * kernelArea, inputArea = input.Height * input.Width;
        int outputArea = output.Height * output.Width;
        using (w.Block($"for (int m = 0; m < {output.Maps}; m++)"))
        {
            if (outputArea > 1) w.Line($"int first = m * {outputArea};");
            using (OpenPositionLoops(w, output, layer.Stride, input.Width, out string? position, out string? origin))
            {
                w.Line($"{e.Name} s = biases[m];");
                using (w.Block($"for (int c = 0; c < {input.Maps}; c++)"))
                {
                    w.Line($"int window = {(origin is null ? "" : origin + " + ")}c * {inputArea};");
                    w.Line($"{e.ReadOnlySpan} kernel = weights.Slice(m * {fanIn} + c * {kernelArea}, {kernelArea});");
                    EmitField(w, layer, source, "window", 0, new[] { 0 }, "kernel", null, 0);
                }
                Store(w, layer, position is null ? "m" : "first + " + position, "s");
            }
        }
    }
}
