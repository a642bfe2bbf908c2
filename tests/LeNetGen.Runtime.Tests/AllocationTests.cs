using LeNetGen.Runtime.Tests.Infrastructure;
using Xunit;

namespace LeNetGen.Runtime.Tests;

/// <summary>Forward allocates nothing once warm: every buffer is the caller's.</summary>
public sealed class AllocationTests
{
    [Theory]
    [MemberData(nameof(NetworkCases.Names), MemberType = typeof(NetworkCases))]
    public void ForwardAllocatesNothingAfterWarmUp(string network) =>
        Assert.Equal(0, NetworkCases.Get(network).AllocatedBytesOfForward(200));
}
