using System;
using System.IO;

namespace LeNetGen;

/// <summary>
/// A read-only pass-through stream that remembers the last 8 bytes read from <c>inner</c>: after a gzip stream has
/// been read to its end they are its trailer (CRC-32, then the data's length mod 2^32), which lets
/// <see cref="IdxReader"/> notice a file cut off before it; .NET's decompressor reports such a file as a clean end.
/// </summary>
internal sealed class TailRecordingStream(Stream inner) : Stream
{
    public const int TailLength = 8;

    private readonly byte[] tail = new byte[TailLength];

    /// <summary>The number of bytes read through so far.</summary>
    public long BytesRead { get; private set; }

    /// <summary>The last bytes read (all of them when fewer than <see cref="TailLength"/>), oldest first.</summary>
    public ReadOnlySpan<byte> Tail => tail.AsSpan(TailLength - (int)Math.Min(BytesRead, TailLength));

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        int n = inner.Read(buffer);
        if (n >= TailLength)
        {
            buffer.Slice(n - TailLength, TailLength).CopyTo(tail);
        }
        else if (n > 0)
        {
            tail.AsSpan(n).CopyTo(tail); // shift the older bytes left
            buffer[..n].CopyTo(tail.AsSpan(TailLength - n));
        }
        BytesRead += n;
        return n;
    }

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
