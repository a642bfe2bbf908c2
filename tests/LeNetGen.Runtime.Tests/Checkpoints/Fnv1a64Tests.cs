using System.Text;
using Xunit;

namespace LeNetGen.Runtime.Tests.Checkpoints;

/// <summary>The checksum is standard 64-bit FNV-1a, so other tools can check a checkpoint.</summary>
public sealed class Fnv1a64Tests
{
    [Theory]
    [InlineData("", 0xCBF29CE484222325UL)]
    [InlineData("a", 0xAF63DC4C8601EC8CUL)]
    [InlineData("foobar", 0x85944171F73967E8UL)]
    public void MatchesThePublishedTestVectors(string text, ulong expected) =>
        Assert.Equal(expected, Fnv1a64.Hash(Encoding.ASCII.GetBytes(text)));
}
