using System;
using System.Linq;
using System.Numerics;
using LeNetGen.Reference;

namespace LeNetGen.TestNetworks.Infrastructure;

/// <summary>
/// A <see cref="NetworkCase"/> that drives <typeparamref name="TNet"/> through its <see cref="INetwork{TSelf, T}"/>
/// contract, with <paramref name="reference"/> as its second description (a test network's own, or one built from a
/// random spec for a network compiled at test time).
/// </summary>
internal sealed class NetworkCase<TNet, T>(Init init, ReferenceNetwork reference) : NetworkCase
    where TNet : INetwork<TNet, T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    public override Type Type => typeof(TNet);
    public override ReferenceNetwork Reference => reference;
    public override Init Init => init;
    public override bool IsDouble => typeof(T) == typeof(double);
    public override int ParameterCount => TNet.ParameterCount;
    public override int InputSize => TNet.InputSize;
    public override int OutputSize => TNet.OutputSize;
    public override int WorkspaceSize => TNet.WorkspaceSize;
    public override OutputHead Head => TNet.Head;
    public override string Summary => TNet.Summary;

    public override double[] InitializeParameters(ulong seed)
    {
        var parameters = new T[TNet.ParameterCount];
        TNet.InitializeParameters(parameters, seed);
        return Widen(parameters);
    }

    public override void InitializeParametersOfLength(int length) => TNet.InitializeParameters(new T[length], 1);

    public override double[] Round(double[] values) => Widen(Narrow(values));

    public override (double[] Workspace, double[] Output) Forward(double[] parameters, double[] input)
    {
        // NaN everywhere first: nothing may depend on what an earlier pass (or nothing) left in the buffers.
        var workspace = new T[TNet.WorkspaceSize];
        var output = new T[TNet.OutputSize];
        workspace.AsSpan().Fill(T.NaN);
        output.AsSpan().Fill(T.NaN);
        TNet.Forward(Narrow(parameters), Narrow(input), workspace, output);
        return (Widen(workspace), Widen(output));
    }

    public override void Forward(int parameters, int input, int workspace, int output) =>
        TNet.Forward(new T[parameters], new T[input], new T[workspace], new T[output]);

    public override int PredictedClass(double[] output) => TNet.PredictedClass(Narrow(output));

    public override long AllocatedBytesOfForward(int calls)
    {
        var parameters = new T[TNet.ParameterCount];
        TNet.InitializeParameters(parameters, 1);
        var input = new T[TNet.InputSize];
        for (int i = 0; i < input.Length; i++) input[i] = T.CreateTruncating(Math.Sin(i));
        var workspace = new T[TNet.WorkspaceSize];
        var output = new T[TNet.OutputSize];
        for (int i = 0; i < 10; i++) TNet.Forward(parameters, input, workspace, output); // static tables, JIT

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < calls; i++) TNet.Forward(parameters, input, workspace, output);
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    public override BackwardResult Backward(double[] parameters, double[] input, double[] headGradient)
    {
        T[] p = Narrow(parameters), x = Narrow(input);
        var workspace = new T[TNet.WorkspaceSize];
        workspace.AsSpan().Fill(T.NaN);
        TNet.Forward(p, x, workspace, new T[TNet.OutputSize]);
        var gradients = new T[TNet.ParameterCount];
        var inputGradient = new T[TNet.InputSize];
        inputGradient.AsSpan().Fill(T.NaN);
        TNet.Backward(p, x, workspace, Narrow(headGradient), gradients, inputGradient);
        return new BackwardResult(Widen(gradients), Widen(inputGradient));
    }

    public override (double[] Once, double[] Twice, double[] WithoutInput) BackwardRepeated(double[] parameters, double[] input, double[] headGradient)
    {
        T[] p = Narrow(parameters), x = Narrow(input), head = Narrow(headGradient);
        var workspace = new T[TNet.WorkspaceSize];
        TNet.Forward(p, x, workspace, new T[TNet.OutputSize]);
        var gradients = new T[TNet.ParameterCount];
        var inputGradient = new T[TNet.InputSize];
        TNet.Backward(p, x, workspace, head, gradients, inputGradient);
        double[] once = Widen(gradients);
        TNet.Backward(p, x, workspace, head, gradients, inputGradient);
        double[] twice = Widen(gradients);
        var withoutInput = new T[TNet.ParameterCount];
        TNet.Backward(p, x, workspace, head, withoutInput, default);
        return (once, twice, Widen(withoutInput));
    }

    public override double[] Curvature(double[] parameters, double[] input, double[] headCurvature, double[] headWeights)
    {
        T[] p = Narrow(parameters), x = Narrow(input);
        var workspace = new T[TNet.WorkspaceSize];
        workspace.AsSpan().Fill(T.NaN);
        TNet.Forward(p, x, workspace, new T[TNet.OutputSize]);
        var curvatures = new T[TNet.ParameterCount];
        TNet.BackwardCurvature(p, x, workspace, Narrow(headCurvature), Narrow(headWeights), curvatures);
        return Widen(curvatures);
    }

    public override Probe CreateProbe(double[] parameters, double[] input) => new ProbeOf(Narrow(parameters), Narrow(input));

    private sealed class ProbeOf(T[] parameters, T[] input) : Probe
    {
        private readonly T[] _workspace = new T[TNet.WorkspaceSize], _output = new T[TNet.OutputSize];

        public override void SetParameter(int index, double value) => parameters[index] = T.CreateTruncating(value);

        public override void SetInput(int index, double value) => input[index] = T.CreateTruncating(value);

        public override double[] HeadSums()
        {
            TNet.Forward(parameters, input, _workspace, _output);
            var sums = new double[TNet.OutputSize];
            ReadOnlySpan<T> source = s_headSumsOffset is int offset ? _workspace.AsSpan(offset, sums.Length) : _output;
            for (int k = 0; k < sums.Length; k++) sums[k] = double.CreateTruncating(source[k]);
            return sums;
        }
    }

    // Softmax heads keep their logits at OutputSumsOffset; an RBF head's outputs are its sums.
    private static readonly int? s_headSumsOffset = typeof(TNet).GetField("OutputSumsOffset")?.GetRawConstantValue() as int?;

    public override long AllocatedBytesOfBackward(int calls)
    {
        var parameters = new T[TNet.ParameterCount];
        TNet.InitializeParameters(parameters, 1);
        var input = new T[TNet.InputSize];
        for (int i = 0; i < input.Length; i++) input[i] = T.CreateTruncating(Math.Sin(i));
        var workspace = new T[TNet.WorkspaceSize];
        var output = new T[TNet.OutputSize];
        var head = new T[TNet.OutputSize];
        for (int k = 0; k < head.Length; k++) head[k] = T.CreateTruncating(0.1 * (k + 1));
        T[] headWeights = TNet.Head == OutputHead.Rbf ? head : [];
        var gradients = new T[TNet.ParameterCount];
        var inputGradient = new T[TNet.InputSize];
        TNet.Forward(parameters, input, workspace, output);
        for (int i = 0; i < 10; i++) // static tables, JIT
        {
            TNet.Backward(parameters, input, workspace, head, gradients, inputGradient);
            TNet.Backward(parameters, input, workspace, head, gradients, default);
            TNet.BackwardCurvature(parameters, input, workspace, head, headWeights, gradients);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < calls; i++)
        {
            TNet.Backward(parameters, input, workspace, head, gradients, inputGradient);
            TNet.Backward(parameters, input, workspace, head, gradients, default);
            TNet.BackwardCurvature(parameters, input, workspace, head, headWeights, gradients);
        }
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    public override int TileSize => TNet.TileSize;

    public override (double[] Workspace, double[] Output) ForwardSample(double[] parameters, double[] input)
    {
        var workspace = new T[TNet.WorkspaceSize];
        var output = new T[TNet.OutputSize];
        workspace.AsSpan().Fill(T.NaN);
        output.AsSpan().Fill(T.NaN);
        TNet.ForwardSample(Narrow(parameters), Narrow(input), workspace, output);
        return (Widen(workspace), Widen(output));
    }

    public override BackwardResult BackwardSample(double[] parameters, double[] input, double[] headGradient, bool withInput)
    {
        T[] p = Narrow(parameters), x = Narrow(input);
        var workspace = new T[TNet.WorkspaceSize];
        workspace.AsSpan().Fill(T.NaN);
        TNet.ForwardSample(p, x, workspace, new T[TNet.OutputSize]);
        var gradients = new T[TNet.ParameterCount];
        var inputGradient = new T[withInput ? TNet.InputSize : 0];
        inputGradient.AsSpan().Fill(T.NaN);
        TNet.BackwardSample(p, x, workspace, Narrow(headGradient), gradients, inputGradient);
        return new BackwardResult(Widen(gradients), Widen(inputGradient));
    }

    public override double[] CurvatureSample(double[] parameters, double[] input, double[] headCurvature, double[] headWeights)
    {
        T[] p = Narrow(parameters), x = Narrow(input);
        var workspace = new T[TNet.WorkspaceSize];
        workspace.AsSpan().Fill(T.NaN);
        TNet.ForwardSample(p, x, workspace, new T[TNet.OutputSize]);
        var curvatures = new T[TNet.ParameterCount];
        TNet.CurvatureSample(p, x, workspace, Narrow(headCurvature), Narrow(headWeights), curvatures);
        return Widen(curvatures);
    }

    public override (double[][] Outputs, double[][] Workspaces) ForwardTile(double[] parameters, double[][] inputs)
    {
        T[] tile = RunTile(parameters, inputs, out T[] outputs);
        var perSample = new double[inputs.Length][];
        var workspaces = new double[inputs.Length][];
        for (int l = 0; l < inputs.Length; l++)
        {
            perSample[l] = Widen(outputs.AsSpan(l * TNet.OutputSize, TNet.OutputSize).ToArray());
            workspaces[l] = new double[TNet.WorkspaceSize];
            for (int v = 0; v < TNet.WorkspaceSize; v++) workspaces[l][v] = double.CreateTruncating(tile[v * TNet.TileSize + l]);
        }
        return (perSample, workspaces);
    }

    public override double[] BackwardTile(double[] parameters, double[][] inputs, double[][] headGradients)
    {
        T[] tile = RunTile(parameters, inputs, out _);
        var gradients = new T[TNet.ParameterCount];
        TNet.BackwardTile(Narrow(parameters), tile, Narrow(Concat(headGradients)), gradients);
        return Widen(gradients);
    }

    public override double[] CurvatureTile(double[] parameters, double[][] inputs, double[][] headCurvatures, double[][]? headWeights)
    {
        T[] tile = RunTile(parameters, inputs, out _);
        var curvatures = new T[TNet.ParameterCount];
        TNet.CurvatureTile(Narrow(parameters), tile, Narrow(Concat(headCurvatures)), headWeights is null ? default : Narrow(Concat(headWeights)), curvatures);
        return Widen(curvatures);
    }

    private static T[] RunTile(double[] parameters, double[][] inputs, out T[] outputs)
    {
        var tile = new T[TNet.TileWorkspaceSize];
        tile.AsSpan().Fill(T.NaN);
        outputs = new T[inputs.Length * TNet.OutputSize];
        TNet.ForwardTile(Narrow(parameters), Narrow(Concat(inputs)), tile, outputs);
        return tile;
    }

    private static double[] Concat(double[][] rows)
    {
        var all = new double[rows.Sum(r => r.Length)];
        int at = 0;
        foreach (double[] row in rows)
        {
            row.CopyTo(all, at);
            at += row.Length;
        }
        return all;
    }

    private static T[] Narrow(double[] values)
    {
        var narrowed = new T[values.Length];
        for (int i = 0; i < values.Length; i++) narrowed[i] = T.CreateTruncating(values[i]);
        return narrowed;
    }

    private static double[] Widen(T[] values)
    {
        var widened = new double[values.Length];
        for (int i = 0; i < values.Length; i++) widened[i] = double.CreateTruncating(values[i]);
        return widened;
    }
}
