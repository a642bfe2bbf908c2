namespace LeNetGen;

/// <summary>How the weights are drawn when a network's parameters are initialized. Biases start at zero.</summary>
public enum Init
{
    /// <summary>LeCun et al. (1998), appendix A: uniform in [-2.4/F, +2.4/F], F the unit's fan-in (its connected inputs).</summary>
    LeCunUniform = 0,

    /// <summary>He et al. (2015) for ReLU networks: uniform in [-sqrt(6/F), +sqrt(6/F)].</summary>
    HeUniform = 1,

    /// <summary>Glorot and Bengio (2010): uniform in [-sqrt(6/(F + F_out)), +sqrt(6/(F + F_out))].</summary>
    XavierUniform = 2,
}
