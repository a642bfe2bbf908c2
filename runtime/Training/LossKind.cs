namespace LeNetGen;

/// <summary>The criterion a network is trained with.</summary>
public enum LossKind
{
    /// <summary>Softmax cross-entropy, for softmax heads: E = -log p_D.</summary>
    SoftmaxCrossEntropy = 0,

    /// <summary>
    /// LeCun et al.'s (1998) maximum a posteriori criterion, for RBF heads: E = y_D + log(e^-j + sum_i e^-y_i). It pulls
    /// the correct class's penalty down and pushes the others up; j keeps it from pushing penalties that are already
    /// large.
    /// </summary>
    Map = 1,

    /// <summary>The plain criterion for RBF heads: E = y_D, the squared distance to the correct class's prototype.</summary>
    SquaredDistance = 2,
}
