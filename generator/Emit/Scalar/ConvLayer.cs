using System;
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
    public ConvLayer(LayerPlan plan, LayerSchedule schedule, LayerPlan? previous) : base(plan, schedule, previous) { }

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
        var legend = new List<string>
        {
            $"input    ({layer.In.Maps}, {layer.In.Height}, {layer.In.Width})" + (layer.Padding > 0 ? $", zero-padded by {layer.Padding} to ({input.Maps}, {input.Height}, {input.Width})" : ""),
            $"weights  {WeightShape(layer)}{(layer.HasTable ? "," : "")} at {Naming.Weights(layer)}Offset; biases ({output.Maps}) at {Naming.Biases(layer)}Offset",
            $"output   ({output.Maps}, {output.Height}, {output.Width})",
            "unroll   " + UnrollNote(layer, Depth),
        };
        string title = $"convolution {layer.In.ToMapsString()} -> {output.ToMapsString()}, kernel {layer.KernelHeight}x{layer.KernelWidth}, stride {layer.Stride}"
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

            ConvWalker.Walk(w, layer, Depth, Enumerable.Range(0, output.Maps).ToList(), new ForwardSums(layer, Depth, e, source));
        }
    }

    public override void WriteBackward(SourceWriter w, ElementSyntax e, BackwardPass pass)
    {
        LayerPlan layer = Plan;
        bool padded = layer.PaddedOffset >= 0;
        Shape input = layer.In, paddedShape = layer.PaddedIn;
        string inputDims = Dims(input, maps: true), deltaDims = Dims(layer.Out, maps: true);
        var legend = new List<string>
        {
            $"input        {inputDims}" + (padded ? $"; padded, its zero-padded copy {Dims(paddedShape, maps: true)} from the forward pass" : ""),
            $"deltas       {deltaDims}: {(pass.IsCurvature ? "d2E/d(values)2" : "dE/d(values)")} in, {pass.DeltaMeaning} out",
            $"weights      {WeightShape(layer)}{(layer.HasTable ? "," : "")} at {Naming.Weights(layer)}Offset; biases ({layer.Out.Maps}) at {Naming.Biases(layer)}Offset",
            $"{pass.Accumulator.PadRight(12)} += {pass.Derivative} of both, at the same offsets",
            $"inputDeltas  {inputDims}: {(pass.IsCurvature ? "d2E/d(input)2" : "dE/d(input)")}; empty to skip"
                + (padded ? $", through paddedDeltas {Dims(paddedShape, maps: true)}" : ""),
        };
        IDisposable method = OpenBackward(w, e, pass, $"convolution {input.ToMapsString()} -> {layer.Out.ToMapsString()}, kernel {layer.KernelHeight}x{layer.KernelWidth}", legend);
        var shapes = new WeightedBackward.Shapes(padded ? Dims(paddedShape, maps: true) : inputDims, deltaDims, WeightShape(layer), "map");
        WeightedBackward.Write(w, e, pass, layer, MapGroups(), method, shapes,
            source: padded ? "padded" : "input", target: padded ? "paddedDeltas" : "inputDeltas",
            passOn: padded ? () => WriteUnpadding(w, layer) : null,
            walk: (maps, open, tap) => ConvWalker.Walk(w, layer, Depth, maps, new ConvTaps(unit => open(unit.Map, unit.OutputIndex), tap)));
    }

    /// <summary>The weights' shape: (maps, input maps, kernel height, kernel width), or the connected pairs' kernels.</summary>
    private static string WeightShape(LayerPlan layer) => layer.HasTable
        ? $"{layer.WeightLength} = {layer.Table.Sum(t => t.Count)} connected map pairs x {layer.KernelHeight}x{layer.KernelWidth}"
        : $"({layer.Out.Maps}, {layer.PaddedIn.Maps}, {layer.KernelHeight}, {layer.KernelWidth})";

    /// <summary>The padding's deltas are dropped: only the real input's are passed on.</summary>
    private static void WriteUnpadding(SourceWriter w, LayerPlan layer)
    {
        Shape input = layer.In, paddedShape = layer.PaddedIn;
        w.Line("// The padding's deltas are dropped: only the real input's are passed on.");
        using (w.Block($"for (int c = 0; c < {input.Maps}; c++)"))
        using (w.Block($"for (int y = 0; y < {input.Height}; y++)"))
            w.Line($"paddedDeltas.Slice(c * {paddedShape.Height * paddedShape.Width} + (y + {layer.Padding}) * {paddedShape.Width} + {layer.Padding}, {input.Width}).CopyTo(inputDeltas.Slice(c * {input.Height * input.Width} + y * {input.Width}, {input.Width}));");
    }

    private static string UnrollNote(LayerPlan layer, Unroll depth) => depth switch
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

    /// <summary>The forward pass along the walk: each unit's sum, a kernel row per statement, then its activation.</summary>
    private sealed class ForwardSums : ConvVisitor
    {
        private readonly LayerPlan _layer;
        private readonly Unroll _depth;
        private readonly ElementSyntax _e;
        private readonly string _source;

        public ForwardSums(LayerPlan layer, Unroll depth, ElementSyntax e, string source)
        {
            _layer = layer;
            _depth = depth;
            _e = e;
            _source = source;
        }

        public override string? WeightBase(SourceWriter w, string start, int length)
        {
            w.Line($"{_e.ReadOnlySpan} kernel = weights.Slice({start}, {length});");
            if (_depth == Unroll.Kernel) w.Line($"{_e.Name} bias = biases[m];");
            return null;
        }

        public override void OpenPositions(SourceWriter w) => w.Line($"{_e.Name} s;");

        public override void OpenWrittenOutMap(SourceWriter w, int map, IReadOnlyList<int> inputs) =>
            w.Line($"// map {map} <- input map{(inputs.Count == 1 ? "" : "s")} {string.Join(", ", inputs)}");

        public override void OpenUnit(SourceWriter w, ConvWalker.Unit unit) => w.Line(_depth switch
        {
            Unroll.Kernel => $"{_e.Name} s = bias;",
            Unroll.Window => $"{_e.Name} s = biases[{unit.Map}];",
            _ => $"s = biases[{unit.Map}];",
        });

        public override void Row(SourceWriter w, IReadOnlyList<ConvWalker.Tap> taps)
        {
            string weights = _depth is Unroll.Kernel or Unroll.Window ? "kernel" : "weights";
            AddTerms(w, "s", taps.Select(t => $"{_source}[{t.Input}] * {weights}[{t.Weight}]").ToList(), taps.Count);
        }

        public override void CloseUnit(SourceWriter w, ConvWalker.Unit unit) => Store(w, _layer, unit.OutputIndex, "s");
    }
}
