namespace LeNetGen;

/// <summary>How a pooling layer combines the values of each window.</summary>
public enum PoolKind
{
    /// <summary>The mean of the window; no parameters.</summary>
    Average = 0,

    /// <summary>The largest value of the window; no parameters. The gradient flows to that value alone.</summary>
    Max = 1,

    /// <summary>
    /// LeNet-5's trainable subsampling (S2, S4): the sum of the window times one trainable coefficient, plus one
    /// trainable bias, per map.
    /// </summary>
    Subsample = 2,
}
