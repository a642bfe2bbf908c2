using System;
using System.Numerics;

namespace LeNetGen;

/// <summary>
/// The contract every generated network implements. Its members are static, so generic code (trainers, evaluators,
/// benchmarks) drives any generated network through <typeparamref name="TSelf"/> without virtual dispatch.
/// </summary>
/// <typeparam name="TSelf">The generated network class.</typeparam>
/// <typeparam name="T">The element type of the network: <see cref="float"/> or <see cref="double"/>.</typeparam>
public interface INetwork<TSelf, T>
    where TSelf : INetwork<TSelf, T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>The number of input values of one sample: channels x height x width.</summary>
    static abstract int InputSize { get; }

    /// <summary>The number of output values of one sample: one per class.</summary>
    static abstract int OutputSize { get; }

    /// <summary>The number of trainable parameters, the length of the parameter buffer.</summary>
    static abstract int ParameterCount { get; }

    /// <summary>The length of the workspace one forward pass needs: every layer's activations of one sample.</summary>
    static abstract int WorkspaceSize { get; }

    /// <summary>The network's output head, which decides how outputs become a prediction.</summary>
    static abstract OutputHead Head { get; }

    /// <summary>The shape table (layer, kind, output shape, parameters, connections), as printed by the generator.</summary>
    static abstract string Summary { get; }

    /// <summary>A fingerprint of the network's spec (shapes, kinds, activations, connection tables), for checkpoints.</summary>
    static abstract ulong SpecFingerprint { get; }

    /// <summary>Fills <paramref name="parameters"/> with the spec's initialization, drawn from <paramref name="seed"/>.</summary>
    /// <param name="parameters">The parameter buffer, of length <see cref="ParameterCount"/>.</param>
    /// <param name="seed">The seed; the same seed gives the same parameters bit for bit.</param>
    static abstract void InitializeParameters(Span<T> parameters, ulong seed);

    /// <summary>Runs one sample forward, keeping every layer's activations in <paramref name="workspace"/>.</summary>
    /// <param name="parameters">The parameters, of length <see cref="ParameterCount"/>.</param>
    /// <param name="input">One sample, of length <see cref="InputSize"/>.</param>
    /// <param name="workspace">Scratch space of length <see cref="WorkspaceSize"/>, private to the calling thread.</param>
    /// <param name="output">Receives the head's outputs, of length <see cref="OutputSize"/>.</param>
    static abstract void Forward(ReadOnlySpan<T> parameters, ReadOnlySpan<T> input, Span<T> workspace, Span<T> output);

    /// <summary>The class that <paramref name="output"/> (the head's outputs of one sample) predicts.</summary>
    /// <param name="output">The outputs of one sample, of length <see cref="OutputSize"/>.</param>
    static abstract int PredictedClass(ReadOnlySpan<T> output);
}
