using System;
using System.Diagnostics;
using System.Runtime.ExceptionServices;
using System.Threading;

namespace LeNetGen;

/// <summary>
/// A process-wide team of worker threads that stay alive between minibatches. A minibatch of LeNet-5 takes about a
/// millisecond, and handing its tiles to the thread pool (<c>Parallel.For</c>) woke and parked threads dozens of times
/// per minibatch; here each worker spins a short while after its part is done, so the next minibatch finds it awake,
/// and blocks only when no work follows. One caller at a time: a second caller that finds the team busy runs its items
/// on its own thread, so callers never wait for each other and never deadlock.
/// </summary>
internal sealed class WorkerTeam
{
    /// <summary>How long an idle worker spins before it blocks: a few minibatches' worth of serial work.</summary>
    private static readonly long SpinTicks = Stopwatch.Frequency / 2000; // 0.5 ms

    private static readonly Lazy<WorkerTeam> s_shared = new(() => new WorkerTeam(Environment.ProcessorCount - 1));

    private readonly object _gate = new();
    private readonly int _workers;
    private int _busy;
    private int _generation;
    private int _pending;
    private int _next;
    private int _count;
    private int _participants;
    private Action<int>? _body;
    private ExceptionDispatchInfo? _failure;

    private WorkerTeam(int workers)
    {
        _workers = Math.Max(0, workers);
        for (int w = 0; w < _workers; w++)
        {
            int index = w + 1;
            new Thread(() => Work(index)) { IsBackground = true, Name = $"LeNetGen worker {index}" }.Start();
        }
    }

    /// <summary>The team: one worker per processor beside the calling thread.</summary>
    public static WorkerTeam Shared => s_shared.Value;

    /// <summary>
    /// Runs <paramref name="body"/> for each item from 0 to <paramref name="count"/> - 1 on at most
    /// <paramref name="threads"/> threads (the caller's included) and returns when all are done. Items are taken in
    /// order by whichever thread is free, so what an item computes must not depend on the thread that runs it. The first
    /// exception an item throws is rethrown here, after the other items have finished.
    /// </summary>
    public void For(int count, int threads, Action<int> body)
    {
        int participants = Math.Min(Math.Min(threads, count), _workers + 1);
        if (participants <= 1 || Interlocked.CompareExchange(ref _busy, 1, 0) != 0)
        {
            // On the caller's thread alone, with the same contract: every item runs, then the first exception is rethrown.
            ExceptionDispatchInfo? first = null;
            for (int i = 0; i < count; i++)
            {
                try
                {
                    body(i);
                }
                catch (Exception e)
                {
                    first ??= ExceptionDispatchInfo.Capture(e);
                }
            }
            first?.Throw();
            return;
        }
        try
        {
            _body = body;
            _count = count;
            _participants = participants;
            _failure = null;
            Volatile.Write(ref _next, 0);
            Volatile.Write(ref _pending, _workers);
            lock (_gate)
            {
                _generation++;
                Monitor.PulseAll(_gate);
            }
            Take();
            var spinner = new SpinWait();
            while (Volatile.Read(ref _pending) != 0) spinner.SpinOnce(sleep1Threshold: -1);
            _body = null;
            _failure?.Throw();
        }
        finally
        {
            Volatile.Write(ref _busy, 0);
        }
    }

    private void Work(int index)
    {
        int seen = 0;
        while (true)
        {
            // Spin for a while (the next minibatch usually comes within it), then block until it comes.
            long until = Stopwatch.GetTimestamp() + SpinTicks;
            while (Volatile.Read(ref _generation) == seen)
            {
                if (Stopwatch.GetTimestamp() > until)
                {
                    lock (_gate)
                    {
                        while (Volatile.Read(ref _generation) == seen) Monitor.Wait(_gate);
                    }
                    break;
                }
                Thread.SpinWait(32);
            }
            seen = Volatile.Read(ref _generation);
            if (index < _participants) Take();
            Interlocked.Decrement(ref _pending);
        }
    }

    /// <summary>Runs items until none is left.</summary>
    private void Take()
    {
        Action<int> body = _body!;
        int count = _count;
        for (int i = Interlocked.Increment(ref _next) - 1; i < count; i = Interlocked.Increment(ref _next) - 1)
        {
            try
            {
                body(i);
            }
            catch (Exception e)
            {
                Interlocked.CompareExchange(ref _failure, ExceptionDispatchInfo.Capture(e), null);
            }
        }
    }
}
