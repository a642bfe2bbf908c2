using System;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;

namespace LeNetGen.Samples.Pictures;

/// <summary>
/// Where a layer's outputs sit in a generated network's workspace, read from the constants the generator emits for it
/// ({Layer}Maps, {Layer}Height, {Layer}Width, {Layer}ValuesOffset): the maps one after another, row by row.
/// </summary>
internal sealed record LayerMaps(string Layer, int Maps, int Height, int Width, int Offset)
{
    /// <summary>
    /// What the constants are read with: every generic method that hands its network type on to here carries this on
    /// its type parameter, so that the trimmer and NativeAOT keep the sample networks' public constants for reflection.
    /// </summary>
    public const DynamicallyAccessedMemberTypes Constants = DynamicallyAccessedMemberTypes.PublicFields;

    /// <summary>The layer <paramref name="layer"/> of <typeparamref name="TNetwork"/>, or null when it has no such feature maps.</summary>
    public static LayerMaps? Of<[DynamicallyAccessedMembers(Constants)] TNetwork>(string layer)
    {
        int? maps = Constant<TNetwork>(layer + "Maps"), height = Constant<TNetwork>(layer + "Height"), width = Constant<TNetwork>(layer + "Width");
        int? offset = Constant<TNetwork>(layer + "ValuesOffset");
        return maps is int m && height is int h && width is int w && offset is int o ? new LayerMaps(layer, m, h, w, o) : null;
    }

    /// <summary>The integer constant <paramref name="name"/> of <typeparamref name="TNetwork"/>, or null.</summary>
    public static int? Constant<[DynamicallyAccessedMembers(Constants)] TNetwork>(string name) =>
        typeof(TNetwork).GetField(name, BindingFlags.Public | BindingFlags.Static) is { IsLiteral: true } field && field.GetRawConstantValue() is int value
            ? value : null;

    /// <summary>The values of map <paramref name="map"/> in <paramref name="workspace"/> after a forward pass.</summary>
    public ReadOnlySpan<float> Map(ReadOnlySpan<float> workspace, int map) => workspace.Slice(Offset + map * Height * Width, Height * Width);
}
