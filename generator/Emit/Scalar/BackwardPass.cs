using LeNetGen.Generator.Model;

namespace LeNetGen.Generator.Emit.Scalar;

/// <summary>
/// The two backward passes the generator writes: the gradient (dE/dw, for every optimizer) and the diagonal
/// Gauss-Newton curvature of LeCun et al. (1998), appendix C (d2E/dw2, for stochastic diagonal Levenberg-Marquardt).
/// Both walk the same taps; the curvature pass squares the weights, the inputs and the activation's derivative, and
/// drops f'' and off-diagonal terms, so every term is non-negative.
/// </summary>
internal sealed class BackwardPass
{
    public static readonly BackwardPass Gradient = new(curvature: false);
    public static readonly BackwardPass Curvature = new(curvature: true);

    private BackwardPass(bool curvature) => IsCurvature = curvature;

    public bool IsCurvature { get; }

    /// <summary>The suffix of the layer methods: C3Backward, C3Curvature.</summary>
    public string Method => IsCurvature ? "Curvature" : "Backward";

    /// <summary>"Gradients" or "Curvatures", in names such as C3WeightGradients.</summary>
    public string Plural => IsCurvature ? "Curvatures" : "Gradients";

    /// <summary>The buffer the pass accumulates into, as the public method and every layer method name it: "gradients"
    /// (dE/dw) or "curvatures" (d2E/dw2), in the parameter buffer's layout.</summary>
    public string Accumulator => IsCurvature ? "curvatures" : "gradients";

    /// <summary>What the pass accumulates: dE/dw or d2E/dw2.</summary>
    public string Derivative => IsCurvature ? "d2E/dw2" : "dE/dw";

    /// <summary>What a layer's deltas hold once the activation's derivative is applied: dE/d(sums) or d2E/d(sums)2.</summary>
    public string DeltaMeaning => IsCurvature ? "d2E/d(sums)2" : "dE/d(sums)";

    /// <summary>"backward" or "curvature", for the methods' legends.</summary>
    public string Title => IsCurvature ? "curvature" : "backward";

    /// <summary>Whether the activation's derivative reads the sums (relu) or the values (tanh, scaled tanh, sigmoid).</summary>
    public static bool DerivativeReadsSums(Act activation) => activation == Act.Relu;

    public static bool DerivativeReadsValues(Act activation) => activation is Act.Tanh or Act.ScaledTanh or Act.Sigmoid;

    /// <summary>The name of the local holding a unit's delta: g (dE/da) or h (d2E/da2).</summary>
    public string Delta => IsCurvature ? "h" : "g";

    /// <summary>What a weight contributes to an input's delta: w, or w^2.</summary>
    public string Square(string value) => IsCurvature ? $"{value} * {value}" : value;

    /// <summary>A layer's method name for this pass, e.g. C3Backward.</summary>
    public string LayerMethod(LayerPlan layer) => layer.Name + Method;

    /// <summary>Multiplies each delta by the activation's derivative (squared in the curvature pass), in place.</summary>
    public void WriteActivationDerivative(SourceWriter w, LayerPlan layer, string size)
    {
        string? derivative = layer.Activation switch
        {
            Act.Tanh => KnownNames.Activations + ".TanhDerivative(values[i])",
            Act.ScaledTanh => KnownNames.Activations + ".ScaledTanhDerivative(values[i])",
            Act.Relu => KnownNames.Activations + ".ReluDerivative(sums[i])",
            Act.Sigmoid => KnownNames.Activations + ".SigmoidDerivative(values[i])",
            _ => null,
        };
        if (derivative is null) return;
        w.Line(IsCurvature
            ? $"// d2E/da2 = f'(a)^2 d2E/dx2 (Gauss-Newton: the f'' term is dropped)"
            : $"// dE/da = f'(a) dE/dx");
        using (w.Block($"for (int i = 0; i < {size}; i++)"))
        {
            if (IsCurvature)
            {
                w.Line($"var d = {derivative};");
                w.Line("deltas[i] *= d * d;");
            }
            else w.Line($"deltas[i] *= {derivative};");
        }
    }
}
