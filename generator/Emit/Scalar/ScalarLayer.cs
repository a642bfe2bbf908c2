using System;
using System.Collections.Generic;
using System.Linq;
using LeNetGen.Generator.Model;

namespace LeNetGen.Generator.Emit.Scalar;

/// <summary>
/// The scalar backend's seam: one subclass per layer kind (<see cref="ConvLayer"/>, <see cref="PoolLayer"/>,
/// <see cref="DenseLayer"/>, <see cref="RbfLayer"/>) owns that kind's forward, backward and curvature methods. Each
/// method's parameters are listed once (<see cref="MethodParameter"/>: type, name and the argument the network passes),
/// and both its declaration and its call site are written from that list. <see cref="For"/> is the one dispatch on the
/// layer kind; <see cref="ScalarNetworkEmitter"/> only walks the layers and calls these members.
/// </summary>
internal abstract class ScalarLayer
{
    protected ScalarLayer(LayerPlan plan, LayerSchedule schedule, LayerPlan? previous)
    {
        Plan = plan;
        Schedule = schedule;
        Previous = previous;
    }

    /// <summary>The checked layer.</summary>
    public LayerPlan Plan { get; }

    /// <summary>How the scalar schedule decided to write it.</summary>
    public LayerSchedule Schedule { get; }

    /// <summary>The unroll depth the schedule chose.</summary>
    protected Unroll Depth => Schedule.Depth;

    /// <summary>The layer before, whose values this one reads; null for the first layer, which reads the input.</summary>
    public LayerPlan? Previous { get; }

    /// <summary>The one dispatch on the layer kind.</summary>
    public static ScalarLayer For(LayerPlan plan, LayerSchedule schedule, LayerPlan? previous) => plan.Kind switch
    {
        LayerKind.Conv => new ConvLayer(plan, schedule, previous),
        LayerKind.Pool => new PoolLayer(plan, schedule, previous),
        LayerKind.RbfOutput => new RbfLayer(plan, schedule, previous),
        _ => new DenseLayer(plan, schedule, previous),
    };

    /// <summary>The scalar layers of a scheduled network, in order.</summary>
    public static IReadOnlyList<ScalarLayer> Of(ScalarPlan plan)
    {
        EquatableArray<LayerPlan> layers = plan.Network.Layers;
        return layers.Select((layer, i) => For(layer, plan.Layers[i], i == 0 ? null : layers[i - 1])).ToList();
    }

    /// <summary>Writes the forward method.</summary>
    public abstract void WriteForward(SourceWriter w, ElementSyntax e);

    /// <summary>Writes the backward or curvature method and its helpers.</summary>
    public abstract void WriteBackward(SourceWriter w, ElementSyntax e, BackwardPass pass);

    /// <summary>The call to the forward method in the network's forward pass.</summary>
    public void WriteForwardCall(SourceWriter w, ElementSyntax e) => WriteCall(w, Naming.Method(Plan), ForwardParameters(e));

    /// <summary>The call to the backward or curvature method in the network's backward pass.</summary>
    public void WriteBackwardCall(SourceWriter w, ElementSyntax e, BackwardPass pass) => WriteCall(w, pass.LayerMethod(Plan), BackwardParameters(e, pass));

    /// <summary>Whether the layer's methods read the parameter buffer (not for plain pooling or fixed prototypes).</summary>
    protected virtual bool ReadsParameters => true;

    /// <summary>Whether the backward method reads the layer's input (average pooling does not).</summary>
    protected virtual bool BackwardReadsInput => true;

    /// <summary>The forward method's parameters: the input, the parameters, the padded copy, the sums and the values.</summary>
    protected IEnumerable<MethodParameter> ForwardParameters(ElementSyntax e)
    {
        yield return new(e.ReadOnlySpan, "input", InputSlice);
        if (ReadsParameters) yield return new(e.ReadOnlySpan, "parameters", "parameters");
        if (Plan.PaddedOffset >= 0) yield return new(e.Span, "padded", $"workspace.Slice({Naming.Padded(Plan)}Offset, {Naming.Padded(Plan)}Length)");
        if (LayerEmitting.HasSeparateSums(Plan)) yield return new(e.Span, "sums", Slice(Naming.Sums(Plan)));
        yield return new(e.Span, "values", Slice(Naming.Values(Plan)));
    }

    /// <summary>
    /// The backward method's parameters (every kind but the RBF head, which overrides this), each only when the method
    /// reads it: the input, the parameters, the sums or values the activation's derivative needs, the layer's deltas,
    /// the accumulated gradients (curvatures) and the input's deltas.
    /// </summary>
    protected virtual IEnumerable<MethodParameter> BackwardParameters(ElementSyntax e, BackwardPass pass)
    {
        if (BackwardReadsInput) yield return new(e.ReadOnlySpan, "input", InputSlice);
        if (ReadsParameters) yield return new(e.ReadOnlySpan, "parameters", "parameters");
        if (BackwardPass.DerivativeReadsSums(Plan.Activation))
            yield return new(e.ReadOnlySpan, "sums", Slice(LayerEmitting.HasSeparateSums(Plan) ? Naming.Sums(Plan) : Naming.Values(Plan)));
        if (BackwardPass.DerivativeReadsValues(Plan.Activation)) yield return new(e.ReadOnlySpan, "values", Slice(Naming.Values(Plan)));
        yield return new(e.Span, "deltas", Slice(Naming.Deltas(Plan)));
        if (Plan.ParameterCount > 0) yield return new(e.Span, pass.Accumulator, pass.Accumulator);
        yield return new(e.Span, "inputDeltas", InputDeltasSlice(pass));
    }

    /// <summary>The previous layer's values, or the network's input.</summary>
    protected string InputSlice => Previous is null ? "input" : $"workspace.Slice({Naming.Values(Previous)}Offset, {Naming.Size(Previous)})";

    /// <summary>The previous layer's deltas; for the first layer the input gradient (or nothing, in the curvature pass).</summary>
    protected string InputDeltasSlice(BackwardPass pass) =>
        Previous is null ? (pass.IsCurvature ? "default" : "inputGradient") : $"workspace.Slice({Naming.Deltas(Previous)}Offset, {Naming.Size(Previous)})";

    /// <summary>A region of this layer's size in the workspace.</summary>
    protected string Slice(string region) => $"workspace.Slice({region}Offset, {Naming.Size(Plan)})";

    /// <summary>"private static void Name(type name, ...)", opened as a block.</summary>
    protected static IDisposable OpenMethod(SourceWriter w, string name, IEnumerable<MethodParameter> parameters) =>
        w.Block("private static void " + name + "(" + string.Join(", ", parameters.Select(p => p.Type + " " + p.Name)) + ")");

    /// <summary>The forward method's legend comment and signature; the caller writes the body inside the returned block.</summary>
    protected IDisposable OpenForward(SourceWriter w, ElementSyntax e, string title, IEnumerable<string> legend)
    {
        Legend(w, Plan.Name + ": " + title, legend);
        return OpenMethod(w, Naming.Method(Plan), ForwardParameters(e));
    }

    /// <summary>The backward or curvature method's legend comment and signature.</summary>
    protected IDisposable OpenBackward(SourceWriter w, ElementSyntax e, BackwardPass pass, string title, IEnumerable<string> legend)
    {
        Legend(w, Plan.Name + ", " + pass.Title + ": " + title, legend);
        return OpenMethod(w, pass.LayerMethod(Plan), BackwardParameters(e, pass));
    }

    /// <summary>A method's opening comment: its title, then one line per buffer it reads or writes, with its shape.</summary>
    public static void Legend(SourceWriter w, string title, IEnumerable<string> lines)
    {
        w.Line("// " + title);
        foreach (string line in lines) w.Line("//   " + line);
    }

    /// <summary>"(6, 28, 28)", or "(84)" for a flat vector read by a dense layer or a head.</summary>
    protected static string Dims(Shape shape, bool maps) => maps ? $"({shape.Maps}, {shape.Height}, {shape.Width})" : $"({shape.Size})";

    private static void WriteCall(SourceWriter w, string name, IEnumerable<MethodParameter> parameters) =>
        w.Line(name + "(" + string.Join(", ", parameters.Select(p => p.Argument)) + ");");

    /// <summary>
    /// Backward methods written out map by map (Maps and Full) are split into the plan's groups of output maps (units):
    /// each group with its method-name suffix ("" for a single group) and its maps.
    /// </summary>
    protected List<(string Suffix, List<int> Maps)> MapGroups()
    {
        var groups = new List<(string, List<int>)>();
        EquatableArray<int> starts = Schedule.BackwardGroups;
        if (starts.Count <= 1 || Depth is not (Unroll.Maps or Unroll.Full))
        {
            groups.Add(("", Enumerable.Range(0, Plan.Out.Maps).ToList()));
            return groups;
        }
        for (int g = 0; g < starts.Count; g++)
        {
            int first = starts[g], last = g + 1 < starts.Count ? starts[g + 1] - 1 : Plan.Out.Maps - 1;
            groups.Add(($"Maps{first}To{last}", Enumerable.Range(first, last - first + 1).ToList()));
        }
        return groups;
    }
}

/// <summary>One parameter of a layer method: its type and name in the declaration, and the argument at the call site.</summary>
internal readonly record struct MethodParameter(string Type, string Name, string Argument);
