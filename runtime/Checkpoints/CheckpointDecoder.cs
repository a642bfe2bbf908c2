using System;
using System.Buffers.Binary;
using System.IO;
using System.Numerics;
using System.Text;

namespace LeNetGen;

/// <summary>
/// Reads a version-1 checkpoint (drawn at the top of <c>Checkpoint.cs</c>), checking the header before reading the body
/// and the checksum before parsing it. Every refusal is a <see cref="CheckpointException"/> whose message names the file
/// and says which check failed, with what was expected and what was found.
/// </summary>
internal static class CheckpointDecoder
{
    public static Checkpoint<T> Load<T>(string path, ulong expectedFingerprint, int expectedParameterCount)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentOutOfRangeException.ThrowIfNegative(expectedParameterCount);
        if (Directory.Exists(path)) throw Refuse(CheckpointProblem.NotACheckpoint, path, "it is a folder, not a checkpoint file.");
        if (!File.Exists(path)) throw new FileNotFoundException($"Cannot load '{path}': there is no such file.", path);
        AtomicFile.RemoveStaleTemporaries(path);
        // A FIFO (or another file that is not a regular one) reports no length; opening it would wait for a writer forever.
        if (new FileInfo(path).Length == 0)
            throw Refuse(CheckpointProblem.Truncated, path,
                $"the file is truncated (it is empty, or not a regular file): it ends at byte 0 but a checkpoint header takes {CheckpointFormat.HeaderSize} bytes.");
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0);
        long fileLength = file.Length;
        Span<byte> head = stackalloc byte[CheckpointFormat.HeaderSize];
        int got = file.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        CheckpointHeader header = CheckHeader<T>(path, head[..got], fileLength, expectedFingerprint, expectedParameterCount);

        // The header's length was checked against the file's, so this allocation is no larger than the file.
        byte[] bytes = new byte[header.FileLength];
        head.CopyTo(bytes);
        int read = head.Length + file.ReadAtLeast(bytes.AsSpan(head.Length), bytes.Length - head.Length, throwOnEndOfStream: false);
        if (read < bytes.Length) throw Truncated(path, read, header.FileLength); // it shrank while we read
        return Decode<T>(path, bytes, header);
    }

    private static CheckpointHeader CheckHeader<T>(
        string path, ReadOnlySpan<byte> head, long fileLength, ulong expectedFingerprint, int expectedParameterCount)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ReadOnlySpan<byte> magic = CheckpointFormat.Magic;
        int prefix = Math.Min(head.Length, magic.Length);
        if (!head[..prefix].SequenceEqual(magic[..prefix]))
            throw Refuse(CheckpointProblem.NotACheckpoint, path,
                $"it is not a LeNetGen checkpoint: expected the magic bytes {Hex(magic)} (\"LNGCKPT\\0\"), found {Hex(head[..prefix])}.");
        if (head.Length < CheckpointFormat.HeaderSize)
            throw Refuse(CheckpointProblem.Truncated, path,
                $"the file is truncated: it ends at byte {head.Length} but a checkpoint header takes {CheckpointFormat.HeaderSize} bytes.");

        int version = BinaryPrimitives.ReadInt32LittleEndian(head[CheckpointFormat.VersionOffset..]);
        if (version != CheckpointFormat.Version)
            throw Refuse(CheckpointProblem.UnsupportedVersion, path,
                $"unsupported checkpoint format version: expected {CheckpointFormat.Version}, found {version}" +
                (version > CheckpointFormat.Version ? " (written by a newer LeNetGen?)." : "."));

        ulong stored = CheckpointHeader.StoredChecksum(head), computed = CheckpointHeader.ComputeChecksum(head);
        if (stored != computed)
            throw Refuse(CheckpointProblem.Corrupted, path,
                $"the header is corrupted: expected header checksum 0x{stored:X16} (stored in the file), found 0x{computed:X16} (computed from the header).");

        CheckpointHeader header = CheckpointHeader.Read(head);
        int elementSize = CheckpointFormat.ElementSize<T>();
        if (header.ElementSize != elementSize)
            throw Refuse(CheckpointProblem.ElementTypeMismatch, path,
                $"it holds {CheckpointFormat.ElementName(header.ElementSize)} values, this network {CheckpointFormat.ElementName(elementSize)}: " +
                $"expected element size {elementSize}, found {header.ElementSize}.");
        if (header.Fingerprint != expectedFingerprint)
            throw new CheckpointException(CheckpointProblem.WrongNetwork,
                $"Cannot load '{path}': this checkpoint belongs to another network: spec fingerprint 0x{header.Fingerprint:X16}, this network's is 0x{expectedFingerprint:X16}.",
                header.Fingerprint);
        if (header.ParameterCount != expectedParameterCount)
            throw Refuse(CheckpointProblem.ParameterCountMismatch, path,
                $"it holds another number of parameters: expected {expectedParameterCount}, found {header.ParameterCount}.");

        if (header.FileLength < CheckpointFormat.MinimumLength || header.FileLength > CheckpointFormat.MaxLength)
            throw Refuse(CheckpointProblem.Corrupted, path,
                $"the header promises {header.FileLength} bytes, outside the {CheckpointFormat.MinimumLength} to {CheckpointFormat.MaxLength} a checkpoint can take.");
        if (header.CounterCount < 0 || header.ValueCount < 0 || header.BlockCount < 0)
            throw Refuse(CheckpointProblem.Corrupted, path,
                $"the header counts {header.CounterCount} counters, {header.ValueCount} values and {header.BlockCount} state blocks.");
        if (fileLength < header.FileLength) throw Truncated(path, fileLength, header.FileLength);
        if (fileLength > header.FileLength)
            throw Refuse(CheckpointProblem.Corrupted, path,
                $"the file is longer than its header says: expected {header.FileLength} bytes, found {fileLength}.");
        return header;
    }

    private static Checkpoint<T> Decode<T>(string path, byte[] bytes, CheckpointHeader header)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int end = bytes.Length - CheckpointFormat.ChecksumSize;
        ulong stored = BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan(end)), computed = Fnv1a64.Hash(bytes.AsSpan(0, end));
        if (stored != computed)
            throw Refuse(CheckpointProblem.Corrupted, path,
                $"the contents are corrupted: expected checksum 0x{stored:X16} (stored in the file), found 0x{computed:X16} (computed from its contents).");

        // From here on the bytes are as written; a structural error means a faulty writer, still refused, never trusted.
        var reader = new Reader(bytes.AsSpan(0, end), CheckpointFormat.HeaderSize, path);
        string note = reader.Text("the note", 0, int.MaxValue);

        T[] parameters = reader.Elements<T>(header.ParameterCount, "the parameters");

        var state = new CheckpointState<T>();
        for (int i = 0; i < header.CounterCount; i++)
        {
            int at = reader.Position;
            string name = reader.Name("a counter's name");
            if (!state.TryAddCounter(name, reader.Int64("a counter"))) throw Duplicate(path, at, "counter", name);
        }
        for (int i = 0; i < header.ValueCount; i++)
        {
            int at = reader.Position;
            string name = reader.Name("a value's name");
            if (!state.TryAddValue(name, BitConverter.Int64BitsToDouble(reader.Int64("a value")))) throw Duplicate(path, at, "value", name);
        }
        for (int i = 0; i < header.BlockCount; i++)
        {
            int at = reader.Position;
            string name = reader.Name("a state block's name");
            T[] block = reader.Elements<T>(reader.Int32("a state block's length"), $"state block '{name}'");
            if (!state.TryAddBlock(name, block)) throw Duplicate(path, at, "state block", name);
        }

        if (reader.Remaining != 0)
            throw Malformed(path, reader.Position, $"{reader.Remaining} bytes are left over after the last state block");
        return Checkpoint<T>.FromFile(header.Fingerprint, parameters, state, note);
    }

    /// <summary>Reads the body, refusing any length that reaches past the checksum before acting on it.</summary>
    private ref struct Reader
    {
        private readonly ReadOnlySpan<byte> _bytes;
        private readonly string _path;

        public Reader(ReadOnlySpan<byte> bytes, int start, string path)
        {
            _bytes = bytes;
            _path = path;
            Position = start;
        }

        /// <summary>The offset in the file of the next byte to read.</summary>
        public int Position { get; private set; }

        public readonly int Remaining => _bytes.Length - Position;

        public ReadOnlySpan<byte> Take(long count, string what)
        {
            if (count < 0 || count > Remaining)
                throw Malformed(_path, Position, $"{what} takes {count} bytes, but {Remaining} remain before the checksum");
            ReadOnlySpan<byte> slice = _bytes.Slice(Position, (int)count);
            Position += (int)count;
            return slice;
        }

        public int Int32(string what) => BinaryPrimitives.ReadInt32LittleEndian(Take(sizeof(int), what));

        public long Int64(string what) => BinaryPrimitives.ReadInt64LittleEndian(Take(sizeof(long), what));

        public string Text(string what, int minBytes, int maxBytes)
        {
            int at = Position;
            int length = Int32($"{what}'s length");
            if (length < minBytes || length > maxBytes)
                throw Malformed(_path, at, $"{what} takes {minBytes} to {maxBytes} bytes, found {length}");
            ReadOnlySpan<byte> text = Take(length, what);
            try
            {
                return CheckpointFormat.Utf8.GetString(text);
            }
            catch (DecoderFallbackException)
            {
                throw Malformed(_path, at, $"{what} is not valid UTF-8");
            }
        }

        public string Name(string what) => Text(what, 1, CheckpointFormat.MaxNameBytes);

        public T[] Elements<T>(int count, string what)
            where T : unmanaged, IFloatingPointIeee754<T>
        {
            if (count < 0) throw Malformed(_path, Position, $"{what} has {count} values");
            ReadOnlySpan<byte> bytes = Take((long)count * CheckpointFormat.ElementSize<T>(), what);
            var values = new T[count];
            CheckpointFormat.ReadElements(bytes, values.AsSpan());
            return values;
        }
    }

    private static string Hex(ReadOnlySpan<byte> bytes) => bytes.IsEmpty ? "nothing" : BitConverter.ToString(bytes.ToArray());

    private static CheckpointException Truncated(string path, long end, long promised) =>
        Refuse(CheckpointProblem.Truncated, path, $"the file is truncated: it ends at byte {end} but the header promises {promised}.");

    private static CheckpointException Malformed(string path, int at, string what) =>
        Refuse(CheckpointProblem.Corrupted, path, $"the contents are corrupted at byte {at}: {what}.");

    private static CheckpointException Duplicate(string path, int at, string kind, string name) =>
        Malformed(path, at, $"a second {kind} named '{name}'");

    private static CheckpointException Refuse(CheckpointProblem problem, string path, string reason) =>
        new(problem, $"Cannot load '{path}': {reason}");
}
