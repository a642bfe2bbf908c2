using System;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Text;

namespace LeNetGen;

/// <summary>
/// The constants of the checkpoint format (version 1); the layout is drawn at the top of <c>Checkpoint.cs</c>.
/// </summary>
internal static class CheckpointFormat
{
    /// <summary>"LNGCKPT\0".</summary>
    public static ReadOnlySpan<byte> Magic => "LNGCKPT\0"u8;

    public const int Version = 1;

    // Header field offsets.
    public const int VersionOffset = 8;
    public const int ElementSizeOffset = 12;
    public const int FingerprintOffset = 16;
    public const int ParameterCountOffset = 24;
    public const int CounterCountOffset = 28;
    public const int ValueCountOffset = 32;
    public const int BlockCountOffset = 36;
    public const int FileLengthOffset = 40;
    public const int HeaderChecksumOffset = 48;
    public const int HeaderSize = 56;

    /// <summary>The trailing checksum.</summary>
    public const int ChecksumSize = 8;

    /// <summary>The smallest file: a header, an empty note, the trailing checksum.</summary>
    public const int MinimumLength = HeaderSize + sizeof(int) + ChecksumSize;

    /// <summary>The longest name of a counter, value or state block, in UTF-8 bytes.</summary>
    public const int MaxNameBytes = 255;

    /// <summary>The longest file: one byte array holds it on save and on load.</summary>
    public static long MaxLength => Array.MaxLength;

    /// <summary>UTF-8 that throws on lone surrogates and invalid bytes rather than substituting.</summary>
    public static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Copies <paramref name="values"/> to <paramref name="bytes"/> as little-endian IEEE 754 bits.</summary>
    public static void WriteElements<T>(ReadOnlySpan<T> values, Span<byte> bytes)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        MemoryMarshal.AsBytes(values).CopyTo(bytes);
        if (!BitConverter.IsLittleEndian) ReverseEach(bytes[..(values.Length * ElementSize<T>())], ElementSize<T>());
    }

    /// <summary>Copies little-endian IEEE 754 bits from <paramref name="bytes"/> to <paramref name="values"/>.</summary>
    public static void ReadElements<T>(ReadOnlySpan<byte> bytes, Span<T> values)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Span<byte> destination = MemoryMarshal.AsBytes(values);
        bytes[..destination.Length].CopyTo(destination);
        if (!BitConverter.IsLittleEndian) ReverseEach(destination, ElementSize<T>());
    }

    /// <summary>The size of one element: 4 for float, 8 for double.</summary>
    public static int ElementSize<T>() where T : unmanaged => System.Runtime.CompilerServices.Unsafe.SizeOf<T>();

    private static void ReverseEach(Span<byte> bytes, int size)
    {
        for (int i = 0; i < bytes.Length; i += size) bytes.Slice(i, size).Reverse();
    }

    /// <summary>"float", "double", or "N-byte" for a size no element type has.</summary>
    public static string ElementName(int elementSize) => elementSize switch
    {
        4 => "float",
        8 => "double",
        _ => $"{elementSize}-byte",
    };

    /// <summary>The UTF-8 bytes of a counter, value or block name; throws <see cref="ArgumentException"/> on a bad one.</summary>
    public static byte[] NameBytes(string name, string paramName)
    {
        ArgumentException.ThrowIfNullOrEmpty(name, paramName);
        byte[] bytes = TextBytes(name, paramName);
        if (bytes.Length > MaxNameBytes)
            throw new ArgumentException(
                $"A state name takes at most {MaxNameBytes} UTF-8 bytes; '{name[..16]}...' takes {bytes.Length}.", paramName);
        return bytes;
    }

    /// <summary>The UTF-8 bytes of <paramref name="text"/>; throws <see cref="ArgumentException"/> on a lone surrogate.</summary>
    public static byte[] TextBytes(string text, string paramName)
    {
        try
        {
            return Utf8.GetBytes(text);
        }
        catch (EncoderFallbackException e)
        {
            throw new ArgumentException($"The text is not valid UTF-16 (a lone surrogate at index {e.Index}).", paramName, e);
        }
    }
}
