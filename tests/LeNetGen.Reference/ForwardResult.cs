using System.Collections.Generic;

namespace LeNetGen.Reference;

/// <summary>One sample's forward pass: every layer's activations, in layer order, and the network's output.</summary>
public sealed record ForwardResult(IReadOnlyList<LayerActivations> Layers, double[] Output);
