namespace LeNetGen.Reference;

/// <summary>
/// One block of the parameter buffer: a layer's <c>Weights</c>, <c>Biases</c>, <c>Coefficients</c> (subsampling) or
/// trainable <c>Prototypes</c> (RBF), at <paramref name="Offset"/> in the whole buffer.
/// </summary>
public sealed record ParameterBlock(string Layer, string Kind, int Offset, int Length);
