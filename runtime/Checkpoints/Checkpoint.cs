// # Checkpoint file format, version 1
//
// Little-endian throughout. E is the element size (4 for float, 8 for double); elements are stored as their IEEE 754
// bits, so NaN payloads and -0.0 come back unchanged. Keep this table and Checkpoint's remarks in step.
//
// | offset | bytes | field                                                                 |
// |-------:|------:|-----------------------------------------------------------------------|
// |      0 |     8 | magic "LNGCKPT\0"                                                     |
// |      8 |     4 | format version, int32 = 1                                             |
// |     12 |     4 | element size E, int32: 4 (float) or 8 (double)                        |
// |     16 |     8 | spec fingerprint, uint64 (the network's SpecFingerprint)              |
// |     24 |     4 | parameter count P, int32                                              |
// |     28 |     4 | counter count C, int32                                                |
// |     32 |     4 | value count V, int32                                                  |
// |     36 |     4 | state block count B, int32                                            |
// |     40 |     8 | file length L in bytes, int64, this header and the checksum included  |
// |     48 |     8 | header checksum, uint64: FNV-1a 64 of bytes 0..47                     |
// |     56 |       | note: string (empty when there is none)                               |
// |        |   P*E | parameters                                                            |
// |        |       | C counters, each: name string, int64                                  |
// |        |       | V values, each: name string, float64                                  |
// |        |       | B state blocks, each: name string, int32 length n, n*E elements       |
// |    L-8 |     8 | checksum, uint64: FNV-1a 64 of bytes 0..L-9                           |
//
// string: int32 byte count, then that many bytes of UTF-8. Names: 1..255 bytes, unique within their section, in ordinal
// order. FNV-1a 64: h = 0xCBF29CE484222325, then for each byte b: h = (h ^ b) * 0x100000001B3.
//
// The header has its own checksum so that its fields can be trusted before the body is read: another network's file is
// refused without reading its parameters, and a truncated file is told from a corrupted one by the length it promises.

using System;
using System.Numerics;

namespace LeNetGen;

/// <summary>
/// A network's parameters and the training state needed to resume (<see cref="CheckpointState{T}"/>), tagged with the
/// network's spec fingerprint. <see cref="Save"/> writes atomically; <see cref="Load{TNetwork}"/> refuses another
/// network's file, and a truncated or corrupted one, with a <see cref="CheckpointException"/> that says which.
/// </summary>
/// <typeparam name="T">The element type: <see cref="float"/> or <see cref="double"/>.</typeparam>
/// <remarks>
/// <para>The file (format version 1) is little-endian; E is the element size, 4 or 8:</para>
/// <code>
/// offset  bytes  field
///      0      8  magic "LNGCKPT\0"
///      8      4  format version, int32 = 1
///     12      4  element size E, int32
///     16      8  spec fingerprint, uint64
///     24      4  parameter count P, int32
///     28      4  counter count C, int32
///     32      4  value count V, int32
///     36      4  state block count B, int32
///     40      8  file length L, int64
///     48      8  header checksum: FNV-1a 64 of bytes 0..47
///     56         note: int32 byte count, UTF-8
///          P*E   parameters, IEEE 754 bits
///                C counters: name, int64
///                V values: name, float64
///                B state blocks: name, int32 length n, n*E bits
///    L-8      8  checksum: FNV-1a 64 of bytes 0..L-9
/// </code>
/// <para>
/// Names are an int32 byte count and 1 to 255 bytes of UTF-8. Loading checks, in order: the magic; the length of the
/// header; the version; the header checksum; the element size; the spec fingerprint; the parameter count; the file
/// length against the header's; the checksum; then the body's structure. The whole file is read into memory before it
/// is parsed, and no length read from it is trusted beyond the bytes actually present.
/// </para>
/// </remarks>
public sealed class Checkpoint<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly T[] _parameters;

    /// <summary>Creates a checkpoint of <paramref name="parameters"/> (copied) and <paramref name="state"/> (kept, not copied).</summary>
    /// <param name="specFingerprint">The fingerprint of the network's spec, its <c>SpecFingerprint</c>.</param>
    /// <param name="parameters">The parameter buffer, copied bit for bit.</param>
    /// <param name="state">The training state; an empty one when <see langword="null"/>.</param>
    /// <param name="note">Free text, e.g. the command that made the checkpoint; empty when <see langword="null"/>.</param>
    /// <exception cref="NotSupportedException"><typeparamref name="T"/> is neither <see cref="float"/> nor <see cref="double"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="note"/> is not valid UTF-16.</exception>
    public Checkpoint(ulong specFingerprint, ReadOnlySpan<T> parameters, CheckpointState<T>? state = null, string? note = null)
    {
        RequireFloatOrDouble();
        note ??= "";
        CheckpointFormat.TextBytes(note, nameof(note));
        SpecFingerprint = specFingerprint;
        _parameters = parameters.ToArray();
        State = state ?? new CheckpointState<T>();
        Note = note;
    }

    // A checkpoint read from a file takes ownership of the arrays the reader made.
    private Checkpoint(ulong specFingerprint, T[] parameters, CheckpointState<T> state, string note)
    {
        SpecFingerprint = specFingerprint;
        _parameters = parameters;
        State = state;
        Note = note;
    }

    internal static Checkpoint<T> FromFile(ulong specFingerprint, T[] parameters, CheckpointState<T> state, string note) =>
        new(specFingerprint, parameters, state, note);

    /// <summary>The size of one element in the file: 4 for <see cref="float"/>, 8 for <see cref="double"/>.</summary>
    public static int ElementSize => CheckpointFormat.ElementSize<T>();

    /// <summary>The fingerprint of the spec of the network the parameters belong to.</summary>
    public ulong SpecFingerprint { get; }

    /// <summary>The number of parameters.</summary>
    public int ParameterCount => _parameters.Length;

    /// <summary>The parameters; copy them into the network's buffer with <c>Parameters.CopyTo(parameters)</c>.</summary>
    public ReadOnlySpan<T> Parameters => _parameters;

    /// <summary>The training state: counters, values and state blocks by name.</summary>
    public CheckpointState<T> State { get; }

    /// <summary>Free text saved with the checkpoint, e.g. the command that made it; empty when there is none.</summary>
    public string Note { get; }

    /// <summary>Creates a checkpoint of <typeparamref name="TNetwork"/>'s <paramref name="parameters"/> and <paramref name="state"/>.</summary>
    /// <typeparam name="TNetwork">The generated network.</typeparam>
    /// <param name="parameters">The parameter buffer, of length <c>TNetwork.ParameterCount</c>; copied.</param>
    /// <param name="state">The training state, kept; an empty one when <see langword="null"/>.</param>
    /// <param name="note">Free text; empty when <see langword="null"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="parameters"/> has the wrong length, or <paramref name="note"/> is not valid UTF-16.</exception>
    public static Checkpoint<T> Create<TNetwork>(ReadOnlySpan<T> parameters, CheckpointState<T>? state = null, string? note = null)
        where TNetwork : INetwork<TNetwork, T>
    {
        LengthGuard.Require(parameters.Length, TNetwork.ParameterCount, "parameters", nameof(parameters));
        return new Checkpoint<T>(TNetwork.SpecFingerprint, parameters, state, note);
    }

    /// <summary>
    /// Writes the checkpoint to <paramref name="path"/> atomically: to a temporary file in the same directory, flushed to
    /// disk, then renamed over <paramref name="path"/>. If anything fails, the temporary file is deleted and a checkpoint
    /// already at <paramref name="path"/> is left as it was. Temporary files of <paramref name="path"/> that a killed
    /// process left behind are deleted first (loading deletes them too), unless another writer still has one open.
    /// </summary>
    /// <param name="path">The checkpoint's path.</param>
    /// <exception cref="InvalidOperationException">The checkpoint would be larger than <see cref="Array.MaxLength"/> bytes.</exception>
    /// <exception cref="System.IO.IOException">The file could not be written; nothing at <paramref name="path"/> changed.</exception>
    public void Save(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        byte[] bytes = CheckpointEncoder.Encode(this);
        AtomicFile.Write(path, stream => stream.Write(bytes));
    }

    /// <summary>Reads a checkpoint of <typeparamref name="TNetwork"/> from <paramref name="path"/>.</summary>
    /// <typeparam name="TNetwork">The generated network the checkpoint must belong to.</typeparam>
    /// <param name="path">The checkpoint's path.</param>
    /// <exception cref="CheckpointException">
    /// The file is not a checkpoint, has an unsupported version, holds another element type, belongs to another network,
    /// has another parameter count, is truncated or is corrupted; <see cref="CheckpointException.Problem"/> says which.
    /// </exception>
    /// <exception cref="System.IO.IOException">The file could not be read.</exception>
    /// <remarks>
    /// Unlike <see cref="Load(string, ulong, int)"/>, which gives back any bits it stored, this refuses a checkpoint with a
    /// NaN or infinite parameter (<see cref="CheckpointProblem.NonFiniteParameters"/>): a network with one cannot compute,
    /// and would only be found out by an evaluation at chance.
    /// </remarks>
    public static Checkpoint<T> Load<TNetwork>(string path)
        where TNetwork : INetwork<TNetwork, T>
    {
        Checkpoint<T> checkpoint = Load(path, TNetwork.SpecFingerprint, TNetwork.ParameterCount);
        ReadOnlySpan<T> parameters = checkpoint.Parameters;
        int bad = -1, badCount = 0;
        for (int i = 0; i < parameters.Length; i++)
        {
            if (T.IsFinite(parameters[i])) continue;
            if (bad < 0) bad = i;
            badCount++;
        }
        if (bad >= 0)
            throw new CheckpointException(CheckpointProblem.NonFiniteParameters,
                $"Cannot load '{path}': parameter {bad} of {parameters.Length} is {parameters[bad].ToString(null, System.Globalization.CultureInfo.InvariantCulture)}" +
                (badCount > 1 ? $" ({badCount} are not finite)" : "") +
                ": a network with it cannot compute. The run that wrote it had diverged; use an earlier checkpoint.");
        return checkpoint;
    }

    /// <summary>Reads a checkpoint from <paramref name="path"/>, requiring the given fingerprint and parameter count.</summary>
    /// <param name="path">The checkpoint's path.</param>
    /// <param name="expectedFingerprint">The spec fingerprint of the network that will use the parameters.</param>
    /// <param name="expectedParameterCount">That network's parameter count.</param>
    /// <exception cref="CheckpointException">
    /// The file is not a checkpoint, has an unsupported version, holds another element type, belongs to another network,
    /// has another parameter count, is truncated or is corrupted; <see cref="CheckpointException.Problem"/> says which.
    /// </exception>
    /// <exception cref="System.IO.IOException">The file could not be read.</exception>
    public static Checkpoint<T> Load(string path, ulong expectedFingerprint, int expectedParameterCount)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        RequireFloatOrDouble();
        return CheckpointDecoder.Load<T>(path, expectedFingerprint, expectedParameterCount);
    }

    private static void RequireFloatOrDouble()
    {
        if (typeof(T) != typeof(float) && typeof(T) != typeof(double))
            throw new NotSupportedException($"Checkpoints hold float or double elements, not {typeof(T).Name}.");
    }
}
