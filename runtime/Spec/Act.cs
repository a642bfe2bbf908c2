namespace LeNetGen;

/// <summary>The activation (squashing) function applied to a layer's output.</summary>
public enum Act
{
    /// <summary>No activation: f(a) = a.</summary>
    Identity = 0,

    /// <summary>Hyperbolic tangent: f(a) = tanh(a).</summary>
    Tanh = 1,

    /// <summary>The squashing function of LeCun et al. (1998), appendix A: f(a) = 1.7159 tanh(2a/3), so f(1) = 1 and f(-1) = -1.</summary>
    ScaledTanh = 2,

    /// <summary>Rectified linear unit: f(a) = max(0, a).</summary>
    Relu = 3,

    /// <summary>Logistic sigmoid: f(a) = 1 / (1 + e^-a).</summary>
    Sigmoid = 4,
}
