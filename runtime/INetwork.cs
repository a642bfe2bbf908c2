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

    /// <summary>The input's channels (maps): 1 for grayscale digits, 3 for colour images.</summary>
    static abstract int InputMaps { get; }

    /// <summary>The input's height in pixels: 32 for LeNet-5.</summary>
    static abstract int InputHeight { get; }

    /// <summary>The input's width in pixels: 32 for LeNet-5.</summary>
    static abstract int InputWidth { get; }

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

    /// <summary>
    /// Runs one sample backward after <see cref="Forward"/> on it: from the gradient of the loss with respect to the
    /// head's sums (softmax: the logits; RBF: the penalties), adds the gradient of every parameter to
    /// <paramref name="gradients"/> and, unless it is empty, writes the gradient of the input to
    /// <paramref name="inputGradient"/>. Uses the activations <see cref="Forward"/> left in the workspace.
    /// </summary>
    /// <param name="parameters">The parameters the forward pass used.</param>
    /// <param name="input">The sample the forward pass ran on.</param>
    /// <param name="workspace">The workspace of that forward pass; its gradient regions are overwritten.</param>
    /// <param name="headGradient">dE/d(head sums), of length <see cref="OutputSize"/>.</param>
    /// <param name="gradients">Accumulates dE/d(parameters) (+=), of length <see cref="ParameterCount"/>.</param>
    /// <param name="inputGradient">Receives dE/d(input), of length <see cref="InputSize"/>; empty to skip.</param>
    static abstract void Backward(ReadOnlySpan<T> parameters, ReadOnlySpan<T> input, Span<T> workspace,
        ReadOnlySpan<T> headGradient, Span<T> gradients, Span<T> inputGradient);

    /// <summary>
    /// The diagonal Gauss-Newton second backward pass of LeCun et al. (1998), appendix C: from the loss's second
    /// derivatives with respect to the head's sums, adds the estimate of d2E/dw_k2 of every parameter to
    /// <paramref name="curvatures"/>. Terms with f'' and off-diagonal terms are dropped, so every term is non-negative.
    /// </summary>
    /// <param name="parameters">The parameters the forward pass used.</param>
    /// <param name="input">The sample the forward pass ran on.</param>
    /// <param name="workspace">The workspace of that forward pass; its curvature regions are overwritten.</param>
    /// <param name="headCurvature">d2E/d(head sums)2 (Gauss-Newton), of length <see cref="OutputSize"/>.</param>
    /// <param name="headWeights">
    /// RBF heads only: the weight of each unit's own second derivative (d2y_i/dx_j2 = 2) in the pass, e.g. 1 for the
    /// correct class and 0 elsewhere for LeNet-5's criterion; of length <see cref="OutputSize"/>, or empty.
    /// </param>
    /// <param name="curvatures">Accumulates the estimates (+=), of length <see cref="ParameterCount"/>.</param>
    static abstract void BackwardCurvature(ReadOnlySpan<T> parameters, ReadOnlySpan<T> input, Span<T> workspace,
        ReadOnlySpan<T> headCurvature, ReadOnlySpan<T> headWeights, Span<T> curvatures);

    /// <summary>
    /// Runs one sample forward with the vectorized one-sample kernels: the pass of <see cref="Forward"/>, over the same
    /// workspace, equal to it within rounding. Each layer's vectors run along its own data (a convolution's output
    /// columns, a fully connected layer's inputs), so one image needs no tile: for latency and one-sample training steps.
    /// </summary>
    /// <param name="parameters">The parameters, of length <see cref="ParameterCount"/>.</param>
    /// <param name="input">One sample, of length <see cref="InputSize"/>.</param>
    /// <param name="workspace">Scratch space of length <see cref="WorkspaceSize"/>, private to the calling thread.</param>
    /// <param name="output">Receives the head's outputs, of length <see cref="OutputSize"/>.</param>
    static abstract void ForwardSample(ReadOnlySpan<T> parameters, ReadOnlySpan<T> input, Span<T> workspace, Span<T> output);

    /// <summary>
    /// Runs one sample backward after <see cref="ForwardSample"/> (or <see cref="Forward"/>) with the vectorized
    /// one-sample kernels: the pass of <see cref="Backward"/>, equal to it within rounding.
    /// </summary>
    /// <param name="parameters">The parameters the forward pass used.</param>
    /// <param name="input">The sample the forward pass ran on.</param>
    /// <param name="workspace">The workspace of that forward pass; its gradient regions are overwritten.</param>
    /// <param name="headGradient">dE/d(head sums), of length <see cref="OutputSize"/>.</param>
    /// <param name="gradients">Accumulates dE/d(parameters) (+=), of length <see cref="ParameterCount"/>.</param>
    /// <param name="inputGradient">Receives dE/d(input), of length <see cref="InputSize"/>; empty to skip.</param>
    static abstract void BackwardSample(ReadOnlySpan<T> parameters, ReadOnlySpan<T> input, Span<T> workspace,
        ReadOnlySpan<T> headGradient, Span<T> gradients, Span<T> inputGradient);

    /// <summary>
    /// The diagonal Gauss-Newton pass of <see cref="BackwardCurvature"/> for one sample after <see cref="ForwardSample"/>
    /// (or <see cref="Forward"/>), with the vectorized one-sample kernels, equal to it within rounding.
    /// </summary>
    /// <param name="parameters">The parameters the forward pass used.</param>
    /// <param name="input">The sample the forward pass ran on.</param>
    /// <param name="workspace">The workspace of that forward pass; its curvature regions are overwritten.</param>
    /// <param name="headCurvature">d2E/d(head sums)2 (Gauss-Newton), of length <see cref="OutputSize"/>.</param>
    /// <param name="headWeights">RBF heads only: the weight of each unit's own second derivative; of length <see cref="OutputSize"/>, or empty.</param>
    /// <param name="curvatures">Accumulates the estimates (+=), of length <see cref="ParameterCount"/>.</param>
    static abstract void CurvatureSample(ReadOnlySpan<T> parameters, ReadOnlySpan<T> input, Span<T> workspace,
        ReadOnlySpan<T> headCurvature, ReadOnlySpan<T> headWeights, Span<T> curvatures);

    /// <summary>
    /// The samples one tile holds: the batched kernels run a tile's samples side by side, one per vector lane (16 for
    /// float, 8 for double: one 512-bit vector; narrower vectors take the tile in parts).
    /// </summary>
    static abstract int TileSize { get; }

    /// <summary>The length of the workspace of one tile: every layer's activations and deltas for <see cref="TileSize"/> samples.</summary>
    static abstract int TileWorkspaceSize { get; }

    /// <summary>
    /// Runs up to <see cref="TileSize"/> samples forward at once with the vectorized kernels, keeping every layer's
    /// activations in <paramref name="tile"/> for <see cref="BackwardTile"/> and <see cref="CurvatureTile"/>.
    /// </summary>
    /// <param name="parameters">The parameters, of length <see cref="ParameterCount"/>.</param>
    /// <param name="inputs">1 to <see cref="TileSize"/> samples one after another, each of <see cref="InputSize"/> values.</param>
    /// <param name="tile">The tile's workspace, of length <see cref="TileWorkspaceSize"/>, private to the calling thread.</param>
    /// <param name="outputs">Receives the head's outputs, <see cref="OutputSize"/> per sample, one sample after another.</param>
    static abstract void ForwardTile(ReadOnlySpan<T> parameters, ReadOnlySpan<T> inputs, Span<T> tile, Span<T> outputs);

    /// <summary>
    /// Runs the samples of the last <see cref="ForwardTile"/> backward: from dE/d(head sums) of each sample, adds the
    /// gradient of every parameter, summed over the samples, to <paramref name="gradients"/>.
    /// </summary>
    /// <param name="parameters">The parameters the forward pass used.</param>
    /// <param name="tile">The tile's workspace after that forward pass; its delta regions are overwritten.</param>
    /// <param name="headGradients">dE/d(head sums), <see cref="OutputSize"/> per sample, as many samples as went forward.</param>
    /// <param name="gradients">Accumulates dE/d(parameters) (+=), of length <see cref="ParameterCount"/>.</param>
    static abstract void BackwardTile(ReadOnlySpan<T> parameters, Span<T> tile, ReadOnlySpan<T> headGradients, Span<T> gradients);

    /// <summary>
    /// The diagonal Gauss-Newton pass of <see cref="BackwardCurvature"/> for the samples of the last
    /// <see cref="ForwardTile"/>: adds the estimates of d2E/dw_k2, summed over the samples, to <paramref name="curvatures"/>.
    /// </summary>
    /// <param name="parameters">The parameters the forward pass used.</param>
    /// <param name="tile">The tile's workspace after that forward pass; its delta regions are overwritten.</param>
    /// <param name="headCurvatures">d2E/d(head sums)2, <see cref="OutputSize"/> per sample.</param>
    /// <param name="headWeights">RBF heads: the weights of the units' own second derivatives, <see cref="OutputSize"/> per sample; softmax heads: empty.</param>
    /// <param name="curvatures">Accumulates the estimates (+=), of length <see cref="ParameterCount"/>.</param>
    static abstract void CurvatureTile(ReadOnlySpan<T> parameters, Span<T> tile, ReadOnlySpan<T> headCurvatures, ReadOnlySpan<T> headWeights, Span<T> curvatures);

    /// <summary>The layers' names in order (C1, S2, ...), as the summary and the generated constants name them.</summary>
    static abstract System.Collections.Generic.IReadOnlyList<string> LayerNames { get; }

    /// <summary>
    /// For benchmarks: runs the tile that the last <see cref="ForwardTile"/> left in <paramref name="tile"/> forward and
    /// backward again, one layer at a time, adding each layer's Stopwatch ticks per direction.
    /// </summary>
    /// <param name="parameters">The parameters, of length <see cref="ParameterCount"/>.</param>
    /// <param name="tile">The tile's workspace after a <see cref="ForwardTile"/>.</param>
    /// <param name="headGradients">dE/d(head sums), <see cref="OutputSize"/> per sample of that tile.</param>
    /// <param name="gradients">Accumulates (+=) dE/dw, of length <see cref="ParameterCount"/>.</param>
    /// <param name="forwardTicks">Accumulates each layer's forward ticks, one per layer.</param>
    /// <param name="backwardTicks">Accumulates each layer's backward ticks, one per layer.</param>
    static abstract void TimeTileLayers(ReadOnlySpan<T> parameters, Span<T> tile, ReadOnlySpan<T> headGradients, Span<T> gradients,
        Span<long> forwardTicks, Span<long> backwardTicks);

    /// <summary>The class that <paramref name="output"/> (the head's outputs of one sample) predicts.</summary>
    /// <param name="output">The outputs of one sample, of length <see cref="OutputSize"/>.</param>
    static abstract int PredictedClass(ReadOnlySpan<T> output);
}
