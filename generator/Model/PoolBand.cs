namespace LeNetGen.Generator.Model;

/// <summary>
/// A run of a pooling layer's output rows (or columns), <see cref="First"/> to <see cref="First"/> + <see cref="Count"/>
/// - 1, whose windows all span <see cref="Extent"/> input rows (columns): the window's side, or fewer for a window
/// that ceil mode clips at the input's end.
/// </summary>
internal readonly record struct PoolBand(int First, int Count, int Extent);
