using System;
using System.Linq;
using System.Threading;
using LeNetGen.Generator.Diagnostics;
using LeNetGen.Generator.Model;
using LeNetGen.Generator.Parse.Json;
using Microsoft.CodeAnalysis;
using D = LeNetGen.Generator.Diagnostics.DiagnosticDescriptors;

namespace LeNetGen.Generator.Parse;

/// <summary>
/// A <c>.json</c> AdditionalFile not named <c>*.lenet.json</c> is not read as a spec; when it looks like one (its
/// <c>"$schema"</c> names LeNetGen's schema, or its root object has <c>"layers"</c>) that is most likely a naming slip,
/// so it gets LNG0208 instead of being skipped without a word. Never throws, except
/// <see cref="OperationCanceledException"/>; a file that is not JSON at all is none of LeNetGen's business.
/// </summary>
internal static class MisnamedSpecFile
{
    /// <summary>A .json file that the spec front end does not read.</summary>
    public static bool IsCandidate(string path) =>
        path is not null && path.EndsWith(".json", StringComparison.OrdinalIgnoreCase) && !JsonFrontEnd.IsSpecFile(path);

    /// <summary>LNG0208 when <paramref name="file"/> looks like a spec, else nothing.</summary>
    public static EquatableArray<DiagnosticInfo> Check(AdditionalText file, CancellationToken cancellationToken)
    {
        try
        {
            string path = file.Path ?? "";
            var text = file.GetText(cancellationToken);
            if (text is null || text.Length > JsonFrontEnd.MaxFileLength) return EquatableArray<DiagnosticInfo>.Empty;
            if (JsonParser.Parse(text, cancellationToken, out _) is not JsonObject root) return EquatableArray<DiagnosticInfo>.Empty;

            JsonProperty? schema = root.Properties.FirstOrDefault(p => p.Name.Value == "$schema"
                && p.Value is JsonString s && s.Value.IndexOf("lenet.schema", StringComparison.OrdinalIgnoreCase) >= 0);
            JsonProperty? layers = root.Properties.FirstOrDefault(p => p.Name.Value == "layers");
            JsonValue? at = schema?.Value ?? layers?.Name;
            if (at is null) return EquatableArray<DiagnosticInfo>.Empty;

            string name = path.Substring(path.LastIndexOfAny(new[] { '/', '\\' }) + 1);
            string stem = name.Substring(0, name.Length - ".json".Length);
            string why = schema is not null ? "its \"$schema\" is LeNetGen's schema" : "it has \"layers\"";
            return new[]
            {
                DiagnosticInfo.Create(D.MisnamedSpecFile, new LocationInfo(path, at.Span, at.LineSpan), name, why, stem + KnownNames.JsonSpecSuffix),
            }.ToEquatableArray();
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return EquatableArray<DiagnosticInfo>.Empty;
        }
    }
}
