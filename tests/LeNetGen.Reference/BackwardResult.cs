namespace LeNetGen.Reference;

/// <summary>
/// One sample's backward (or curvature) pass: dE/d(every parameter) in buffer order (or d2E/dw2), and dE/d(input) (or
/// d2E/d(input)2).
/// </summary>
public sealed record BackwardResult(double[] Parameters, double[] Input);
