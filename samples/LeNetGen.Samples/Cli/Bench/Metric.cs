namespace LeNetGen.Samples.Cli.Bench;

/// <summary>One measured figure and its unit, e.g. 11744 "images/s".</summary>
internal readonly record struct Metric(double Value, string Unit);
