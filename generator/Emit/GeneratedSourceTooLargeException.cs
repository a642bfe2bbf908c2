using System;

namespace LeNetGen.Generator.Emit;

/// <summary>
/// Thrown by <see cref="SourceWriter"/> when one generated file passes <see cref="Check.Limits.MaxGeneratedSource"/>
/// characters; <see cref="EmittedNetwork"/> turns it into LNG0303.
/// </summary>
internal sealed class GeneratedSourceTooLargeException : Exception
{
    public GeneratedSourceTooLargeException(long length)
        : base($"the generated source passed {length} characters") => Length = length;

    /// <summary>The characters written when the limit was passed.</summary>
    public long Length { get; }
}
