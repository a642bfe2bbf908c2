using System;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Threading;

namespace LeNetGen.Samples.Cli.Bench;

/// <summary>
/// This machine's FP32 peak, measured: a loop of fused multiply-adds on independent vector accumulators (4 cycles of
/// latency x 2 FMA ports needs 8 in flight): 16 of Vector512 where it is accelerated (32 registers), else 12 of
/// Vector256 (AVX2 has 16 registers: 16 accumulators and the 2 constants do not fit, and the JIT then spills
/// accumulators to the stack inside the loop, which measured 58 GFLOP/s on a Zen 3 core that runs the kernels faster). One FMA of a vector of L floats counts 2L FLOP. Measured on one thread, then with one thread per
/// logical processor all at once; the best of a few short runs each, since other work on a shared machine only slows a
/// run down.
/// </summary>
internal sealed record FmaPeak(double SingleCoreGflops, double AllCoreGflops, int Threads, int VectorBits)
{
    private const int Accumulators512 = 16;
    private const int Accumulators256 = 12;

    /// <summary>The peak of <paramref name="threads"/> threads: one core's for one thread, all cores' from as many threads as processors.</summary>
    public double For(int threads) => threads <= 1 ? SingleCoreGflops : Math.Min(AllCoreGflops, SingleCoreGflops * threads);

    /// <summary>Measures both peaks with runs of about <paramref name="runSeconds"/> each.</summary>
    public static FmaPeak Measure(double runSeconds, int repeats)
    {
        int bits = Vector512.IsHardwareAccelerated ? 512 : 256;
        double flopPerIteration = 2.0 * (bits == 512 ? Accumulators512 : Accumulators256) * (bits / 32);

        // Calibrate: how many iterations take runSeconds on one thread.
        Loop(1 << 16);
        long probe = 1 << 22;
        var clock = Stopwatch.StartNew();
        Loop(probe);
        long iterations = Math.Max(1 << 16, (long)(probe * runSeconds / Math.Max(clock.Elapsed.TotalSeconds, 1e-6)));

        double single = 0, all = 0;
        int threads = Environment.ProcessorCount;
        for (int r = 0; r < repeats; r++)
        {
            clock.Restart();
            Loop(iterations);
            single = Math.Max(single, iterations * flopPerIteration / clock.Elapsed.TotalSeconds / 1e9);
            all = Math.Max(all, threads * iterations * flopPerIteration / OnAllCores(threads, iterations) / 1e9);
        }
        return new FmaPeak(single, all, threads, bits);
    }

    // Seconds from releasing `threads` threads to the last one finishing `iterations` each.
    private static double OnAllCores(int threads, long iterations)
    {
        using var start = new ManualResetEventSlim(false);
        using var ready = new CountdownEvent(threads);
        var workers = new Thread[threads];
        for (int t = 0; t < threads; t++)
        {
            workers[t] = new Thread(() =>
            {
                ready.Signal();
                start.Wait();
                Loop(iterations);
            }) { IsBackground = true };
            workers[t].Start();
        }
        ready.Wait();
        var clock = Stopwatch.StartNew();
        start.Set();
        foreach (Thread worker in workers) worker.Join();
        return clock.Elapsed.TotalSeconds;
    }

    private static float Loop(long iterations) => Vector512.IsHardwareAccelerated ? Loop512(iterations) : Loop256(iterations);

    // acc = acc x 0.999 + 0.001 converges to 1: no overflow, no denormals, whatever the count. Compiled optimized at
    // once (no tier-0 code, no on-stack replacement midway through the loop).
    [MethodImpl(MethodImplOptions.AggressiveOptimization | MethodImplOptions.NoInlining)]
    private static float Loop512(long iterations)
    {
        Vector512<float> m = Vector512.Create(0.999f), a = Vector512.Create(0.001f);
        Vector512<float> s0 = Vector512.Create(0.00f), s1 = Vector512.Create(0.01f), s2 = Vector512.Create(0.02f), s3 = Vector512.Create(0.03f);
        Vector512<float> s4 = Vector512.Create(0.04f), s5 = Vector512.Create(0.05f), s6 = Vector512.Create(0.06f), s7 = Vector512.Create(0.07f);
        Vector512<float> s8 = Vector512.Create(0.08f), s9 = Vector512.Create(0.09f), s10 = Vector512.Create(0.10f), s11 = Vector512.Create(0.11f);
        Vector512<float> s12 = Vector512.Create(0.12f), s13 = Vector512.Create(0.13f), s14 = Vector512.Create(0.14f), s15 = Vector512.Create(0.15f);
        for (long i = 0; i < iterations; i++)
        {
            s0 = Vector512.FusedMultiplyAdd(s0, m, a); s1 = Vector512.FusedMultiplyAdd(s1, m, a);
            s2 = Vector512.FusedMultiplyAdd(s2, m, a); s3 = Vector512.FusedMultiplyAdd(s3, m, a);
            s4 = Vector512.FusedMultiplyAdd(s4, m, a); s5 = Vector512.FusedMultiplyAdd(s5, m, a);
            s6 = Vector512.FusedMultiplyAdd(s6, m, a); s7 = Vector512.FusedMultiplyAdd(s7, m, a);
            s8 = Vector512.FusedMultiplyAdd(s8, m, a); s9 = Vector512.FusedMultiplyAdd(s9, m, a);
            s10 = Vector512.FusedMultiplyAdd(s10, m, a); s11 = Vector512.FusedMultiplyAdd(s11, m, a);
            s12 = Vector512.FusedMultiplyAdd(s12, m, a); s13 = Vector512.FusedMultiplyAdd(s13, m, a);
            s14 = Vector512.FusedMultiplyAdd(s14, m, a); s15 = Vector512.FusedMultiplyAdd(s15, m, a);
        }
        return Vector512.Sum(s0 + s1 + s2 + s3 + s4 + s5 + s6 + s7 + s8 + s9 + s10 + s11 + s12 + s13 + s14 + s15);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization | MethodImplOptions.NoInlining)]
    private static float Loop256(long iterations)
    {
        // 12 accumulators and 2 constants in AVX2's 16 registers: nothing is spilled inside the loop.
        Vector256<float> m = Vector256.Create(0.999f), a = Vector256.Create(0.001f);
        Vector256<float> s0 = Vector256.Create(0.00f), s1 = Vector256.Create(0.01f), s2 = Vector256.Create(0.02f), s3 = Vector256.Create(0.03f);
        Vector256<float> s4 = Vector256.Create(0.04f), s5 = Vector256.Create(0.05f), s6 = Vector256.Create(0.06f), s7 = Vector256.Create(0.07f);
        Vector256<float> s8 = Vector256.Create(0.08f), s9 = Vector256.Create(0.09f), s10 = Vector256.Create(0.10f), s11 = Vector256.Create(0.11f);
        for (long i = 0; i < iterations; i++)
        {
            s0 = Vector256.FusedMultiplyAdd(s0, m, a); s1 = Vector256.FusedMultiplyAdd(s1, m, a);
            s2 = Vector256.FusedMultiplyAdd(s2, m, a); s3 = Vector256.FusedMultiplyAdd(s3, m, a);
            s4 = Vector256.FusedMultiplyAdd(s4, m, a); s5 = Vector256.FusedMultiplyAdd(s5, m, a);
            s6 = Vector256.FusedMultiplyAdd(s6, m, a); s7 = Vector256.FusedMultiplyAdd(s7, m, a);
            s8 = Vector256.FusedMultiplyAdd(s8, m, a); s9 = Vector256.FusedMultiplyAdd(s9, m, a);
            s10 = Vector256.FusedMultiplyAdd(s10, m, a); s11 = Vector256.FusedMultiplyAdd(s11, m, a);
        }
        return Vector256.Sum(s0 + s1 + s2 + s3 + s4 + s5 + s6 + s7 + s8 + s9 + s10 + s11);
    }
}
