using System;
using System.Runtime.InteropServices;
using Xunit;

namespace LeNetGen.Runtime.Tests.Checkpoints;

/// <summary>
/// A run killed at any step and resumed from its last checkpoint ends with the same weights, bit for bit, as a run
/// that was never interrupted (issue 4), shown on <see cref="ToyTrainer"/>.
/// </summary>
public sealed class ResumeTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    public static TheoryData<int> KillSteps
    {
        get
        {
            var steps = new TheoryData<int>();
            for (int step = 1; step < ToyTrainer.TotalSteps; step++) steps.Add(step);
            return steps;
        }
    }

    [Theory]
    [MemberData(nameof(KillSteps))]
    public void AKilledRunResumesToTheUninterruptedWeights(int killAfterStep)
    {
        float[] uninterrupted = ToyTrainer.Train(_directory.File("uninterrupted.ckpt"), checkpointEvery: 4);

        string path = _directory.File("killed.ckpt");
        Assert.Throws<ToyTrainer.Killed>(() => ToyTrainer.Train(path, checkpointEvery: 4, killAfterStep));
        float[] resumed = ToyTrainer.Train(path, checkpointEvery: 4);

        Assert.Equal(Bits(uninterrupted), Bits(resumed));
    }

    [Fact]
    public void ARunKilledTwiceResumesToTheUninterruptedWeights()
    {
        float[] uninterrupted = ToyTrainer.Train(_directory.File("uninterrupted.ckpt"), checkpointEvery: 5);

        string path = _directory.File("killed.ckpt");
        Assert.Throws<ToyTrainer.Killed>(() => ToyTrainer.Train(path, checkpointEvery: 5, killAfterStep: 7));
        Assert.Throws<ToyTrainer.Killed>(() => ToyTrainer.Train(path, checkpointEvery: 5, killAfterStep: 13));
        float[] resumed = ToyTrainer.Train(path, checkpointEvery: 5);

        Assert.Equal(Bits(uninterrupted), Bits(resumed));
    }

    [Fact]
    public void TrainingMovesTheWeights()
    {
        float[] trained = ToyTrainer.Train(_directory.File("run.ckpt"), checkpointEvery: 1000);
        var initial = new float[ToyTrainer.Features];
        new SeededRandom(1).FillUniform<float>(initial, 0.5);
        Assert.NotEqual(Bits(initial), Bits(trained));
    }

    private static int[] Bits(float[] values) => MemoryMarshal.Cast<float, int>(values).ToArray();
}
