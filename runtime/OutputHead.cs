namespace LeNetGen;

/// <summary>The kind of a network's output layer.</summary>
public enum OutputHead
{
    /// <summary>A dense layer whose logits go through softmax; outputs are probabilities and the largest one wins.</summary>
    Softmax = 0,

    /// <summary>Euclidean RBF units; outputs are squared distances to the class prototypes and the smallest one wins.</summary>
    Rbf = 1,
}
