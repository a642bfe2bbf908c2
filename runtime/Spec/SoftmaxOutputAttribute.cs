namespace LeNetGen;

/// <summary>
/// The output head for softmax cross-entropy: a fully connected layer of one unit per class whose outputs (logits)
/// are turned into probabilities by softmax. The prediction is the class of largest probability.
/// </summary>
[global::System.AttributeUsage(global::System.AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class SoftmaxOutputAttribute : global::System.Attribute
{
    /// <summary>Creates a softmax head of <paramref name="classes"/> classes.</summary>
    /// <param name="classes">The number of classes.</param>
    public SoftmaxOutputAttribute(int classes) => Classes = classes;

    /// <summary>The number of classes.</summary>
    public int Classes { get; }

    /// <summary>How much of the loop nest is written out; <see cref="LeNetGen.Unroll.Auto"/> by default.</summary>
    public Unroll Unroll { get; set; }
}
