using System;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace LeNetGen;

/// <summary>
/// A training criterion on a network's outputs for one sample: its value, its gradient with respect to the head's sums
/// (what <see cref="INetwork{TSelf, T}.Backward"/> starts from) and the second derivatives the curvature pass starts
/// from (<see cref="INetwork{TSelf, T}.BackwardCurvature"/>).
/// </summary>
public sealed class Loss
{
    /// <summary>Creates a criterion.</summary>
    /// <param name="kind">Which criterion.</param>
    /// <param name="mapConstant">j of the MAP criterion; LeCun et al. use a positive constant, 1 by default.</param>
    public Loss(LossKind kind, double mapConstant = 1.0)
    {
        if (!double.IsFinite(mapConstant) || mapConstant <= 0)
            throw new ArgumentOutOfRangeException(nameof(mapConstant), mapConstant, "The MAP constant j must be positive.");
        Kind = kind;
        MapConstant = mapConstant;
    }

    /// <summary>Which criterion.</summary>
    public LossKind Kind { get; }

    /// <summary>j of the MAP criterion.</summary>
    public double MapConstant { get; }

    /// <summary>The criterion that fits a head: cross-entropy for softmax, MAP for RBF.</summary>
    /// <param name="head">The network's head.</param>
    public static Loss For(OutputHead head) => new(head == OutputHead.Softmax ? LossKind.SoftmaxCrossEntropy : LossKind.Map);

    /// <summary>Checks that this criterion fits <paramref name="head"/>; throws with a message that says why not.</summary>
    /// <param name="head">The network's head.</param>
    public void RequireFits(OutputHead head)
    {
        bool fits = head == OutputHead.Softmax ? Kind == LossKind.SoftmaxCrossEntropy : Kind != LossKind.SoftmaxCrossEntropy;
        if (!fits)
            throw new ArgumentException($"The {Kind} criterion does not fit a network with a {head} head; use {For(head).Kind}.");
    }

    /// <summary>
    /// The loss of one sample and dE/d(head sums): for softmax heads the outputs are probabilities and the sums logits
    /// (dE/dlogit_i = p_i - [i = label]); for RBF heads outputs and sums are the penalties y.
    /// </summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="outputs">The head's outputs for the sample.</param>
    /// <param name="label">The correct class.</param>
    /// <param name="headGradient">Receives dE/d(head sums).</param>
    /// <returns>The loss.</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public double Evaluate<T>(ReadOnlySpan<T> outputs, int label, Span<T> headGradient) where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckLabel(outputs.Length, label);
        switch (Kind)
        {
            case LossKind.SoftmaxCrossEntropy:
            {
                for (int i = 0; i < outputs.Length; i++) headGradient[i] = outputs[i];
                headGradient[label] -= T.One;
                double p = double.CreateTruncating(outputs[label]);
                return -Math.Log(Math.Max(p, double.Epsilon));
            }
            case LossKind.Map:
            {
                // E = y_D + log(e^-j + sum_i e^-y_i), computed with the largest exponent factored out.
                double largest = -MapConstant;
                for (int i = 0; i < outputs.Length; i++) largest = Math.Max(largest, -double.CreateTruncating(outputs[i]));
                double z = Math.Exp(-MapConstant - largest);
                for (int i = 0; i < outputs.Length; i++) z += Math.Exp(-double.CreateTruncating(outputs[i]) - largest);
                for (int i = 0; i < outputs.Length; i++)
                    headGradient[i] = T.CreateTruncating(-Math.Exp(-double.CreateTruncating(outputs[i]) - largest) / z);
                headGradient[label] += T.One;
                return double.CreateTruncating(outputs[label]) + largest + Math.Log(z);
            }
            default:
            {
                headGradient.Clear();
                headGradient[label] = T.One;
                return double.CreateTruncating(outputs[label]);
            }
        }
    }

    /// <summary>
    /// What the curvature pass starts from for one sample: d2E/d(head sums)2 in its Gauss-Newton form and, for RBF
    /// heads, the weight of each unit's own second derivative. For softmax cross-entropy: p_i (1 - p_i) and no weights.
    /// For LeNet-5's criteria, as the paper does: only the correct class's squared distance, d2y_D/dx_j2 = 2, so the
    /// curvatures are 0 and the weights 1 for the correct class and 0 elsewhere.
    /// </summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="outputs">The head's outputs for the sample.</param>
    /// <param name="label">The correct class.</param>
    /// <param name="headCurvature">Receives d2E/d(head sums)2.</param>
    /// <param name="headWeights">Receives the RBF units' weights (cleared for softmax heads).</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Curvature<T>(ReadOnlySpan<T> outputs, int label, Span<T> headCurvature, Span<T> headWeights) where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckLabel(outputs.Length, label);
        headWeights.Clear();
        if (Kind == LossKind.SoftmaxCrossEntropy)
        {
            for (int i = 0; i < outputs.Length; i++) headCurvature[i] = outputs[i] * (T.One - outputs[i]);
            return;
        }
        headCurvature.Clear();
        headWeights[label] = T.One;
    }

    private static void CheckLabel(int classes, int label)
    {
        if ((uint)label >= (uint)classes)
            throw new ArgumentOutOfRangeException(nameof(label), label, $"The label must be a class from 0 to {classes - 1}.");
    }
}
