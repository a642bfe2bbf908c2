namespace LeNetGen;

/// <summary>
/// LeNet-5's output head: one Euclidean radial basis function unit per class, y_i = sum_j (x_j - w_ij)^2, the squared
/// distance of the input to the class's prototype w_i. An output is a penalty: the prediction is the class of the
/// smallest one.
/// </summary>
[global::System.AttributeUsage(global::System.AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class RbfOutputAttribute : global::System.Attribute
{
    /// <summary>Creates an RBF head of <paramref name="classes"/> classes.</summary>
    /// <param name="classes">The number of classes, one prototype each.</param>
    public RbfOutputAttribute(int classes) => Classes = classes;

    /// <summary>The number of classes.</summary>
    public int Classes { get; }

    /// <summary>Where the prototypes come from; LeNet-5's digit bitmaps by default.</summary>
    public RbfPrototypes Prototypes { get; set; }

    /// <summary>Whether training moves the prototypes; <see langword="false"/> (fixed, as in the paper) by default.</summary>
    public bool Trainable { get; set; }

    /// <summary>How much of the loop nest is written out; <see cref="LeNetGen.Unroll.Auto"/> by default.</summary>
    public Unroll Unroll { get; set; }
}
