using System.Linq;

namespace LeNetGen.Generator.Model;

/// <summary>
/// What the build asks of the emitters, from its MSBuild properties: the vector widths to write kernels for. Value-equal,
/// so a build whose options do not change leaves every network's files cached.
/// </summary>
/// <param name="VectorBits">The widths of the tile and one-sample vector kernels, in bits, widest first: some of 512, 256 and 128.</param>
internal sealed record EmitOptions(EquatableArray<int> VectorBits)
{
    /// <summary>Every width: the widest one the processor accelerates runs, wherever the program goes.</summary>
    public static readonly EmitOptions Default = new(new[] { 512, 256, 128 }.ToEquatableArray());

    /// <summary>The options as read, and what was wrong with them (LNG0304); the defaults stand in for a value that is wrong.</summary>
    internal sealed record Result(EmitOptions Options, EquatableArray<Diagnostics.DiagnosticInfo> Diagnostics);
}
