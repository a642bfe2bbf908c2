using System;
using System.Collections.Generic;

namespace LeNetGen.Reference;

/// <summary>
/// LeNet-5's output head: one Euclidean RBF unit per class, y_k = sum_i (x_i - w_ki)^2, no bias and no activation
/// (sums and values are the same penalties). Fixed prototypes are <paramref name="Prototypes"/>; trainable ones are a
/// block [class][input] of the parameters, and <paramref name="Prototypes"/> is then where training starts.
/// </summary>
/// <param name="Classes">The number of classes.</param>
/// <param name="Prototypes">Classes x inputs values, class by class.</param>
/// <param name="Trainable">Whether the prototypes are parameters.</param>
public sealed record RbfHead(int Classes, double[] Prototypes, bool Trainable = false) : ReferenceLayer
{
    public override string Label(int position) => "Output";

    public override int FixedValueCount => Trainable ? 0 : Prototypes.Length;

    public override Shape OutputShape(Shape input)
    {
        Require(Classes, 1, "classes");
        if (Prototypes.Length != Classes * input.Size)
            throw new ArgumentException($"{Classes} prototypes of {input.Size} need {Classes * input.Size} values; got {Prototypes.Length}.");
        return new Shape(Classes, 1, 1);
    }

    public override IReadOnlyList<(string Kind, int Length)> Blocks(Shape input) => Trainable ? [("Prototypes", Classes * input.Size)] : [];

    // input       (inputs)
    // prototypes  (Classes, inputs): the parameters when trainable, else Prototypes
    // output      (Classes) squared distances
    public override (double[] Sums, double[] Values) Forward(Shape input, double[] x, ReadOnlySpan<double> parameters)
    {
        ReadOnlySpan<double> prototypes = Trainable ? parameters : Prototypes;
        int inputs = x.Length;
        var distances = new double[Classes];
        for (int k = 0; k < Classes; k++)
        {
            double sum = 0.0;
            for (int i = 0; i < inputs; i++)
            {
                double difference = x[i] - prototypes[k * inputs + i];
                sum += difference * difference;
            }
            distances[k] = sum;
        }
        return (distances, (double[])distances.Clone());
    }

    // sumGradients: dE/dy (Classes)
    // dy_k/dx_i = 2 (x_i - w_ki), dy_k/dw_ki = -2 (x_i - w_ki); prototype gradients only when trainable
    public override (double[] ParameterGradients, double[] InputGradients) Backward(Shape input, double[] x, ReadOnlySpan<double> parameters,
        double[] sumGradients)
    {
        ReadOnlySpan<double> prototypes = Trainable ? parameters : Prototypes;
        int inputs = x.Length;
        var parameterGradients = new double[Trainable ? Classes * inputs : 0];
        var inputGradients = new double[inputs];
        for (int k = 0; k < Classes; k++)
        {
            for (int i = 0; i < inputs; i++)
            {
                double difference = x[i] - prototypes[k * inputs + i];
                inputGradients[i] += 2.0 * difference * sumGradients[k];
                if (Trainable) parameterGradients[k * inputs + i] = -2.0 * difference * sumGradients[k];
            }
        }
        return (parameterGradients, inputGradients);
    }

    /// <summary>The pure Gauss-Newton pass: <see cref="Curvature(Shape, double[], ReadOnlySpan{double}, double[], double[])"/> with no unit's own term.</summary>
    public override (double[] ParameterCurvatures, double[] InputCurvatures) Curvature(Shape input, double[] x, ReadOnlySpan<double> parameters,
        double[] sumCurvatures) => Curvature(input, x, parameters, sumCurvatures, new double[Classes]);

    // sumCurvatures: d2E/dy2 (Classes); ownWeights (Classes): how much of each unit's own d2y_k/dx_i2 = 2 to keep
    // (LeNet-5's MAP criterion: 1 for the correct class). Per input and trainable prototype:
    // (dy_k/dx_i)^2 d2E/dy_k2 + ownWeights_k d2y_k/dx_i2 = 4 (x_i - w_ki)^2 d2E/dy_k2 + 2 ownWeights_k, summed over k.
    public (double[] ParameterCurvatures, double[] InputCurvatures) Curvature(Shape input, double[] x, ReadOnlySpan<double> parameters,
        double[] sumCurvatures, double[] ownWeights)
    {
        ReadOnlySpan<double> prototypes = Trainable ? parameters : Prototypes;
        int inputs = x.Length;
        var parameterCurvatures = new double[Trainable ? Classes * inputs : 0];
        var inputCurvatures = new double[inputs];
        for (int k = 0; k < Classes; k++)
        {
            for (int i = 0; i < inputs; i++)
            {
                double difference = x[i] - prototypes[k * inputs + i];
                double term = 4.0 * difference * difference * sumCurvatures[k] + 2.0 * ownWeights[k];
                inputCurvatures[i] += term;
                if (Trainable) parameterCurvatures[k * inputs + i] = term;
            }
        }
        return (parameterCurvatures, inputCurvatures);
    }
}
