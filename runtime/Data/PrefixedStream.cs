using System;
using System.IO;

namespace LeNetGen;

/// <summary>
/// A read-only stream that replays a few bytes already read from <c>inner</c> and then continues with it: how
/// <see cref="IdxReader"/> peeks at the gzip magic of a stream that cannot seek.
/// </summary>
internal sealed class PrefixedStream(byte[] prefix, int prefixLength, Stream inner) : Stream
{
    private int position;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (position < prefixLength)
        {
            int n = Math.Min(buffer.Length, prefixLength - position);
            prefix.AsSpan(position, n).CopyTo(buffer);
            position += n;
            return n;
        }
        return inner.Read(buffer);
    }

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) inner.Dispose();
        base.Dispose(disposing);
    }
}
