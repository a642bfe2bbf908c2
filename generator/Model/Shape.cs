namespace LeNetGen.Generator.Model;

/// <summary>The shape of one sample's activations: maps x height x width (a flat vector is n x 1 x 1).</summary>
internal readonly record struct Shape(int Maps, int Height, int Width)
{
    public int Size => Maps * Height * Width;

    public bool IsFlat => Height == 1 && Width == 1;

    /// <summary>As in the paper's tables: "6@28x28"; a flat vector is just its length.</summary>
    public string ToPaperString() => IsFlat ? Maps.ToString(System.Globalization.CultureInfo.InvariantCulture) : $"{Maps}@{Height}x{Width}";

    /// <summary>Maps always shown as maps, even of 1x1 (LeNet-5's C5 is "120@1x1").</summary>
    public string ToMapsString() => $"{Maps}@{Height}x{Width}";

    /// <summary>As in a shape chain: "6x28x28"; a flat vector is just its length.</summary>
    public override string ToString() => IsFlat ? Maps.ToString(System.Globalization.CultureInfo.InvariantCulture) : $"{Maps}x{Height}x{Width}";
}
