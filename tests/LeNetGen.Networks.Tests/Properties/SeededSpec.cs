namespace LeNetGen.Networks.Tests.Properties;

/// <summary>A random spec and the CsCheck seed that draws it (<see cref="RandomSpecs.FromSeed"/>).</summary>
internal sealed record SeededSpec(RandomSpec Spec, string Seed);
