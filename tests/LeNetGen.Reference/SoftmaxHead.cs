using System;
using System.Collections.Generic;

namespace LeNetGen.Reference;

/// <summary>
/// The softmax output head: a dense layer of one unit per class (weights [class][input], then biases) whose sums are
/// the logits and whose values are their softmax, the class probabilities.
/// </summary>
/// <param name="Classes">The number of classes.</param>
public sealed record SoftmaxHead(int Classes) : ReferenceLayer
{
    public override string Label(int position) => "Output";

    public override Shape OutputShape(Shape input)
    {
        Require(Classes, 1, "classes");
        return new Shape(Classes, 1, 1);
    }

    public override IReadOnlyList<(string Kind, int Length)> Blocks(Shape input) => [("Weights", Classes * input.Size), ("Biases", Classes)];

    public override int[] FanIns(Shape input)
    {
        var fanIns = new int[Classes * input.Size];
        Array.Fill(fanIns, input.Size);
        return fanIns;
    }

    // input   (inputs); weights (Classes, inputs); biases (Classes)
    // output  logits (Classes) as sums, probabilities (Classes) as values
    public override (double[] Sums, double[] Values) Forward(Shape input, double[] x, ReadOnlySpan<double> parameters)
    {
        double[] logits = DenseLayer.Affine(Classes, x, parameters);
        double largest = double.NegativeInfinity;
        foreach (double logit in logits) largest = Math.Max(largest, logit);
        var probabilities = new double[Classes];
        double total = 0.0;
        for (int k = 0; k < Classes; k++)
        {
            probabilities[k] = Math.Exp(logits[k] - largest); // the shift cancels in the ratio
            total += probabilities[k];
        }
        for (int k = 0; k < Classes; k++) probabilities[k] /= total;
        return (logits, probabilities);
    }

    // sumGradients: dE/d(logits), e.g. p - onehot for cross-entropy; the softmax itself is the loss's business
    public override (double[] ParameterGradients, double[] InputGradients) Backward(Shape input, double[] x, ReadOnlySpan<double> parameters,
        double[] sumGradients) => DenseLayer.AffineBackward(Classes, x, parameters, sumGradients);

    // sumCurvatures: d2E/d(logits)2
    public override (double[] ParameterCurvatures, double[] InputCurvatures) Curvature(Shape input, double[] x, ReadOnlySpan<double> parameters,
        double[] sumCurvatures) => DenseLayer.AffineCurvature(Classes, x, parameters, sumCurvatures);
}
