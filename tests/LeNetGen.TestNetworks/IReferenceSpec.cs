using LeNetGen.Reference;

namespace LeNetGen.TestNetworks;

/// <summary>
/// A test network's second description, written independently of its attributes for the reference implementation:
/// the tests run both and compare.
/// </summary>
internal interface IReferenceSpec
{
    /// <summary>The same network as a <see cref="ReferenceNetwork"/>.</summary>
    static abstract ReferenceNetwork Reference { get; }
}
