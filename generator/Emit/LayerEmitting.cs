using LeNetGen.Generator.Model;

namespace LeNetGen.Generator.Emit;

/// <summary>What both backends ask of a layer's workspace regions.</summary>
internal static class LayerEmitting
{
    /// <summary>Whether the layer keeps its sums (before activation) apart from its values.</summary>
    public static bool HasSeparateSums(LayerPlan layer) => layer.SumsOffset != layer.ValuesOffset;
}
