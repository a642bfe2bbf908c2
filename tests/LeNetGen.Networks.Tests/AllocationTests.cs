using System.Linq;
using LeNetGen.TestNetworks.Infrastructure;
using Xunit;

namespace LeNetGen.Networks.Tests;

/// <summary>
/// Forward allocates nothing once warm: every buffer is the caller's. The least of three rounds of 200 calls: the
/// runtime can now and then allocate a few KB on the calling thread outside our code (seen once in CI's script on a
/// loaded machine: 8,072 bytes in one round); a forward pass that allocated would show in every round.
/// </summary>
public sealed class AllocationTests
{
    [Theory]
    [MemberData(nameof(NetworkCases.Names), MemberType = typeof(NetworkCases))]
    public void ForwardAllocatesNothingAfterWarmUp(string network) =>
        Assert.Equal(0, Enumerable.Range(0, 3).Min(_ => NetworkCases.Get(network).AllocatedBytesOfForward(200)));
}
