using System;

namespace LeNetGen;

/// <summary>
/// The order of one epoch, cut into minibatches: a permutation of 0 to <see cref="Count"/> - 1 drawn from a
/// <see cref="SeededRandom"/>, so the same seed gives the same epochs everywhere. Each <see cref="Shuffle"/> starts again
/// from the identity, so an epoch's order depends only on the generator's state at its start: save
/// <see cref="SeededRandom.State"/> there and a resumed run sees the same order. The last batch may be partial.
/// </summary>
/// <example>
/// <code>
/// var order = new MinibatchOrder(train.Count, batchSize: 32);
/// order.Shuffle(random);
/// foreach (ReadOnlySpan&lt;int&gt; batch in order)
///     converter.FillImages(batch, inputs[..(batch.Length * converter.InputSize)]);
/// </code>
/// </example>
public sealed class MinibatchOrder
{
    private readonly int[] order;

    /// <summary>Creates the order over <paramref name="count"/> samples, in sequence until shuffled.</summary>
    /// <param name="count">The number of samples.</param>
    /// <param name="batchSize">The samples per minibatch; the last one may have fewer.</param>
    public MinibatchOrder(int count, int batchSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        order = new int[count];
        BatchSize = batchSize;
        Reset();
    }

    /// <summary>The number of samples.</summary>
    public int Count => order.Length;

    /// <summary>The samples per minibatch (the last may have fewer).</summary>
    public int BatchSize { get; }

    /// <summary>The number of minibatches, the partial last one included: ceiling(<see cref="Count"/> / <see cref="BatchSize"/>).</summary>
    public int BatchCount => (int)(((long)order.Length + BatchSize - 1) / BatchSize);

    /// <summary>The whole epoch's order: each sample index once.</summary>
    public ReadOnlySpan<int> Order => order;

    /// <summary>Puts the samples back in sequence, 0 to <see cref="Count"/> - 1 (for evaluation).</summary>
    public void Reset()
    {
        for (int i = 0; i < order.Length; i++) order[i] = i;
    }

    /// <summary>Draws a new epoch order: the identity, shuffled by <paramref name="random"/> (Fisher-Yates).</summary>
    /// <param name="random">The generator; its state advances.</param>
    public void Shuffle(SeededRandom random)
    {
        ArgumentNullException.ThrowIfNull(random);
        Reset();
        random.Shuffle(order.AsSpan());
    }

    /// <summary>The sample indices of minibatch <paramref name="batch"/>.</summary>
    /// <param name="batch">From 0 to <see cref="BatchCount"/> - 1.</param>
    public ReadOnlySpan<int> Batch(int batch)
    {
        if ((uint)batch >= (uint)BatchCount)
            throw new ArgumentOutOfRangeException(nameof(batch), batch, $"There are {BatchCount} batches (0 to {BatchCount - 1}).");
        int start = batch * BatchSize;
        return order.AsSpan(start, Math.Min(BatchSize, order.Length - start));
    }

    /// <summary>Enumerates the minibatches in order, the partial last one included, without allocating.</summary>
    public Enumerator GetEnumerator() => new(this);

    /// <summary>Walks the minibatches of a <see cref="MinibatchOrder"/>.</summary>
    public ref struct Enumerator
    {
        private readonly MinibatchOrder owner;
        private int batch;

        internal Enumerator(MinibatchOrder owner)
        {
            this.owner = owner;
            batch = -1;
        }

        /// <summary>The current minibatch's sample indices.</summary>
        public readonly ReadOnlySpan<int> Current => owner.Batch(batch);

        /// <summary>Moves to the next minibatch.</summary>
        /// <returns>Whether there was one.</returns>
        public bool MoveNext() => ++batch < owner.BatchCount;
    }
}
