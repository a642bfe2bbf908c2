using BenchmarkDotNet.Running;

// BenchmarkDotNet's command line: --filter '*' runs everything, --list flat lists the benchmarks, --job short (or
// --job dry) for a quick check. See README.md, "Benchmarks".
BenchmarkSwitcher.FromAssembly(typeof(LeNetGen.Benchmarks.InferenceBenchmarks<>).Assembly).Run(args);
