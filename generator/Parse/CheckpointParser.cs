using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using LeNetGen.Generator.Check;
using LeNetGen.Generator.Model;

namespace LeNetGen.Generator.Parse;

/// <summary>
/// Reads a version-1 checkpoint from its bytes, as the runtime's loader does (runtime/Checkpoints: CheckpointDecoder,
/// the format drawn at the top of Checkpoint.cs), without referencing the runtime: the generator is netstandard2.0 and
/// loaded by the compiler. The checks and their order are the runtime's: the magic, the header's length, the version,
/// the header checksum, then (the header now trusted) the file's length against the header's, the checksum, the body's
/// structure and last the parameters' finiteness. Pure and total: no length read from the file is trusted beyond the
/// bytes present, and every fault is a <see cref="ParsedCheckpoint.Fault"/>, never an exception. All reads are
/// little-endian whatever the machine.
/// </summary>
internal static class CheckpointParser
{
    private static readonly byte[] Magic = { (byte)'L', (byte)'N', (byte)'G', (byte)'C', (byte)'K', (byte)'P', (byte)'T', 0 };
    private const int Version = 1;
    private const int HeaderSize = 56;
    private const int ChecksumSize = 8;
    private const int MinimumLength = HeaderSize + 4 + ChecksumSize;
    private const int MaxNameBytes = 255;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static ParsedCheckpoint Parse(string path, byte[] bytes)
    {
        var none = new ParsedCheckpoint(path);
        int prefix = bytes.Length < Magic.Length ? bytes.Length : Magic.Length;
        for (int i = 0; i < prefix; i++)
            if (bytes[i] != Magic[i])
                return none with { Fault = CheckpointFault.NotACheckpoint, Detail = "it is not a LeNetGen checkpoint: expected the magic bytes " + Hex(Magic, 0, Magic.Length) + " (\"LNGCKPT\\0\"), found " + Hex(bytes, 0, prefix) };
        if (bytes.Length < HeaderSize)
            return none with { Fault = CheckpointFault.Truncated, Detail = "it ends at byte " + N(bytes.Length) + " but a checkpoint header takes " + N(HeaderSize) + " bytes" };

        int version = Int32(bytes, 8);
        if (version != Version)
            return none with { Fault = CheckpointFault.NotACheckpoint, Detail = "it has format version " + N(version) + ", this LeNetGen reads version " + N(Version) + (version > Version ? " (written by a newer LeNetGen?)" : "") };

        ulong storedHeader = UInt64(bytes, 48), computedHeader = Fnv1a64.Of(bytes, 0, 48);
        if (storedHeader != computedHeader)
            return none with { Fault = CheckpointFault.Corrupted, Detail = "the header is corrupted: expected header checksum 0x" + X(storedHeader) + " (stored in the file), found 0x" + X(computedHeader) + " (computed from the header)" };

        var header = none with
        {
            HeaderValid = true,
            ElementSize = Int32(bytes, 12),
            Fingerprint = UInt64(bytes, 16),
            ParameterCount = Int32(bytes, 24),
        };
        int counters = Int32(bytes, 28), values = Int32(bytes, 32), blocks = Int32(bytes, 36);
        long promised = Int64(bytes, 40);

        if (header.ElementSize != 4 && header.ElementSize != 8)
            return header with { Fault = CheckpointFault.Corrupted, Detail = "its element size is " + N(header.ElementSize) + "; a checkpoint holds float (4) or double (8) elements" };
        if (header.ParameterCount < 0 || counters < 0 || values < 0 || blocks < 0)
            return header with { Fault = CheckpointFault.Corrupted, Detail = "the header's counts are negative: " + N(header.ParameterCount) + " parameters, " + N(counters) + " counters, " + N(values) + " values and " + N(blocks) + " state blocks" };
        if (promised < MinimumLength)
            return header with { Fault = CheckpointFault.Corrupted, Detail = "the header promises " + N(promised) + " bytes, less than the smallest checkpoint's " + N(MinimumLength) };
        if (bytes.Length < promised)
            return header with { Fault = CheckpointFault.Truncated, Detail = "it ends at byte " + N(bytes.Length) + " but the header promises " + N(promised) };
        if (bytes.Length > promised)
            return header with { Fault = CheckpointFault.Corrupted, Detail = "the file is longer than its header says: expected " + N(promised) + " bytes, found " + N(bytes.Length) };

        int end = bytes.Length - ChecksumSize;
        ulong stored = UInt64(bytes, end), computed = Fnv1a64.Of(bytes, 0, end);
        if (stored != computed)
            return header with { Fault = CheckpointFault.Corrupted, Detail = "the contents are corrupted: expected checksum 0x" + X(stored) + " (stored in the file), found 0x" + X(computed) + " (computed from its contents)" };

        // The bytes are as written; a structural error means a faulty writer, still refused.
        var reader = new Reader(bytes, HeaderSize, end);
        string? problem = reader.Text("the note", 0, int.MaxValue);
        int parametersAt = reader.Position;
        long parameterBytes = (long)header.ParameterCount * header.ElementSize;
        problem ??= reader.Skip(parameterBytes, "the parameters");
        for (int i = 0; problem is null && i < counters; i++)
            problem = reader.Text("a counter's name", 1, MaxNameBytes) ?? reader.Skip(8, "a counter");
        for (int i = 0; problem is null && i < values; i++)
            problem = reader.Text("a value's name", 1, MaxNameBytes) ?? reader.Skip(8, "a value");
        for (int i = 0; problem is null && i < blocks; i++)
        {
            problem = reader.Text("a state block's name", 1, MaxNameBytes);
            if (problem is null)
            {
                int at = reader.Position;
                problem = reader.Skip(4, "a state block's length");
                if (problem is null)
                {
                    int length = Int32(bytes, at);
                    problem = length < 0 ? reader.At(at, "a state block has " + N(length) + " values") : reader.Skip((long)length * header.ElementSize, "a state block");
                }
            }
        }
        if (problem is null && reader.Position != end)
            problem = reader.At(reader.Position, N(end - reader.Position) + " bytes are left over after the last state block");
        if (problem is not null)
            return header with { Fault = CheckpointFault.Corrupted, Detail = "the contents are corrupted at " + problem };

        var parameters = ImmutableArray.Create(bytes, parametersAt, (int)parameterBytes);
        var parsed = header with { Parameters = new EquatableArray<byte>(parameters) };
        return NonFinite(parsed, bytes, parametersAt) is string nonFinite
            ? parsed with { Fault = CheckpointFault.NonFiniteParameters, Detail = nonFinite }
            : parsed;
    }

    /// <summary>"parameter 3 of 10 is NaN (2 are not finite)", or null when every parameter is finite.</summary>
    private static string? NonFinite(ParsedCheckpoint checkpoint, byte[] bytes, int start)
    {
        int first = -1, count = 0;
        string firstValue = "";
        for (int i = 0; i < checkpoint.ParameterCount; i++)
        {
            int at = start + i * checkpoint.ElementSize;
            bool infinite, nan;
            if (checkpoint.ElementSize == 4)
            {
                uint bits = (uint)Int32(bytes, at);
                bool allOnes = (bits & 0x7F800000u) == 0x7F800000u;
                nan = allOnes && (bits & 0x007FFFFFu) != 0;
                infinite = allOnes && !nan;
            }
            else
            {
                ulong bits = UInt64(bytes, at);
                bool allOnes = (bits & 0x7FF0000000000000UL) == 0x7FF0000000000000UL;
                nan = allOnes && (bits & 0x000FFFFFFFFFFFFFUL) != 0;
                infinite = allOnes && !nan;
            }
            if (!nan && !infinite) continue;
            if (first < 0)
            {
                first = i;
                bool negative = (bytes[at + checkpoint.ElementSize - 1] & 0x80) != 0;
                firstValue = nan ? "NaN" : negative ? "-Infinity" : "Infinity";
            }
            count++;
        }
        if (first < 0) return null;
        return "parameter " + N(first) + " of " + N(checkpoint.ParameterCount) + " is " + firstValue + (count > 1 ? " (" + N(count) + " are not finite)" : "");
    }

    /// <summary>Walks the body, refusing any length that reaches past the checksum; each method gives a problem or null.</summary>
    private sealed class Reader
    {
        private readonly byte[] _bytes;
        private readonly int _end;

        public Reader(byte[] bytes, int start, int end)
        {
            _bytes = bytes;
            Position = start;
            _end = end;
        }

        public int Position { get; private set; }

        public string At(int at, string what) => "byte " + N(at) + ": " + what;

        public string? Skip(long count, string what)
        {
            long remaining = _end - Position;
            if (count < 0 || count > remaining)
                return At(Position, what + " takes " + N(count) + " bytes, but " + N(remaining) + " remain before the checksum");
            Position += (int)count;
            return null;
        }

        public string? Text(string what, int minBytes, int maxBytes)
        {
            int at = Position;
            if (Skip(4, what + "'s length") is string problem) return problem;
            int length = Int32(_bytes, at);
            if (length < minBytes || length > maxBytes)
                return At(at, what + " takes " + N(minBytes) + " to " + N(maxBytes) + " bytes, found " + N(length));
            int textAt = Position;
            if (Skip(length, what) is string tooLong) return tooLong;
            try
            {
                StrictUtf8.GetString(_bytes, textAt, length);
            }
            catch (DecoderFallbackException)
            {
                return At(at, what + " is not valid UTF-8");
            }
            return null;
        }
    }

    private static int Int32(byte[] b, int at) => b[at] | b[at + 1] << 8 | b[at + 2] << 16 | b[at + 3] << 24;

    private static ulong UInt64(byte[] b, int at) => (uint)Int32(b, at) | (ulong)(uint)Int32(b, at + 4) << 32;

    private static long Int64(byte[] b, int at) => unchecked((long)UInt64(b, at));

    private static string N(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string X(ulong value) => value.ToString("X16", CultureInfo.InvariantCulture);

    private static string Hex(byte[] bytes, int start, int count)
    {
        if (count == 0) return "nothing";
        var text = new StringBuilder();
        for (int i = start; i < start + count; i++)
        {
            if (i > start) text.Append('-');
            text.Append(bytes[i].ToString("X2", CultureInfo.InvariantCulture));
        }
        return text.ToString();
    }
}
