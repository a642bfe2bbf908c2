namespace LeNetGen;

/// <summary>The floating-point type of a generated network's parameters, activations and inputs.</summary>
public enum ElementType
{
    /// <summary>32-bit <see cref="float"/>, the default.</summary>
    Float = 0,

    /// <summary>64-bit <see cref="double"/>: slower, for gradient checks and numerical work.</summary>
    Double = 1,
}
