using System;
using System.Runtime.CompilerServices;

namespace LeNetGen;

/// <summary>The activation functions generated code calls, for <see cref="float"/> and <see cref="double"/>.</summary>
public static class Activations
{
    /// <summary>LeCun's amplitude A of f(a) = A tanh(S a).</summary>
    public const double ScaledTanhAmplitude = 1.7159;

    /// <summary>LeCun's slope S of f(a) = A tanh(S a).</summary>
    public const double ScaledTanhSlope = 2.0 / 3.0;

    /// <summary>f(a) = 1.7159 tanh(2a/3).</summary>
    /// <param name="a">The unit's total input.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float ScaledTanh(float a) => (float)ScaledTanhAmplitude * MathF.Tanh((float)ScaledTanhSlope * a);

    /// <summary>f(a) = 1.7159 tanh(2a/3).</summary>
    /// <param name="a">The unit's total input.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double ScaledTanh(double a) => ScaledTanhAmplitude * Math.Tanh(ScaledTanhSlope * a);

    /// <summary>f(a) = tanh(a).</summary>
    /// <param name="a">The unit's total input.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Tanh(float a) => MathF.Tanh(a);

    /// <summary>f(a) = tanh(a).</summary>
    /// <param name="a">The unit's total input.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Tanh(double a) => Math.Tanh(a);

    /// <summary>f(a) = max(0, a).</summary>
    /// <param name="a">The unit's total input.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Relu(float a) => a > 0f ? a : 0f;

    /// <summary>f(a) = max(0, a).</summary>
    /// <param name="a">The unit's total input.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Relu(double a) => a > 0d ? a : 0d;

    /// <summary>f(a) = 1 / (1 + e^-a).</summary>
    /// <param name="a">The unit's total input.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Sigmoid(float a) => 1f / (1f + MathF.Exp(-a));

    /// <summary>f(a) = 1 / (1 + e^-a).</summary>
    /// <param name="a">The unit's total input.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Sigmoid(double a) => 1d / (1d + Math.Exp(-a));

    // Derivatives, from the unit's output x = f(a) (and, for relu, its total input a), as the backward pass needs them.

    /// <summary>f'(a) of scaled tanh from its output x: S (A - x^2 / A).</summary>
    /// <param name="x">The unit's output, 1.7159 tanh(2a/3).</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float ScaledTanhDerivative(float x) => (float)ScaledTanhSlope * ((float)ScaledTanhAmplitude - x * x * (float)(1.0 / ScaledTanhAmplitude));

    /// <summary>f'(a) of scaled tanh from its output x: S (A - x^2 / A).</summary>
    /// <param name="x">The unit's output, 1.7159 tanh(2a/3).</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double ScaledTanhDerivative(double x) => ScaledTanhSlope * (ScaledTanhAmplitude - x * x / ScaledTanhAmplitude);

    /// <summary>f'(a) of tanh from its output x: 1 - x^2.</summary>
    /// <param name="x">The unit's output, tanh(a).</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float TanhDerivative(float x) => 1f - x * x;

    /// <summary>f'(a) of tanh from its output x: 1 - x^2.</summary>
    /// <param name="x">The unit's output, tanh(a).</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double TanhDerivative(double x) => 1d - x * x;

    /// <summary>f'(a) of relu from its total input a: 1 where a &gt; 0, else 0.</summary>
    /// <param name="a">The unit's total input.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float ReluDerivative(float a) => a > 0f ? 1f : 0f;

    /// <summary>f'(a) of relu from its total input a: 1 where a &gt; 0, else 0.</summary>
    /// <param name="a">The unit's total input.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double ReluDerivative(double a) => a > 0d ? 1d : 0d;

    /// <summary>f'(a) of the sigmoid from its output x: x (1 - x).</summary>
    /// <param name="x">The unit's output, 1 / (1 + e^-a).</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float SigmoidDerivative(float x) => x * (1f - x);

    /// <summary>f'(a) of the sigmoid from its output x: x (1 - x).</summary>
    /// <param name="x">The unit's output, 1 / (1 + e^-a).</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double SigmoidDerivative(double x) => x * (1d - x);

    /// <summary>Writes the softmax of <paramref name="logits"/>, computed stably (the largest logit subtracted first).</summary>
    /// <param name="logits">The logits.</param>
    /// <param name="probabilities">Receives the probabilities; the same length as <paramref name="logits"/>.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Softmax(ReadOnlySpan<float> logits, Span<float> probabilities)
    {
        float max = float.NegativeInfinity;
        for (int i = 0; i < logits.Length; i++) max = MathF.Max(max, logits[i]);
        float sum = 0f;
        for (int i = 0; i < logits.Length; i++)
        {
            float e = MathF.Exp(logits[i] - max);
            probabilities[i] = e;
            sum += e;
        }
        float scale = 1f / sum;
        for (int i = 0; i < logits.Length; i++) probabilities[i] *= scale;
    }

    /// <summary>Writes the softmax of <paramref name="logits"/>, computed stably (the largest logit subtracted first).</summary>
    /// <param name="logits">The logits.</param>
    /// <param name="probabilities">Receives the probabilities; the same length as <paramref name="logits"/>.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Softmax(ReadOnlySpan<double> logits, Span<double> probabilities)
    {
        double max = double.NegativeInfinity;
        for (int i = 0; i < logits.Length; i++) max = Math.Max(max, logits[i]);
        double sum = 0d;
        for (int i = 0; i < logits.Length; i++)
        {
            double e = Math.Exp(logits[i] - max);
            probabilities[i] = e;
            sum += e;
        }
        double scale = 1d / sum;
        for (int i = 0; i < logits.Length; i++) probabilities[i] *= scale;
    }
}
