using System.Globalization;
using LeNetGen.Generator.Model;

namespace LeNetGen.Generator.Emit;

/// <summary>The names generated code gives to layers' constants and methods, in one place.</summary>
internal static class Naming
{
    /// <summary>The static table of the RBF head's fixed (non-trainable) prototypes.</summary>
    public const string FixedPrototypes = "FixedPrototypes";

    public static string Int(long value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Method(LayerPlan layer) => layer.Name + "Forward";

    /// <summary>The constant that holds the layer's output size ("C1Size"; the head's is the network's OutputSize).</summary>
    public static string Size(LayerPlan layer) => layer.Kind is LayerKind.SoftmaxOutput or LayerKind.RbfOutput ? "OutputSize" : layer.Name + "Size";

    /// <summary>The parameter block names: weights (or coefficients, prototypes) and biases.</summary>
    public static string WeightsName(LayerPlan layer) => layer.Kind switch
    {
        LayerKind.Pool => "Coefficients",
        LayerKind.RbfOutput => "Prototypes",
        _ => "Weights",
    };

    public static string Weights(LayerPlan layer) => layer.Name + WeightsName(layer);

    public static string Biases(LayerPlan layer) => layer.Name + "Biases";

    public static string Sums(LayerPlan layer) => layer.Name + "Sums";

    public static string Values(LayerPlan layer) => layer.Name + "Values";

    public static string Padded(LayerPlan layer) => layer.Name + "Padded";

    public static string Deltas(LayerPlan layer) => layer.Name + "Deltas";

    public static string PaddedDeltas(LayerPlan layer) => layer.Name + "PaddedDeltas";

    /// <summary>The call an activation compiles to, applied to <paramref name="argument"/>.</summary>
    public static string Activate(Act activation, string argument) => activation switch
    {
        Act.Identity => argument,
        Act.Tanh => KnownNames.Activations + ".Tanh(" + argument + ")",
        Act.ScaledTanh => KnownNames.Activations + ".ScaledTanh(" + argument + ")",
        Act.Relu => KnownNames.Activations + ".Relu(" + argument + ")",
        _ => KnownNames.Activations + ".Sigmoid(" + argument + ")",
    };

    public static string ActivationTitle(Act activation) => activation switch
    {
        Act.Identity => "no activation",
        Act.Tanh => "tanh",
        Act.ScaledTanh => "scaled tanh 1.7159 tanh(2a/3)",
        Act.Relu => "relu",
        _ => "sigmoid",
    };
}
