using System;
using System.Collections.Generic;
using System.Linq;
using LeNetGen.Generator.Diagnostics;
using LeNetGen.Generator.Model;
using Microsoft.CodeAnalysis;
using D = LeNetGen.Generator.Diagnostics.DiagnosticDescriptors;

namespace LeNetGen.Generator.Parse.Json;

/// <summary>
/// Reads the properties of one object of a spec (the root or a layer) into typed values, reporting every problem at
/// the token that caused it: an unknown property (LNG0202) or a second occurrence (LNG0207) as soon as the object is
/// seen, then, as each property is read, a value of the wrong type (LNG0203), an unknown name (LNG0204), a missing
/// required property (LNG0205, at the object's '{') or an integer beyond what the model can hold (LNG0110). A value
/// that cannot be read leaves the property at its default, so the rest of the spec is still read and checked.
/// </summary>
internal sealed class JsonObjectReader
{
    private readonly JsonObject _object;
    private readonly string _path;
    private readonly List<DiagnosticInfo> _diagnostics;
    private readonly Dictionary<string, JsonValue> _values = new(StringComparer.Ordinal);

    /// <param name="json">The object.</param>
    /// <param name="known">The property names this object may have.</param>
    /// <param name="name">The object as named in the middle of a message: "the spec object", "layer 2 (conv)".</param>
    /// <param name="subject">The object as named at the start of a message: "The spec object", "Layer 2 (conv)".</param>
    /// <param name="path">The file, for locations.</param>
    /// <param name="diagnostics">Where problems go.</param>
    public JsonObjectReader(JsonObject json, IReadOnlyList<string> known, string name, string subject, string path, List<DiagnosticInfo> diagnostics)
    {
        _object = json;
        _path = path;
        _diagnostics = diagnostics;
        Subject = subject;

        var unknown = new HashSet<string>(StringComparer.Ordinal);
        foreach (JsonProperty property in json.Properties)
        {
            string key = property.Name.Value;
            if (_values.ContainsKey(key) || unknown.Contains(key))
                Report(D.JsonDuplicateProperty, property.Name, key, name);
            else if (!known.Contains(key, StringComparer.Ordinal))
            {
                unknown.Add(key);
                Report(D.JsonUnknownProperty, property.Name, key, name, NearestName.Suggestion(key, known, '\''), JsonSpecVocabulary.ListProperties(known));
            }
            else
                _values.Add(key, property.Value);
        }
    }

    /// <summary>The object as named at the start of a message.</summary>
    public string Subject { get; }

    public LocationInfo OpenBraceLocation => new(_path, _object.OpenBraceSpan, _object.OpenBraceLineSpan);

    public LocationInfo LocationOf(JsonValue value) => new(_path, value.Span, value.LineSpan);

    /// <summary>The first occurrence of a known property, or null when it is not given.</summary>
    public JsonValue? Value(string name) => _values.TryGetValue(name, out JsonValue? value) ? value : null;

    /// <summary>Reports LNG0205 at the object's '{' unless <paramref name="name"/> is given; true when it is.</summary>
    public bool Require(string name, string hint)
    {
        if (_values.ContainsKey(name)) return true;
        _diagnostics.Add(DiagnosticInfo.Create(D.JsonMissingProperty, OpenBraceLocation, Subject, name, hint));
        _missing.Add(name);
        return false;
    }

    // Required properties found missing: their value is a stand-in, located at the '{' where LNG0205 was reported,
    // so that what the checker says about the stand-in is recognized as a repeat of that error and dropped.
    private readonly HashSet<string> _missing = new(StringComparer.Ordinal);

    /// <summary>An integer property; <paramref name="fallback"/> when it is missing or not an integer.</summary>
    public int Int(string name, int fallback, int limit, out LocationInfo? location)
    {
        JsonValue? value = Value(name);
        location = value is not null ? LocationOf(value) : _missing.Contains(name) ? OpenBraceLocation : null;
        return value is null ? fallback : ToInt(value, name, "an integer", "'" + name + "'", "", fallback, limit);
    }

    /// <summary>
    /// Reads <paramref name="value"/> (the value of <paramref name="name"/>, or an item of it) as an int. A whole number
    /// beyond the int range is LNG0110 and reads as int.MaxValue or int.MinValue, so it stays out of range for the
    /// checker rather than turning into a plausible default.
    /// </summary>
    /// <param name="expected">What the property must be, for LNG0203.</param>
    /// <param name="what">The value as LNG0110 names it: "'maps'", "'kernel' height".</param>
    /// <param name="item">Appended to the description of a wrong value: "" or " (item 2)".</param>
    public int ToInt(JsonValue value, string name, string expected, string what, string item, int fallback, int limit)
    {
        if (value is not JsonNumber number || !number.IsInteger)
        {
            WrongType(value, name, expected, item);
            return fallback;
        }
        if (number.TryGetInt32(out int result)) return result;
        Report(D.SizeTooLarge, value, Subject, what, MessageNumbers.FormatWritten(number.Text), MessageNumbers.Format(limit));
        return number.IsNegative ? int.MinValue : int.MaxValue;
    }

    /// <summary>An unsigned 64-bit integer property (the seed); 0 when missing or unusable. Above 2^64 - 1 is LNG0110; a
    /// negative number is LNG0203.</summary>
    public ulong UInt64(string name, out LocationInfo? location)
    {
        JsonValue? value = Value(name);
        location = value is null ? null : LocationOf(value);
        if (value is null) return 0;
        // A negative number is the wrong kind of value, not one "beyond the limit".
        if (value is not JsonNumber number || !number.IsInteger || (number.IsNegative && !number.TryGetUInt64(out _)))
        {
            WrongType(value, name, "an integer from 0 to " + ulong.MaxValue.ToString(System.Globalization.CultureInfo.InvariantCulture));
            return 0;
        }
        if (number.TryGetUInt64(out ulong result)) return result;
        Report(D.SizeTooLarge, value, Subject, "'" + name + "'", MessageNumbers.FormatWritten(number.Text), MessageNumbers.Format(ulong.MaxValue));
        return 0;
    }

    /// <summary>A string property; null when missing or not a string.</summary>
    public string? String(string name, string expected, out LocationInfo? location)
    {
        JsonValue? value = Value(name);
        location = value is null ? null : LocationOf(value);
        if (value is null) return null;
        if (value is JsonString text) return text.Value;
        WrongType(value, name, expected);
        return null;
    }

    /// <summary>A true/false property; <paramref name="fallback"/> when missing or not a boolean.</summary>
    public bool Bool(string name, bool fallback, out LocationInfo? location)
    {
        JsonValue? value = Value(name);
        location = value is null ? null : LocationOf(value);
        if (value is null) return fallback;
        if (value is JsonBoolean boolean) return boolean.Value;
        WrongType(value, name, "true or false");
        return fallback;
    }

    /// <summary>A property naming a member of <typeparamref name="TEnum"/>, ignoring case; <paramref name="fallback"/> when
    /// missing or unknown.</summary>
    /// <param name="what">What the names are, for LNG0204: "activation", "pooling kind".</param>
    public TEnum Enum<TEnum>(string name, TEnum fallback, string what, out LocationInfo? location) where TEnum : struct, Enum
    {
        JsonValue? value = Value(name);
        location = value is null ? null : LocationOf(value);
        if (value is null) return fallback;
        string allowed = JsonSpecVocabulary.ListValues(JsonSpecVocabulary.EnumSpellings<TEnum>());
        if (value is not JsonString text)
        {
            WrongType(value, name, "one of the strings " + allowed);
            return fallback;
        }
        if (JsonSpecVocabulary.FindEnum<TEnum>(text.Value) is TEnum found) return found;
        Report(D.JsonUnknownValue, value, text.Value, what, NearestName.Suggestion(text.Value, JsonSpecVocabulary.EnumSpellings<TEnum>(), '"'), allowed);
        return fallback;
    }

    /// <summary>LNG0203 at <paramref name="value"/>: "Property 'maps' must be an integer, not a string (\"6\")".</summary>
    public void WrongType(JsonValue value, string name, string expected, string item = "") =>
        Report(D.JsonWrongType, value, name, expected, value.Description + item);

    public void Report(DiagnosticDescriptor descriptor, JsonValue at, params object[] args) =>
        _diagnostics.Add(DiagnosticInfo.Create(descriptor, LocationOf(at), args));
}
