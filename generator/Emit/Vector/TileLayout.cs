using System;
using System.Collections.Generic;
using LeNetGen.Generator.Model;

namespace LeNetGen.Generator.Emit.Vector;

/// <summary>
/// The vector backend's own layout of a tile's workspace, read from the checked plan: the plan's workspace of one
/// sample with every value widened to TileSize lanes, then the tile's inputs, the RBF head's per-sample weights of the
/// curvature pass, and the scratch where a fully connected layer's input is transposed (sample by sample) for its
/// weight gradients.
/// </summary>
internal sealed class TileLayout
{
    public TileLayout(NetworkPlan plan, IReadOnlyList<TileLayer> layers, int tileSize)
    {
        TileSize = tileSize;
        InputOffset = (long)plan.WorkspaceSize * tileSize;
        long next = InputOffset + (long)plan.Input.Size * tileSize;
        HeadWeightsOffset = next;
        if (plan.Head == LayerKind.RbfOutput) next += (long)plan.OutputSize * tileSize;
        TransposedOffset = next;
        int widest = 0;
        foreach (TileLayer layer in layers)
            if (layer.IsDense) widest = Math.Max(widest, layer.Plan.In.Size);
        TransposedLength = (long)widest * tileSize;
        WorkspaceSize = TransposedOffset + TransposedLength;
    }

    public int TileSize { get; }

    public long InputOffset { get; }

    public long HeadWeightsOffset { get; }

    public long TransposedOffset { get; }

    public long TransposedLength { get; }

    public long WorkspaceSize { get; }
}
