using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using CsCheck;
using Xunit;
using Xunit.Abstractions;

namespace LeNetGen.Networks.Tests.Properties;

/// <summary>
/// Random valid specs (<see cref="RandomSpecs"/>), each compiled in memory with the generator and loaded
/// (<see cref="InMemoryNetworks"/>), each network checked against the reference implementation on every kernel path
/// (<see cref="ReferenceCheck"/>) for <see cref="Draws"/> draws of parameters and inputs: one sample in the tile, a full
/// tile, and a count between. CsCheck runs the specs on every core and shrinks a failure to the smallest failing spec it
/// finds, which the failure prints as attribute source to paste, with the seed that draws it again (CsCheck_Seed).
/// <para>
/// One spec to a compilation: measured on the same 24 specs (13.4 million characters of generated code), 24 in one
/// compilation took 79 to 87 s of CPU, 8 in each of three 55 to 57 s, 4 in each of six 45 s, 2 in each of twelve 45 s,
/// and one in each 42 s. A compilation's cost grows faster than its code; and alone, a failing spec is already narrowed
/// down for CsCheck to shrink.
/// </para>
/// <para>
/// CI tries <see cref="Networks"/> networks, and fewer again with AVX-512 off and with AVX2 off (LENETGEN_PROPERTY_NETWORKS,
/// an exact count); LENETGEN_PROPERTY_RUNS=n tries n times as many (the README's long run). A network's kernels are
/// written for the vector width the process runs, or, one network in <see cref="EveryWidthOneIn"/>, for every width.
/// </para>
/// </summary>
public sealed class GeneratedNetworkPropertyTests(ITestOutputHelper output)
{
    /// <summary>
    /// The random networks CI tries: about 0.5 s of CPU each on the Zen 4 of 2026-12-05, most of it compiling (0.7 s when
    /// every vector width was written and every reference assembly of .NET given to each compilation).
    /// </summary>
    private const int Networks = 250;

    /// <summary>
    /// One network in this many (by its seed) gets kernels for every vector width, as a project does by default; the
    /// others for the running width only (<see cref="InMemoryNetworks.Compile"/>).
    /// </summary>
    private const ulong EveryWidthOneIn = 4;

    /// <summary>Draws of parameters, inputs and head gradients per network; the tile holds 1, all, and between.</summary>
    private const int Draws = 3;

    [Fact]
    public void RandomNetworksMatchTheReferenceOnEveryKernelPath()
    {
        int runs = int.TryParse(Environment.GetEnvironmentVariable("LENETGEN_PROPERTY_RUNS"), out int n) && n > 0 ? n : 1;
        long networks = int.TryParse(Environment.GetEnvironmentVariable("LENETGEN_PROPERTY_NETWORKS"), out int exact) && exact > 0 ? exact : (long)Networks * runs;
        var check = new ReferenceCheck();
        int tried = 0, failed = 0, everyWidth = 0;
        long characters = 0, generatingTicks = 0, emittingTicks = 0, checkingTicks = 0;
        var clock = Stopwatch.StartNew();
        try
        {
            RandomSpecs.Spec.Sample(spec =>
            {
                Interlocked.Increment(ref tried);
                try
                {
                    bool widths = spec.Seed % EveryWidthOneIn == 0;
                    if (widths) Interlocked.Increment(ref everyWidth);
                    using InMemoryNetworks compiled = InMemoryNetworks.Compile([spec], everyWidth: widths);
                    Interlocked.Add(ref characters, compiled.GeneratedCharacters);
                    Interlocked.Add(ref generatingTicks, compiled.Generating.Ticks);
                    Interlocked.Add(ref emittingTicks, compiled.Emitting.Ticks);
                    long start = Stopwatch.GetTimestamp();
                    List<string> failures = CheckDraws(check, compiled.Networks[0], spec);
                    Interlocked.Add(ref checkingTicks, Stopwatch.GetElapsedTime(start).Ticks);
                    if (failures.Count > 0)
                        throw new Xunit.Sdk.XunitException($"This spec's network differs from the reference:\n\n{spec}\n" + string.Join("\n", failures.Take(8)));
                }
                catch
                {
                    Interlocked.Increment(ref failed);
                    throw;
                }
            }, iter: networks, print: spec => "\n" + spec);
        }
        finally
        {
            output.WriteLine($"{tried} random networks tried, {failed} failed (counting CsCheck's shrinking attempts); {tried * Draws} checks "
                + $"on every kernel path (vectors of {InMemoryNetworks.RunningWidth} bits; {everyWidth} networks with kernels for every width), {check.FiniteDifferences} finite differences ({check.Kinks} skipped at kinks); {clock.Elapsed.TotalSeconds:F1} s; "
                + $"summed over threads: generator {TimeSpan.FromTicks(generatingTicks).TotalSeconds:F1} s, emit {TimeSpan.FromTicks(emittingTicks).TotalSeconds:F1} s "
                + $"({characters / 1e6:F1} million characters generated), checks {TimeSpan.FromTicks(checkingTicks).TotalSeconds:F1} s");
        }
    }

    /// <summary>The mismatches of <paramref name="net"/> over all draws, each prefixed with the draw; none when it passes.</summary>
    private static List<string> CheckDraws(ReferenceCheck check, TestNetworks.Infrastructure.NetworkCase net, RandomSpec spec)
    {
        var failures = new List<string>();
        for (int d = 0; d < Draws; d++)
        {
            int seed = (int)((spec.Seed + 7919UL * (ulong)d) % 100_000);
            int count = d switch { 0 => 1, 1 => net.TileSize, _ => 1 + seed % net.TileSize };
            failures.AddRange(check.Check(net, seed, count).Select(f => $"draw {d} (seed {seed}, {count} in the tile): {f}"));
        }
        return failures;
    }
}
