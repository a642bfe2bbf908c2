using System;
using System.Linq;
using System.Runtime.Intrinsics;
using Xunit;

namespace LeNetGen.Runtime.Tests.Kernels;

/// <summary>The sixteen lane sums at once equal each vector's own sum, lane k for vector k, in order.</summary>
public sealed class LaneSumsTests
{
    [Fact]
    public void LaneKIsTheSumOfVectorK()
    {
        var random = new Random(3);
        Vector512<float>[] vectors = Enumerable.Range(0, 16)
            .Select(k => Vector512.Create(Enumerable.Range(0, 16).Select(_ => (float)(random.NextDouble() * 2 - 1) * (k + 1)).ToArray()))
            .ToArray();
        Vector512<float> sums = LaneSums.Of16(vectors[0], vectors[1], vectors[2], vectors[3], vectors[4], vectors[5], vectors[6], vectors[7],
            vectors[8], vectors[9], vectors[10], vectors[11], vectors[12], vectors[13], vectors[14], vectors[15]);
        for (int k = 0; k < 16; k++)
        {
            double expected = Enumerable.Range(0, 16).Sum(l => (double)vectors[k][l]);
            Assert.True(Math.Abs(sums[k] - expected) <= 1e-5 * (k + 1) * 16, $"lane {k}: {sums[k]} against {expected}");
        }
    }

    [Fact]
    public void ZeroVectorsGiveZeroLanes()
    {
        Vector512<float> one = Vector512.Create(1f), zero = Vector512<float>.Zero;
        Vector512<float> sums = LaneSums.Of16(one, zero, one, zero, zero, zero, zero, zero, zero, zero, zero, zero, zero, zero, zero, one);
        Assert.Equal(new float[] { 16, 0, 16, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 16 }, Enumerable.Range(0, 16).Select(k => sums[k]).ToArray());
    }
}
