namespace LeNetGen.Reference;

/// <summary>The shape of one sample's activations: maps x height x width (a flat layer is units x 1 x 1).</summary>
public readonly record struct Shape(int Maps, int Height, int Width)
{
    /// <summary>The number of values: maps x height x width.</summary>
    public int Size => Maps * Height * Width;

    /// <summary>The index of (map, row, column) in a buffer laid out map by map, row by row.</summary>
    public int Index(int map, int row, int column) => (map * Height + row) * Width + column;

    /// <summary>The paper's notation, e.g. "6@28x28".</summary>
    public override string ToString() => $"{Maps}@{Height}x{Width}";
}
