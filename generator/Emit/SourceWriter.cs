using System;
using System.Text;
using LeNetGen.Generator.Check;

namespace LeNetGen.Generator.Emit;

/// <summary>
/// A <see cref="StringBuilder"/> with an indent level. Lines end with '\n' on every platform, so generated files are
/// byte-identical everywhere; <see cref="Block"/> opens a brace and closes it when disposed. It holds at most
/// <see cref="Limits.MaxGeneratedSource"/> characters: past that it throws <see cref="GeneratedSourceTooLargeException"/>,
/// so no spec can make the generator write (and hold) more than that, whatever the cost model missed.
/// </summary>
internal sealed class SourceWriter
{
    private const int IndentSize = 4;
    private readonly StringBuilder _text = new();
    private readonly long[]? _perLayer;
    private int _indent;

    public SourceWriter() { }

    /// <param name="perLayer">Where to add up the characters written while <see cref="Layer"/> names a layer (by its
    /// index in the plan), so that LNG0303 can name the layer that writes most of a source that is too large.</param>
    public SourceWriter(long[]? perLayer) => _perLayer = perLayer;

    /// <summary>The plan index of the layer whose code is being written, or -1 for the network's own code.</summary>
    public int Layer { get; set; } = -1;

    public void Line() => Line("");

    public void Line(string line)
    {
        int before = _text.Length;
        if (line.Length > 0) _text.Append(' ', _indent * IndentSize).Append(line);
        _text.Append('\n');
        if (_perLayer is not null && Layer >= 0 && Layer < _perLayer.Length) _perLayer[Layer] += _text.Length - before;
        if (_text.Length > Limits.MaxGeneratedSource) throw new GeneratedSourceTooLargeException(_text.Length);
    }

    /// <summary>Writes each line of <paramref name="lines"/> (separated by '\n') at the current indent.</summary>
    public void Lines(string lines)
    {
        foreach (string line in lines.Split('\n')) Line(line.TrimEnd('\r'));
    }

    public IDisposable Block(string? header = null)
    {
        if (header is not null) Line(header);
        Line("{");
        _indent++;
        return new Closer(this);
    }

    public void Indent() => _indent++;

    public void Unindent() => _indent--;

    public override string ToString() => _text.ToString();

    private sealed class Closer : IDisposable
    {
        private readonly SourceWriter _writer;
        private bool _closed;

        public Closer(SourceWriter writer) => _writer = writer;

        public void Dispose()
        {
            if (_closed) return;
            _closed = true;
            _writer._indent--;
            _writer.Line("}");
        }
    }
}
