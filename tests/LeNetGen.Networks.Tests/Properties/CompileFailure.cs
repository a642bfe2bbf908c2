using System;
using System.Collections.Generic;

namespace LeNetGen.Networks.Tests.Properties;

/// <summary>
/// Specs that did not compile: the message, with each diagnostic and the spec it is about, and the indices of those specs
/// (empty when the diagnostics do not tell, e.g. when the generator threw).
/// </summary>
internal sealed class CompileFailure(string message, int[] specs, Exception? inner = null) : InvalidOperationException(message, inner)
{
    /// <summary>The indices of the specs the failure is about, in the order compiled; empty when unknown.</summary>
    public IReadOnlyList<int> Specs { get; } = specs;
}
