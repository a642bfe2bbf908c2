using System;
using System.Collections.Generic;
using System.Linq;
using LeNetGen.Generator.Model;
using static LeNetGen.Generator.Emit.Scalar.ScalarCode;

namespace LeNetGen.Generator.Emit.Scalar;

/// <summary>
/// Walks a convolution's loop nest at the layer's unroll depth (Full: every position, map and tap written out; Maps:
/// loops over positions; Kernel: also over output maps; Window: also over input maps) and lets a
/// <see cref="ConvVisitor"/> write what happens at each output unit and each kernel row of taps (one input value times
/// one weight each). The forward, backward and curvature passes visit exactly the same taps in the same order, so this
/// one walk serves them all; only the statements differ.
/// </summary>
internal static class ConvWalker
{
    /// <summary>Where one unit of the walk is: its output map and its index in the layer's output, as expressions.</summary>
    public readonly record struct Unit(string Map, string OutputIndex);

    /// <summary>One tap: the input index and the weight index, as expressions.</summary>
    public readonly record struct Tap(string Input, string Weight);

    /// <param name="maps">The output maps to visit (a group, for Maps and Full; all maps otherwise).</param>
    public static void Walk(SourceWriter w, LayerPlan layer, Unroll depth, IReadOnlyList<int> maps, ConvVisitor visitor)
    {
        Shape input = layer.PaddedIn, output = layer.Out;
        int inputArea = input.Height * input.Width, outputArea = output.Height * output.Width;
        WeightLayout weights = layer.Weights;

        void Field(string? origin, long originOffset, string? weightBase, int weightStart, IReadOnlyList<int> inputs)
        {
            for (int j = 0; j < inputs.Count; j++)
                for (int ky = 0; ky < layer.KernelHeight; ky++)
                {
                    var row = new List<Tap>(layer.KernelWidth);
                    for (int kx = 0; kx < layer.KernelWidth; kx++)
                    {
                        long at = originOffset + (long)inputs[j] * inputArea + (long)ky * input.Width + kx;
                        int weight = weightStart + j * weights.InputMapStride + ky * weights.RowStride + kx;
                        row.Add(new Tap(Index(origin, at), Index(weightBase, weight)));
                    }
                    visitor.Row(w, row);
                }
        }

        (IReadOnlyList<int> Inputs, int Start) Connections(int map) =>
            (layer.HasTable ? layer.Table[map] : Enumerable.Range(0, input.Maps).ToList(), layer.MapWeightStart(map));

        switch (depth)
        {
            case Unroll.Full:
                visitor.OpenPositions(w);
                foreach (int m in maps)
                {
                    var (inputs, start) = Connections(m);
                    visitor.OpenWrittenOutMap(w, m, inputs);
                    for (int y = 0; y < output.Height; y++)
                        for (int x = 0; x < output.Width; x++)
                        {
                            var unit = new Unit(Naming.Int(m), Naming.Int((long)m * outputArea + y * output.Width + x));
                            visitor.OpenUnit(w, unit);
                            Field(null, (long)y * layer.Stride * input.Width + (long)x * layer.Stride, null, start, inputs);
                            visitor.CloseUnit(w, unit);
                        }
                }
                break;

            case Unroll.Maps:
                using (OpenPositionLoops(w, output, layer.Stride, input.Width, out string? position, out string? origin))
                {
                    visitor.OpenPositions(w);
                    foreach (int m in maps)
                    {
                        var (inputs, start) = Connections(m);
                        w.Line($"// map {m} <- input map{(inputs.Count == 1 ? "" : "s")} {string.Join(", ", inputs)}");
                        var unit = new Unit(Naming.Int(m), Index(position, (long)m * outputArea));
                        visitor.OpenUnit(w, unit);
                        Field(origin, 0, null, start, inputs);
                        visitor.CloseUnit(w, unit);
                    }
                }
                break;

            case Unroll.Kernel:
                using (w.Block($"for (int m = 0; m < {output.Maps}; m++)"))
                {
                    string? weightBase = visitor.WeightBase(w, $"m * {weights.MapStride}", weights.MapStride);
                    if (outputArea > 1) w.Line($"int first = m * {outputArea};");
                    using (OpenPositionLoops(w, output, layer.Stride, input.Width, out string? position, out string? origin))
                    {
                        var unit = new Unit("m", position is null ? "m" : "first + " + position);
                        visitor.OpenUnit(w, unit);
                        Field(origin, 0, weightBase, 0, Enumerable.Range(0, input.Maps).ToList());
                        visitor.CloseUnit(w, unit);
                    }
                }
                break;

            default:
                using (w.Block($"for (int m = 0; m < {output.Maps}; m++)"))
                {
                    if (outputArea > 1) w.Line($"int first = m * {outputArea};");
                    using (OpenPositionLoops(w, output, layer.Stride, input.Width, out string? position, out string? origin))
                    {
                        var unit = new Unit("m", position is null ? "m" : "first + " + position);
                        visitor.OpenUnit(w, unit);
                        using (w.Block($"for (int c = 0; c < {input.Maps}; c++)"))
                        {
                            w.Line($"int window = {(origin is null ? "" : origin + " + ")}c * {inputArea};");
                            string? weightBase = visitor.WeightBase(w, $"m * {weights.MapStride} + c * {weights.InputMapStride}", weights.InputMapStride);
                            Field("window", 0, weightBase, 0, new[] { 0 });
                        }
                        visitor.CloseUnit(w, unit);
                    }
                }
                break;
        }
    }
}

/// <summary>What one pass writes along a <see cref="ConvWalker"/> walk.</summary>
internal abstract class ConvVisitor
{
    /// <summary>
    /// Kernel and Window depths, where the weights of one map (Window: of one map and input map) start at the run-time
    /// offset <paramref name="start"/>: declares what the weight indexes are relative to, and returns the variable they
    /// add to (null: the visitor declared a slice of <paramref name="length"/> weights, indexed from 0).
    /// </summary>
    public abstract string? WeightBase(SourceWriter w, string start, int length);

    /// <summary>Full: before every map; Maps: at the top of each position, before the maps.</summary>
    public virtual void OpenPositions(SourceWriter w) { }

    /// <summary>Full: before the positions of map <paramref name="map"/>, which reads <paramref name="inputs"/>.</summary>
    public virtual void OpenWrittenOutMap(SourceWriter w, int map, IReadOnlyList<int> inputs) { }

    /// <summary>What starts a unit (e.g. loading its delta).</summary>
    public abstract void OpenUnit(SourceWriter w, ConvWalker.Unit unit);

    /// <summary>One kernel row of taps of one connected input map.</summary>
    public abstract void Row(SourceWriter w, IReadOnlyList<ConvWalker.Tap> taps);

    /// <summary>What ends a unit (e.g. storing its sum).</summary>
    public virtual void CloseUnit(SourceWriter w, ConvWalker.Unit unit) { }
}

/// <summary>A visitor that writes one statement per tap, indexing the weights from a base offset <c>wi</c>.</summary>
internal sealed class ConvTaps : ConvVisitor
{
    private readonly Action<ConvWalker.Unit> _open;
    private readonly Func<string, string, string> _tap;

    /// <param name="open">Writes what starts a unit.</param>
    /// <param name="tap">One statement for a tap, from the input index and the weight index expressions.</param>
    public ConvTaps(Action<ConvWalker.Unit> open, Func<string, string, string> tap)
    {
        _open = open;
        _tap = tap;
    }

    public override string? WeightBase(SourceWriter w, string start, int length)
    {
        w.Line($"int wi = {start};");
        return "wi";
    }

    public override void OpenUnit(SourceWriter w, ConvWalker.Unit unit) => _open(unit);

    public override void Row(SourceWriter w, IReadOnlyList<ConvWalker.Tap> taps)
    {
        foreach (ConvWalker.Tap tap in taps) w.Line(_tap(tap.Input, tap.Weight));
    }
}
