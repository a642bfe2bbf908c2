using System;
using System.Collections.Generic;
using LeNetGen.Generator.Model;
using static LeNetGen.Generator.Emit.Scalar.ScalarCode;

namespace LeNetGen.Generator.Emit.Scalar;

/// <summary>
/// A fully connected layer's methods; the softmax head is one too, whose sums are the logits and whose values are their
/// softmax. Weights are unit-major: unit u's weights are at u x inputs. Maps (and Full) write every unit out; Kernel
/// writes one unit's inputs out inside a loop over units; Window keeps both loops. Backward and curvature, in the shape
/// of the convolution's: {F}Backward applies the activation's derivative, {F}WeightGradients and {F}InputGradients add
/// the weights', biases' and input's deltas, split into groups of units when the layer is written out unit by unit.
/// </summary>
internal sealed class DenseLayer : ScalarLayer
{
    private const int TermsPerLine = 4;

    public DenseLayer(LayerPlan plan, LayerSchedule schedule, LayerPlan? previous) : base(plan, schedule, previous) { }

    public override void WriteForward(SourceWriter w, ElementSyntax e)
    {
        LayerPlan layer = Plan;
        int inputs = layer.In.Size, units = layer.Out.Maps;
        bool softmax = layer.Kind == LayerKind.SoftmaxOutput;
        var legend = new List<string>
        {
            $"input    {inputs}" + (layer.In.IsFlat ? "" : $" (the {layer.In.Maps}x{layer.In.Height}x{layer.In.Width} input, flattened)"),
            $"weights  ({units}, {inputs}) at {Naming.Weights(layer)}Offset; biases ({units}) at {Naming.Biases(layer)}Offset",
            softmax ? $"output   {units} logits (sums), their softmax (values)" : $"output   {units}",
            "unroll   " + (Depth switch
            {
                Unroll.Full or Unroll.Maps => $"Maps: every unit's {inputs} multiply-adds written out",
                Unroll.Kernel => $"Kernel: one unit's {inputs} multiply-adds written out; a loop over the {units} units",
                _ => "Window: loops over units and inputs",
            }),
        };
        string title = softmax
            ? $"softmax output, fully connected {inputs} -> {units}"
            : $"fully connected {inputs} -> {units}, {Naming.ActivationTitle(layer.Activation)}";

        using (OpenForward(w, e, title, legend))
        {
            w.Line($"{e.ReadOnlySpan} weights = parameters.Slice({Naming.Weights(layer)}Offset, {Naming.Weights(layer)}Length);");
            w.Line($"{e.ReadOnlySpan} biases = parameters.Slice({Naming.Biases(layer)}Offset, {Naming.Biases(layer)}Length);");
            switch (Depth)
            {
                case Unroll.Full:
                case Unroll.Maps:
                    w.Line($"{e.Name} s;");
                    for (int u = 0; u < units; u++)
                    {
                        w.Line($"s = biases[{u}];");
                        AddTerms(w, "s", Terms(inputs, null, layer.MapWeightStart(u)), TermsPerLine);
                        Store(w, layer, Naming.Int(u), "s");
                    }
                    break;
                case Unroll.Kernel:
                    using (w.Block($"for (int u = 0; u < {units}; u++)"))
                    {
                        w.Line($"{e.ReadOnlySpan} row = weights.Slice(u * {layer.Weights.MapStride}, {inputs});");
                        w.Line($"{e.Name} s = biases[u];");
                        AddTerms(w, "s", Terms(inputs, "row", 0), TermsPerLine);
                        Store(w, layer, "u", "s");
                    }
                    break;
                default:
                    using (w.Block($"for (int u = 0; u < {units}; u++)"))
                    {
                        w.Line($"{e.ReadOnlySpan} row = weights.Slice(u * {layer.Weights.MapStride}, {inputs});");
                        w.Line($"{e.Name} s = biases[u];");
                        w.Line($"for (int i = 0; i < {inputs}; i++) s += input[i] * row[i];");
                        Store(w, layer, "u", "s");
                    }
                    break;
            }
            if (softmax) w.Line(KnownNames.Activations + ".Softmax(sums, values);");
        }
    }

    public override void WriteBackward(SourceWriter w, ElementSyntax e, BackwardPass pass)
    {
        LayerPlan layer = Plan;
        int inputs = layer.In.Size, units = layer.Out.Maps;
        bool softmax = layer.Kind == LayerKind.SoftmaxOutput;
        string inputDims = $"({inputs})" + (layer.In.IsFlat ? "" : $", the {layer.In.Maps}x{layer.In.Height}x{layer.In.Width} input flattened");
        var legend = new List<string>
        {
            $"input        {inputDims}",
            softmax
                ? $"deltas       ({units}): {(pass.IsCurvature ? "d2E/d(logits)2" : "dE/d(logits)")}, from the head"
                : $"deltas       ({units}): {(pass.IsCurvature ? "d2E/d(values)2" : "dE/d(values)")} in, {pass.DeltaMeaning} out",
            $"weights      ({units}, {inputs}) at {Naming.Weights(layer)}Offset; biases ({units}) at {Naming.Biases(layer)}Offset",
            $"{pass.Accumulator.PadRight(12)} += {pass.Derivative} of both, at the same offsets",
            $"inputDeltas  ({inputs}): {(pass.IsCurvature ? "d2E/d(input)2" : "dE/d(input)")}; empty to skip",
        };
        IDisposable method = OpenBackward(w, e, pass, (softmax ? "softmax output, fully connected " : "fully connected ") + $"{inputs} -> {units}", legend);
        WeightedBackward.Write(w, e, pass, layer, MapGroups(), method, new WeightedBackward.Shapes($"({inputs})", $"({units})", $"({units}, {inputs})", "unit"),
            source: "input", target: "inputDeltas", passOn: null,
            walk: (maps, open, tap) => UnitWalker.Walk(w, layer, Depth, maps, u => open(u, u), tap));
    }

    private static List<string> Terms(int inputs, string? row, long weightStart)
    {
        var terms = new List<string>(inputs);
        for (int i = 0; i < inputs; i++)
            terms.Add(row is null ? $"input[{i}] * weights[{Naming.Int(weightStart + i)}]" : $"input[{i}] * row[{i}]");
        return terms;
    }
}
