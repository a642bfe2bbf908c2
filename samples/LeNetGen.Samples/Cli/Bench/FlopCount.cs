using System;
using System.Globalization;

namespace LeNetGen.Samples.Cli.Bench;

/// <summary>
/// FLOP per image, counted from the network's own shape table: a forward pass does one multiply-add per connection
/// (the table's connection total: weights, biases and pooling inputs, as LeCun et al. count them), 2 FLOP each;
/// training counts 3x the forward pass (forward, then backward to the inputs and to the weights, each about the forward's
/// work), the convention of the peer's README and of most papers. Activations and the loss are not counted.
/// </summary>
internal static class FlopCount
{
    /// <summary>The convention, in words, for reports.</summary>
    public const string Convention = "forward = 2 x connections of the shape table (multiply-adds, biases and pooling inputs included); training = 3 x forward";

    /// <summary>The connections of one forward pass: the last column of the shape table's "total" line.</summary>
    public static long Connections<TNetwork>() where TNetwork : INetwork<TNetwork, float>
    {
        foreach (string line in TNetwork.Summary.Split('\n'))
        {
            if (!line.StartsWith("total", StringComparison.Ordinal)) continue;
            string[] cells = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return long.Parse(cells[^1], NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
        }
        throw new InvalidOperationException($"The shape table of {typeof(TNetwork).Name} has no total line:\n{TNetwork.Summary}");
    }

    /// <summary>FLOP of one forward pass of one image.</summary>
    public static double Forward<TNetwork>() where TNetwork : INetwork<TNetwork, float> => 2.0 * Connections<TNetwork>();

    /// <summary>FLOP of one training step's work per image: forward and backward.</summary>
    public static double Training<TNetwork>() where TNetwork : INetwork<TNetwork, float> => 3.0 * Forward<TNetwork>();
}
