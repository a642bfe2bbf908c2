using System;
using System.Numerics;
using LeNetGen.Reference;
using LeNetGen.Runtime.Tests.Networks;

namespace LeNetGen.Runtime.Tests.Infrastructure;

/// <summary>A <see cref="NetworkCase"/> that drives <typeparamref name="TNet"/> through its <see cref="INetwork{TSelf, T}"/> contract.</summary>
internal sealed class NetworkCase<TNet, T>(Init init) : NetworkCase
    where TNet : INetwork<TNet, T>, IReferenceSpec
    where T : unmanaged, IFloatingPointIeee754<T>
{
    public override Type Type => typeof(TNet);
    public override ReferenceNetwork Reference => TNet.Reference;
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
