namespace LeNetGen;

/// <summary>
/// How the weights are drawn when a network's parameters are initialized. Biases start at zero. The default,
/// <see cref="ByActivation"/>, picks each layer's rule from its activation; the classic LeNet-5 names
/// <see cref="LeCunUniform"/>, the paper's rule.
/// </summary>
public enum Init
{
    /// <summary>LeCun et al. (1998), appendix A: uniform in [-2.4/F, +2.4/F], F the unit's fan-in (its connected inputs).</summary>
    LeCunUniform = 0,

    /// <summary>He et al. (2015) for ReLU networks: uniform in [-sqrt(6/F), +sqrt(6/F)].</summary>
    HeUniform = 1,

    /// <summary>Glorot and Bengio (2010): uniform in [-sqrt(6/(F + F_out)), +sqrt(6/(F + F_out))].</summary>
    XavierUniform = 2,

    /// <summary>
    /// The default: each layer's rule from its activation. <see cref="HeUniform"/> for a ReLU layer (half of its outputs
    /// are zero, so its weights need twice the variance to keep the signal's), <see cref="XavierUniform"/> for every
    /// other activation (tanh, scaled tanh, sigmoid, identity and the output heads: near zero these are roughly linear,
    /// and Glorot's rule keeps the variance of both the forward signal and the backward gradient).
    /// </summary>
    ByActivation = 3,
}
