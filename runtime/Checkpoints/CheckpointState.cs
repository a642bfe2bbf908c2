using System;
using System.Collections.Generic;
using System.Numerics;

namespace LeNetGen;

/// <summary>
/// The training state a checkpoint carries beside the parameters, by name: counters (epoch, step, the random generator's
/// state), values (learning rate) and state blocks (momentum buffers, the diagonal Hessian estimates h_kk).
/// </summary>
/// <typeparam name="T">The element type of the state blocks: <see cref="float"/> or <see cref="double"/>.</typeparam>
/// <remarks>
/// Names are non-empty, at most 255 UTF-8 bytes, and unique within counters, within values and within blocks; a file lists
/// each kind in ordinal order of names, so equal states save to equal bytes. Setting a name again replaces its entry.
/// Asking for a name the state lacks, or copying a block into a span of another length, throws
/// <see cref="CheckpointException"/>: a checkpoint from an older trainer is refused with a message rather than
/// resumed half-initialized.
/// </remarks>
public sealed class CheckpointState<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly SortedDictionary<string, long> _counters = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, double> _values = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, ReadOnlyMemory<T>> _blocks = new(StringComparer.Ordinal);

    /// <summary>Creates an empty state.</summary>
    public CheckpointState()
    {
    }

    /// <summary>Integer state by name, in ordinal order: "epoch", "step", "rng" (a generator's state, cast unchecked).</summary>
    public IReadOnlyDictionary<string, long> Counters => _counters;

    /// <summary>Real-valued state by name, in ordinal order: "learning_rate". Saved as IEEE 754 bits, NaN payloads included.</summary>
    public IReadOnlyDictionary<string, double> Values => _values;

    /// <summary>State blocks by name, in ordinal order: "momentum", "hkk". Each is a copy the state owns.</summary>
    public IReadOnlyDictionary<string, ReadOnlyMemory<T>> Blocks => _blocks;

    /// <summary>Sets the counter <paramref name="name"/>.</summary>
    /// <param name="name">The counter's name, e.g. "epoch".</param>
    /// <param name="value">Its value. For a <see cref="ulong"/> such as <see cref="SeededRandom.State"/>, cast with <c>unchecked((long)state)</c>.</param>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty, too long or not valid UTF-16.</exception>
    public void SetCounter(string name, long value)
    {
        CheckpointFormat.NameBytes(name, nameof(name));
        _counters[name] = value;
    }

    /// <summary>Sets the value <paramref name="name"/>.</summary>
    /// <param name="name">The value's name, e.g. "learning_rate".</param>
    /// <param name="value">Its value.</param>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty, too long or not valid UTF-16.</exception>
    public void SetValue(string name, double value)
    {
        CheckpointFormat.NameBytes(name, nameof(name));
        _values[name] = value;
    }

    /// <summary>Sets the state block <paramref name="name"/> to a copy of <paramref name="values"/>.</summary>
    /// <param name="name">The block's name, e.g. "momentum".</param>
    /// <param name="values">Its contents, copied bit for bit.</param>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty, too long or not valid UTF-16.</exception>
    public void SetBlock(string name, ReadOnlySpan<T> values)
    {
        CheckpointFormat.NameBytes(name, nameof(name));
        _blocks[name] = values.ToArray();
    }

    /// <summary>The counter <paramref name="name"/>.</summary>
    /// <param name="name">The counter's name.</param>
    /// <exception cref="CheckpointException">The state has no counter of that name (<see cref="CheckpointProblem.MissingState"/>).</exception>
    public long GetCounter(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return _counters.TryGetValue(name, out long value) ? value : throw Missing("counter", name, _counters.Keys);
    }

    /// <summary>The value <paramref name="name"/>.</summary>
    /// <param name="name">The value's name.</param>
    /// <exception cref="CheckpointException">The state has no value of that name (<see cref="CheckpointProblem.MissingState"/>).</exception>
    public double GetValue(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return _values.TryGetValue(name, out double value) ? value : throw Missing("value", name, _values.Keys);
    }

    /// <summary>Copies the state block <paramref name="name"/> into <paramref name="destination"/>, which must have its length.</summary>
    /// <param name="name">The block's name.</param>
    /// <param name="destination">Receives the block; its length is the one the caller expects.</param>
    /// <exception cref="CheckpointException">
    /// The state has no block of that name (<see cref="CheckpointProblem.MissingState"/>), or the block's length is not
    /// <paramref name="destination"/>'s (<see cref="CheckpointProblem.StateLengthMismatch"/>).
    /// </exception>
    public void CopyBlockTo(string name, Span<T> destination)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!_blocks.TryGetValue(name, out ReadOnlyMemory<T> block)) throw Missing("state block", name, _blocks.Keys);
        if (block.Length != destination.Length)
            throw new CheckpointException(CheckpointProblem.StateLengthMismatch,
                $"The checkpoint's state block '{name}' has the wrong length: expected {destination.Length}, found {block.Length}.");
        block.Span.CopyTo(destination);
    }

    // Entries read from a file, whose names were checked; false on a name already present.
    internal bool TryAddCounter(string name, long value) => _counters.TryAdd(name, value);
    internal bool TryAddValue(string name, double value) => _values.TryAdd(name, value);
    internal bool TryAddBlock(string name, T[] values) => _blocks.TryAdd(name, values);

    private static CheckpointException Missing(string kind, string name, IEnumerable<string> names)
    {
        string present = string.Join(", ", names);
        return new CheckpointException(CheckpointProblem.MissingState,
            $"The checkpoint has no {kind} named '{name}'; its {kind}s are: {(present.Length == 0 ? "none" : present)}.");
    }
}
