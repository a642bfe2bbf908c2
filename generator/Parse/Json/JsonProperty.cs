namespace LeNetGen.Generator.Parse.Json;

/// <summary>One "name": value pair of a <see cref="JsonObject"/>; the name keeps its own span for "unknown property".</summary>
internal sealed record JsonProperty(JsonString Name, JsonValue Value);
