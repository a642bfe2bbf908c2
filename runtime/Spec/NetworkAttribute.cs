namespace LeNetGen;

/// <summary>
/// Declares a network on a partial class. The layer attributes on the same declaration (<see cref="ConvAttribute"/>,
/// <see cref="PoolAttribute"/>, <see cref="DenseAttribute"/>, and last an output head, <see cref="SoftmaxOutputAttribute"/>
/// or <see cref="RbfOutputAttribute"/>) run in the order they are written. At build time the LeNetGen generator checks
/// every shape and writes the forward code into the class.
/// </summary>
[global::System.AttributeUsage(global::System.AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class NetworkAttribute : global::System.Attribute
{
    /// <summary>The input shape as channels x height x width, e.g. <c>"1x32x32"</c> (LeNet-5) or <c>"3x32x32"</c>.</summary>
    public string? Input { get; set; }

    /// <summary>The element type of parameters and activations; <see cref="ElementType.Float"/> by default.</summary>
    public ElementType Element { get; set; }

    /// <summary>The seed of the default parameter initialization; the same seed gives the same parameters bit for bit.</summary>
    public ulong Seed { get; set; }

    /// <summary>
    /// How weights are initialized; by default <see cref="Init.ByActivation"/> (He's rule for ReLU layers, Glorot's for
    /// the others). The classic LeNet-5 names <see cref="Init.LeCunUniform"/>, the paper's ±2.4/fan-in.
    /// </summary>
    public Init Init { get; set; } = Init.ByActivation;

    /// <summary>
    /// A trained checkpoint to compile into the network, e.g. <c>"lenet5.lngckpt"</c>: the name (or the end of the path)
    /// of a file given to the compiler as an <c>AdditionalFiles</c> item, as the network's <c>Save</c> or a trainer wrote
    /// it. The generator then bakes its parameters into the assembly and adds <c>CreateTrained()</c> and
    /// <c>LoadTrained()</c>, which need no file at run time; a checkpoint that does not fit the spec fails the build.
    /// </summary>
    public string? Weights { get; set; }
}
