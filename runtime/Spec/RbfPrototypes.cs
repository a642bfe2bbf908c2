namespace LeNetGen;

/// <summary>The prototypes (centers) of a Euclidean RBF output layer, one per class.</summary>
public enum RbfPrototypes
{
    /// <summary>
    /// LeNet-5's fixed prototypes: stylized 7x12 bitmaps of the digits 0-9 with values -1 and +1 (figure 3 of LeCun et
    /// al., 1998). Needs 10 classes and an 84-unit input. See <see cref="DigitBitmaps"/>.
    /// </summary>
    LeNet5Digits = 0,

    /// <summary>Random codes of -1 and +1 drawn from the network's seed, one per class, of the width of the input.</summary>
    RandomCodes = 1,
}
