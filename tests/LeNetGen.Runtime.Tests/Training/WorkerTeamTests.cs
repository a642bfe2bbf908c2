using System;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace LeNetGen.Runtime.Tests.Training;

/// <summary>The trainer's persistent workers run every item once, pass failures on and never make callers wait for each other.</summary>
public sealed class WorkerTeamTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(7, 2)]
    [InlineData(100, 2)]
    [InlineData(100, 64)]
    public void EveryItemRunsExactlyOnce(int count, int threads)
    {
        var runs = new int[count];
        for (int round = 0; round < 50; round++)
        {
            WorkerTeam.Shared.For(count, threads, i => Interlocked.Increment(ref runs[i]));
        }
        Assert.All(runs, r => Assert.Equal(50, r));
    }

    [Fact]
    public void AnItemsExceptionReachesTheCallerAfterTheOtherItemsRan()
    {
        int ran = 0;
        var failure = Assert.Throws<InvalidOperationException>(() => WorkerTeam.Shared.For(20, 2, i =>
        {
            Interlocked.Increment(ref ran);
            if (i == 3) throw new InvalidOperationException("item 3");
        }));
        Assert.Equal("item 3", failure.Message);
        Assert.Equal(20, ran);
        // The team still works afterwards.
        int after = 0;
        WorkerTeam.Shared.For(10, 2, _ => Interlocked.Increment(ref after));
        Assert.Equal(10, after);
    }

    /// <summary>
    /// A caller that finds the team busy runs its items on its own thread, under the same contract: before the fix that
    /// path stopped at the first exception (4 of 20 items ran), which the full suite hit when a trainer held the team.
    /// </summary>
    [Fact]
    public async Task AnItemsExceptionReachesTheCallerAfterTheOtherItemsRanWhenTheTeamIsBusy()
    {
        using var holding = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        Task holder = Task.Run(() => WorkerTeam.Shared.For(2, 2, i =>
        {
            if (i == 0)
            {
                holding.Set();
                release.Wait();
            }
        }));
        try
        {
            Assert.True(holding.Wait(TimeSpan.FromSeconds(30)), "the holder's items never ran");
            int ran = 0;
            var failure = Assert.Throws<InvalidOperationException>(() => WorkerTeam.Shared.For(20, 2, i =>
            {
                Interlocked.Increment(ref ran);
                if (i == 3) throw new InvalidOperationException("item 3");
            }));
            Assert.Equal("item 3", failure.Message);
            Assert.Equal(20, ran);
        }
        finally
        {
            release.Set();
            await holder;
        }
    }

    [Fact]
    public void CallersOnManyThreadsAtOnceAllFinish()
    {
        long total = 0;
        Parallel.For(0, 8, new ParallelOptions { MaxDegreeOfParallelism = 8 }, _ =>
        {
            for (int round = 0; round < 200; round++)
                WorkerTeam.Shared.For(16, 2, i => Interlocked.Add(ref total, i + 1));
        });
        Assert.Equal(8L * 200 * (16 * 17 / 2), total);
    }
}
