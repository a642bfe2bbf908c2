namespace LeNetGen.Reference;

/// <summary>
/// What one layer computed for one sample: its sums (before activation; a softmax head's logits, an RBF head's
/// distances) and its values (after activation; a softmax head's probabilities).
/// </summary>
public sealed record LayerActivations(string Name, Shape Shape, double[] Sums, double[] Values);
