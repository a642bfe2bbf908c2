using System;
using System.Collections.Generic;
using System.Linq;
using LeNetGen.Generator.Diagnostics;
using LeNetGen.Generator.Model;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LeNetGen.Generator.Parse;

/// <summary>
/// Reads the MSBuild properties the generator takes (made visible to it by the package's LeNetGen.props as
/// CompilerVisibleProperty items) into <see cref="EmitOptions"/>. Today one: <see cref="VectorWidths"/>.
/// </summary>
internal static class BuildProperties
{
    /// <summary>
    /// The vector widths to write the kernels for, in bits, separated by commas or spaces: "512,256,128" (the default),
    /// "256,128" for a program that never runs on AVX-512. The tile kernels run the widest accelerated width listed, else
    /// the narrowest listed (on a processor without it, through .NET's software fallback); each one-sample layer runs the
    /// widest accelerated width listed that fits it, else its scalar method.
    /// </summary>
    public const string VectorWidths = "LeNetGenVectorWidths";

    /// <summary>
    /// The copy of <see cref="VectorWidths"/> the package's LeNetGen.targets makes, semicolons turned into commas (the
    /// compiler's .editorconfig would end the value at the first ';'); read first. A project that references the
    /// generator directly makes <see cref="VectorWidths"/> itself visible to the compiler instead.
    /// </summary>
    public const string PackagedVectorWidths = "_LeNetGenVectorWidths";

    private static readonly int[] Known = { 512, 256, 128 };

    public static EmitOptions.Result Read(AnalyzerConfigOptions global) =>
        global.TryGetValue("build_property." + PackagedVectorWidths, out string? value) && value.Trim().Length > 0
        || global.TryGetValue("build_property." + VectorWidths, out value)
            ? ReadVectorWidths(value!)
            : new(EmitOptions.Default, EquatableArray<DiagnosticInfo>.Empty);

    /// <summary>
    /// The widths <paramref name="value"/> lists, widest first; empty or blank is the default. A word that is not a
    /// width is LNG0304, and the defaults stand in, so the networks still build and their own diagnostics still show.
    /// </summary>
    public static EmitOptions.Result ReadVectorWidths(string value)
    {
        // Commas or spaces: an .editorconfig line ends at ';' (what follows is a comment), so the package's
        // LeNetGen.targets turns a project's semicolons into commas before MSBuild writes the value there.
        string[] words = value.Split(new[] { ',', ' ', '\t' }, StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0) return new(EmitOptions.Default, EquatableArray<DiagnosticInfo>.Empty);
        var bits = new HashSet<int>();
        foreach (string word in words)
        {
            if (!int.TryParse(word, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int width) || Array.IndexOf(Known, width) < 0)
                return new(EmitOptions.Default, new[] { DiagnosticInfo.Create(DiagnosticDescriptors.UnknownVectorWidth, null, value.Trim(), word) }.ToEquatableArray());
            bits.Add(width);
        }
        return new(new EmitOptions(Known.Where(bits.Contains).ToEquatableArray()), EquatableArray<DiagnosticInfo>.Empty);
    }
}
