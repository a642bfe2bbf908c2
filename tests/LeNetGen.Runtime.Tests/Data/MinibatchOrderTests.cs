using System;
using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace LeNetGen.Runtime.Tests.Data;

/// <summary>Epoch orders are permutations fixed by the seed; minibatches cover them, the partial last one included.</summary>
public sealed class MinibatchOrderTests
{
    [Fact]
    public void TheSameSeedGivesTheSameOrders()
    {
        int[][] a = Epochs(seed: 42, count: 1000, epochs: 3), b = Epochs(seed: 42, count: 1000, epochs: 3);
        Assert.Equal(a, b);
        Assert.NotEqual(a[0], a[1]); // each epoch draws a new order
        Assert.NotEqual(a[0], Epochs(seed: 43, count: 1000, epochs: 1)[0]);
    }

    [Fact]
    public void AnOrderHoldsEveryIndexOnce()
    {
        foreach (int[] order in Epochs(seed: 7, count: 1000, epochs: 3))
            Assert.Equal(Enumerable.Range(0, 1000), order.Order());
        Assert.NotEqual(Enumerable.Range(0, 1000), Epochs(seed: 7, count: 1000, epochs: 1)[0]);
    }

    [Fact]
    public void AnEpochsOrderDependsOnlyOnTheGeneratorStateAtItsStart()
    {
        // As a resumed run sees it: restore the state saved before epoch 2, shuffle once.
        var random = new SeededRandom(5);
        var order = new MinibatchOrder(100, 10);
        order.Shuffle(random);
        ulong stateBeforeSecond = random.State;
        order.Shuffle(random);
        int[] second = order.Order.ToArray();

        var resumed = new MinibatchOrder(100, 10);
        resumed.Shuffle(new SeededRandom(0) { State = stateBeforeSecond });
        Assert.Equal(second, resumed.Order.ToArray());
    }

    [Fact]
    public void BatchesCoverTheOrderWithAPartialLastOne()
    {
        var order = new MinibatchOrder(10, batchSize: 4);
        order.Shuffle(new SeededRandom(1));
        Assert.Equal(3, order.BatchCount);
        var seen = new List<int>();
        var sizes = new List<int>();
        foreach (ReadOnlySpan<int> batch in order)
        {
            sizes.Add(batch.Length);
            seen.AddRange(batch.ToArray());
        }
        Assert.Equal([4, 4, 2], sizes);
        Assert.Equal(order.Order.ToArray(), seen);
        Assert.Equal(order.Order[8..].ToArray(), order.Batch(2).ToArray());
        Assert.Throws<ArgumentOutOfRangeException>(() => order.Batch(3));
    }

    [Fact]
    public void ResetPutsTheSamplesBackInSequence()
    {
        var order = new MinibatchOrder(5, 5);
        order.Shuffle(new SeededRandom(3));
        order.Reset();
        Assert.Equal([0, 1, 2, 3, 4], order.Order.ToArray());
        Assert.Equal(0, new MinibatchOrder(0, 5).BatchCount);
    }

    private static int[][] Epochs(ulong seed, int count, int epochs)
    {
        var random = new SeededRandom(seed);
        var order = new MinibatchOrder(count, 32);
        var result = new int[epochs][];
        for (int e = 0; e < epochs; e++)
        {
            order.Shuffle(random);
            result[e] = order.Order.ToArray();
        }
        return result;
    }
}
