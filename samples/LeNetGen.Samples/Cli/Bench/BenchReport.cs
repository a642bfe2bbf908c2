using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text.Json;

namespace LeNetGen.Samples.Cli.Bench;

/// <summary>
/// The figures of a `bench` run: each printed as it is measured, as one line <c>name: value unit</c> (lines starting
/// with <c>#</c> are comments), the format of ../shared/peers/TorchSharpLeNet; and written with <see cref="WriteJson"/>
/// as <c>{"metrics": {name: {"value", "unit"}}, "info": {...}}</c>, the peer's JSON shape.
/// </summary>
internal sealed class BenchReport
{
    private readonly List<KeyValuePair<string, Metric>> _metrics = [];
    private readonly List<KeyValuePair<string, object>> _info = [];

    /// <summary>The metrics so far, in the order they were measured.</summary>
    public IReadOnlyList<KeyValuePair<string, Metric>> Metrics => _metrics;

    /// <summary>Opens a section of the printed output, e.g. "peer: training".</summary>
    public static void Section(string title) => Console.WriteLine($"# == {title}");

    /// <summary>A comment line: what was run, how.</summary>
    public static void Comment(string text) => Console.WriteLine($"# {text}");

    /// <summary>Records and prints one figure.</summary>
    public void Add(string name, double value, string unit)
    {
        _metrics.Add(new(name, new Metric(value, unit)));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: {Format(value)} {unit}"));
    }

    /// <summary>Records a fact about the run for the JSON's "info" (a string, number or bool; not printed).</summary>
    public void Info(string name, object value) => _info.Add(new(name, value));

    /// <summary>Writes every figure and fact to <paramref name="path"/>.</summary>
    public void WriteJson(string path)
    {
        using var stream = File.Create(path);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("benchmark", "LeNetGen");
        json.WriteStartObject("metrics");
        foreach (var (name, metric) in _metrics)
        {
            json.WriteStartObject(name);
            json.WriteNumber("value", metric.Value);
            json.WriteString("unit", metric.Unit);
            json.WriteEndObject();
        }
        json.WriteEndObject();
        json.WriteStartObject("info");
        foreach (var (name, value) in _info)
        {
            switch (value)
            {
                case string s: json.WriteString(name, s); break;
                case bool b: json.WriteBoolean(name, b); break;
                case int i: json.WriteNumber(name, i); break;
                case long l: json.WriteNumber(name, l); break;
                case double d: json.WriteNumber(name, d); break;
                case string[] list:
                    json.WriteStartArray(name);
                    foreach (string item in list) json.WriteStringValue(item);
                    json.WriteEndArray();
                    break;
                default: json.WriteString(name, Convert.ToString(value, CultureInfo.InvariantCulture)); break;
            }
        }
        json.WriteEndObject();
        json.WriteEndObject();
    }

    // Four significant figures at least, no exponent for the usual sizes: 2, 12345.6, 236.8, 0.0123.
    private static string Format(double value) =>
        value == Math.Round(value) && Math.Abs(value) < 1e9 ? value.ToString("F0", CultureInfo.InvariantCulture)
        : Math.Abs(value) >= 100 ? value.ToString("F1", CultureInfo.InvariantCulture)
        : Math.Abs(value) >= 1 ? value.ToString("F2", CultureInfo.InvariantCulture)
        : value.ToString("G4", CultureInfo.InvariantCulture);
}
