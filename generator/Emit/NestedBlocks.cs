using System;

namespace LeNetGen.Generator.Emit;

/// <summary>Two blocks opened one inside the other (two loops, say), closed together: the inner first.</summary>
internal sealed class NestedBlocks : IDisposable
{
    private readonly IDisposable _inner, _outer;

    public NestedBlocks(IDisposable inner, IDisposable outer)
    {
        _inner = inner;
        _outer = outer;
    }

    public void Dispose()
    {
        _inner.Dispose();
        _outer.Dispose();
    }
}
