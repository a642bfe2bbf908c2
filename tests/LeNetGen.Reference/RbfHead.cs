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
}
