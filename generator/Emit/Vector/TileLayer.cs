using System.Collections.Generic;
using LeNetGen.Generator.Model;

namespace LeNetGen.Generator.Emit.Vector;

/// <summary>
/// One layer as its tile kernels see it: the plan, and where in the tile workspace its input, its input's deltas and
/// its own regions are (workspace offsets of one sample times TileSize, since a tile keeps each value of TileSize
/// samples side by side).
/// </summary>
internal sealed class TileLayer
{
    public TileLayer(LayerPlan layer, LayerPlan? previous)
    {
        Plan = layer;
        Input = previous is null ? "TileInputOffset" : Region(Naming.Values(previous));
        InputDeltas = previous is null ? null : Region(Naming.Deltas(previous));
    }

    /// <summary>The network's layers as the tile kernels see them, in order.</summary>
    public static List<TileLayer> Of(NetworkPlan plan)
    {
        var layers = new List<TileLayer>(plan.Layers.Count);
        LayerPlan? previous = null;
        foreach (LayerPlan layer in plan.Layers)
        {
            layers.Add(new TileLayer(layer, previous));
            previous = layer;
        }
        return layers;
    }

    public LayerPlan Plan { get; }

    public string Name => Plan.Name;

    /// <summary>Where the layer's input starts in the tile workspace.</summary>
    public string Input { get; }

    /// <summary>Where the deltas of the layer's input go, or null for the first layer (the tile passes skip dE/d(input)).</summary>
    public string? InputDeltas { get; }

    public string Sums => Region(LayerEmitting.HasSeparateSums(Plan) ? Naming.Sums(Plan) : Naming.Values(Plan));

    public string Values => Region(Naming.Values(Plan));

    public string Deltas => Region(Naming.Deltas(Plan));

    public string Padded => Region(Naming.Padded(Plan));

    public string PaddedDeltas => Region(Naming.PaddedDeltas(Plan));

    public bool HasSeparateSums => LayerEmitting.HasSeparateSums(Plan);

    /// <summary>The layer's output values of one sample (its Size constant).</summary>
    public string Size => Naming.Size(Plan);

    public string WeightsOffset => Naming.Weights(Plan) + "Offset";

    public string BiasesOffset => Naming.Biases(Plan) + "Offset";

    /// <summary>
    /// A convolution whose kernel covers its whole unpadded input with every input map connected (LeNet-5's C5) is a
    /// fully connected layer: its weights [map][input map][ky][kx] are [unit][flattened input], so the dense kernels run it.
    /// </summary>
    public bool IsDense => Plan.Kind is LayerKind.Dense or LayerKind.SoftmaxOutput
        || (Plan.Kind == LayerKind.Conv && !Plan.HasTable && Plan.Padding == 0
            && Plan.KernelHeight == Plan.In.Height && Plan.KernelWidth == Plan.In.Width);

    private static string Region(string name) => name + "Offset * TileSize";
}
