using System;
using System.Reflection;
using LeNetGen.Reference;

namespace LeNetGen.TestNetworks.Infrastructure;

/// <summary>
/// One generated test network, seen through doubles so tests need no generic code: parameters and inputs go in and
/// activations come out as double[] (a float converts to double exactly, so nothing is lost on the way out, and values
/// the tests make are rounded to the network's element type before the reference sees them).
/// </summary>
internal abstract class NetworkCase
{
    /// <summary>The generated class's name.</summary>
    public string Name => Type.Name;

    /// <summary>The generated class.</summary>
    public abstract Type Type { get; }

    /// <summary>The same network for the reference implementation.</summary>
    public abstract ReferenceNetwork Reference { get; }

    /// <summary>The weight initialization the spec asks for.</summary>
    public abstract Init Init { get; }

    /// <summary>Whether the network computes in double.</summary>
    public abstract bool IsDouble { get; }

    /// <summary>Relative tolerance against the reference: |a - b| &lt;= tolerance x max(1, |b|).</summary>
    public double Tolerance => IsDouble ? 1e-12 : 1e-5;

    public abstract int ParameterCount { get; }
    public abstract int InputSize { get; }
    public abstract int OutputSize { get; }
    public abstract int WorkspaceSize { get; }
    public abstract OutputHead Head { get; }
    public abstract string Summary { get; }

    /// <summary>The parameters the generated InitializeParameters writes for <paramref name="seed"/>.</summary>
    public abstract double[] InitializeParameters(ulong seed);

    /// <summary>Calls the generated InitializeParameters with a buffer of <paramref name="length"/>.</summary>
    public abstract void InitializeParametersOfLength(int length);

    /// <summary><paramref name="values"/> rounded to the network's element type.</summary>
    public abstract double[] Round(double[] values);

    /// <summary>Runs the generated Forward on a workspace and output full of NaN; returns the whole workspace and the output.</summary>
    public abstract (double[] Workspace, double[] Output) Forward(double[] parameters, double[] input);

    /// <summary>Calls the generated Forward with zeroed spans of the given lengths.</summary>
    public abstract void Forward(int parameters, int input, int workspace, int output);

    /// <summary>The generated PredictedClass of <paramref name="output"/>.</summary>
    public abstract int PredictedClass(double[] output);

    /// <summary>Bytes allocated on this thread by <paramref name="calls"/> generated Forward calls after a warm-up.</summary>
    public abstract long AllocatedBytesOfForward(int calls);

    /// <summary>
    /// Runs the generated Forward, then Backward from <paramref name="headGradient"/> (dE/d(head sums)) into zeroed
    /// gradients and an input gradient full of NaN (Backward must write all of it).
    /// </summary>
    public abstract BackwardResult Backward(double[] parameters, double[] input, double[] headGradient);

    /// <summary>
    /// One Forward, then Backward three times on the same workspace: once into zeroed gradients, again into the same
    /// gradients (they must double), and once into fresh gradients with an empty input gradient.
    /// </summary>
    public abstract (double[] Once, double[] Twice, double[] WithoutInput) BackwardRepeated(double[] parameters, double[] input, double[] headGradient);

    /// <summary>Runs the generated Forward, then BackwardCurvature into zeroed curvatures; <paramref name="headWeights"/> may be empty.</summary>
    public abstract double[] Curvature(double[] parameters, double[] input, double[] headCurvature, double[] headWeights);

    /// <summary>
    /// A probe for finite differences: the network's own buffers, filled once from <paramref name="parameters"/> and
    /// <paramref name="input"/>, then changed one value at a time.
    /// </summary>
    public abstract Probe CreateProbe(double[] parameters, double[] input);

    /// <summary>Runs the generated Forward repeatedly on buffers that change one value at a time.</summary>
    internal abstract class Probe
    {
        /// <summary>Sets parameter <paramref name="index"/> (rounded to the element type).</summary>
        public abstract void SetParameter(int index, double value);

        /// <summary>Sets input value <paramref name="index"/> (rounded to the element type).</summary>
        public abstract void SetInput(int index, double value);

        /// <summary>The head's sums after the generated Forward (softmax: the logits; RBF: the penalties).</summary>
        public abstract double[] HeadSums();
    }

    /// <summary>Bytes allocated on this thread by <paramref name="calls"/> generated Backward and BackwardCurvature calls each, after a warm-up.</summary>
    public abstract long AllocatedBytesOfBackward(int calls);

    /// <summary>Runs the generated ForwardSample on a workspace and output full of NaN; returns both.</summary>
    public abstract (double[] Workspace, double[] Output) ForwardSample(double[] parameters, double[] input);

    /// <summary>
    /// ForwardSample, then BackwardSample into zeroed gradients and an input gradient full of NaN (or, with
    /// <paramref name="withInput"/> false, none); returns both.
    /// </summary>
    public abstract BackwardResult BackwardSample(double[] parameters, double[] input, double[] headGradient, bool withInput);

    /// <summary>ForwardSample, then CurvatureSample into zeroed curvatures; <paramref name="headWeights"/> empty for softmax heads.</summary>
    public abstract double[] CurvatureSample(double[] parameters, double[] input, double[] headCurvature, double[] headWeights);

    /// <summary>The samples one tile holds (the generated TileSize).</summary>
    public abstract int TileSize { get; }

    /// <summary>
    /// Runs the generated ForwardTile on <paramref name="inputs"/> (1 to TileSize samples) with a tile workspace full of
    /// NaN; returns each sample's outputs and each sample's view of the tile's first WorkspaceSize values (the scalar
    /// workspace's layout, lane by lane).
    /// </summary>
    public abstract (double[][] Outputs, double[][] Workspaces) ForwardTile(double[] parameters, double[][] inputs);

    /// <summary>ForwardTile, then BackwardTile from each sample's dE/d(head sums) into zeroed gradients.</summary>
    public abstract double[] BackwardTile(double[] parameters, double[][] inputs, double[][] headGradients);

    /// <summary>ForwardTile, then CurvatureTile into zeroed curvatures; <paramref name="headWeights"/> null for softmax heads.</summary>
    public abstract double[] CurvatureTile(double[] parameters, double[][] inputs, double[][] headCurvatures, double[][]? headWeights);

    /// <summary>The generated public constant <paramref name="name"/> (e.g. "C3WeightsOffset"), or null when there is none.</summary>
    public int? Constant(string name) =>
        Type.GetField(name, BindingFlags.Public | BindingFlags.Static) is { IsLiteral: true } field && field.GetRawConstantValue() is int value
            ? value
            : null;

    /// <summary>The generated constant <paramref name="name"/>; fails the test when it does not exist.</summary>
    public int RequiredConstant(string name) =>
        Constant(name) ?? throw new Xunit.Sdk.XunitException($"{Name} has no generated constant {name}.");

    public override string ToString() => Name;
}
