using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using CsCheck;
using Xunit;
using Xunit.Abstractions;

namespace LeNetGen.Networks.Tests.Properties;

/// <summary>
/// Random valid specs (<see cref="RandomSpecs"/>), many compiled in memory at once with the generator and loaded
/// (<see cref="InMemoryNetworks"/>), each network checked against the reference implementation on every kernel path
/// (<see cref="ReferenceCheck"/>) for <see cref="Draws"/> draws of parameters and inputs: one sample in the tile, a full
/// tile, and a count between. A failure is narrowed to its spec, which CsCheck then shrinks alone (compiling one spec at
/// a time, from the failing spec's own seed); the test fails with the original spec and the smallest one found, each as
/// attribute source to paste, with the seeds that draw them again.
/// <para>
/// CI compiles <see cref="NetworksPerCompilation"/> networks in one compilation; LENETGEN_PROPERTY_RUNS=n makes n
/// compilations (the README's long run); LENETGEN_PROPERTY_SEED=s draws the same specs as the run that printed s.
/// </para>
/// </summary>
public sealed class GeneratedNetworkPropertyTests(ITestOutputHelper output)
{
    /// <summary>
    /// Networks in one compilation. Compiling costs per character of generated code (about 4 s of CPU a network here),
    /// not per compilation, so this is what CI can afford: see the README's Testing section.
    /// </summary>
    private const int NetworksPerCompilation = 24;

    /// <summary>Draws of parameters, inputs and head gradients per network; the tile holds 1, all, and between.</summary>
    private const int Draws = 3;

    /// <summary>CsCheck's iterations when shrinking a failing spec alone; each smaller candidate is compiled by itself.</summary>
    private const int ShrinkIterations = 100;

    [Fact]
    public void RandomNetworksMatchTheReferenceOnEveryKernelPath()
    {
        int compilations = int.TryParse(Environment.GetEnvironmentVariable("LENETGEN_PROPERTY_RUNS"), out int n) && n > 0 ? n : 1;
        ulong seed = ulong.TryParse(Environment.GetEnvironmentVariable("LENETGEN_PROPERTY_SEED"), out ulong s) ? s : (ulong)Random.Shared.NextInt64();
        var master = new PCG(0, seed);
        var check = new ReferenceCheck();
        int tried = 0, failed = 0, done = 0;
        TimeSpan generating = TimeSpan.Zero, emitting = TimeSpan.Zero, checking = TimeSpan.Zero;
        long characters = 0;
        var clock = Stopwatch.StartNew();
        string Totals() =>
            $"{tried} random networks tried in {done} compilation{(done == 1 ? "" : "s")} of {NetworksPerCompilation}, {failed} failed; "
            + $"{tried * Draws} checks on every kernel path, {check.FiniteDifferences} finite differences ({check.Kinks} skipped at kinks); "
            + $"{clock.Elapsed.TotalSeconds:F1} s: generator {generating.TotalSeconds:F1} s, emit {emitting.TotalSeconds:F1} s "
            + $"({characters / 1e6:F1} million characters generated), checks {checking.TotalSeconds:F1} s; LENETGEN_PROPERTY_SEED={seed}";
        try
        {
            for (int c = 0; c < compilations; c++)
            {
                SeededSpec[] specs = Enumerable.Range(0, NetworksPerCompilation).Select(_ => RandomSpecs.Draw(master)).ToArray();
                var failures = new ConcurrentDictionary<int, string>();
                try
                {
                    using InMemoryNetworks compiled = InMemoryNetworks.Compile(specs.Select(x => x.Spec).ToArray());
                    generating += compiled.Generating;
                    emitting += compiled.Emitting;
                    characters += compiled.GeneratedCharacters;
                    long start = Stopwatch.GetTimestamp();
                    Parallel.For(0, specs.Length, i =>
                    {
                        List<string> found = CheckDraws(check, compiled.Networks[i], specs[i].Spec);
                        if (found.Count > 0) failures[i] = string.Join("\n", found.Take(8));
                    });
                    checking += Stopwatch.GetElapsedTime(start);
                }
                catch (CompileFailure failure)
                {
                    // The diagnostics name the specs; when they do not (the generator threw), each is compiled alone.
                    IEnumerable<int> suspects = failure.Specs.Count > 0 ? failure.Specs : Enumerable.Range(0, specs.Length).Where(i => !CompilesAlone(specs[i].Spec));
                    foreach (int i in suspects) failures[i] = failure.Message;
                    if (failures.IsEmpty) throw;
                }
                tried += specs.Length;
                done++;
                failed += failures.Count;
                if (!failures.IsEmpty)
                {
                    int first = failures.Keys.Min();
                    throw new Xunit.Sdk.XunitException(Report(specs, failures, first, Shrink(check, specs[first])) + "\n\n" + Totals());
                }
            }
        }
        finally
        {
            output.WriteLine(Totals());
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

    private static bool CompilesAlone(RandomSpec spec)
    {
        try
        {
            using InMemoryNetworks one = InMemoryNetworks.Compile([spec]);
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>
    /// CsCheck's shrinking of <paramref name="failing"/> alone, from its own seed: each candidate compiled by itself and
    /// checked as in the batch. The exception CsCheck throws (its message holds the smallest failing spec), or null when
    /// the spec passes alone.
    /// </summary>
    private static Exception? Shrink(ReferenceCheck check, SeededSpec failing)
    {
        try
        {
            RandomSpecs.Spec.Sample(spec =>
            {
                using InMemoryNetworks one = InMemoryNetworks.Compile([spec]);
                List<string> found = CheckDraws(check, one.Networks[0], spec);
                if (found.Count > 0) throw new Xunit.Sdk.XunitException(string.Join("\n", found.Take(8)));
            }, seed: failing.Seed, iter: ShrinkIterations, threads: 1, print: spec => "\n" + spec);
            return null;
        }
        catch (Exception e)
        {
            return e;
        }
    }

    private static string Report(SeededSpec[] specs, ConcurrentDictionary<int, string> failures, int first, Exception? shrunk)
    {
        string others = failures.Count == 1 ? "" : "\n\nThe other failing specs' seeds (RandomSpecs.FromSeed draws them): "
            + string.Join(", ", failures.Keys.Where(i => i != first).Order().Select(i => specs[i].Seed));
        return $"{failures.Count} of {specs.Length} random networks differ from the reference. The first (seed {specs[first].Seed}):\n\n"
            + $"{specs[first].Spec}\n{failures[first]}\n\n"
            + (shrunk is null
                ? "Compiled alone, this spec passes: the failure needs the others in its compilation."
                : $"CsCheck's smallest failing spec, shrunk from it alone:\n{shrunk.Message}")
            + others;
    }
}
