using System.Text.Json;
using System.Text.Json.Serialization;

namespace LeNetGen.Samples.Serve;

/// <summary>
/// The JSON of `serve`'s answers, written by the source generator (no reflection, so NativeAOT and trimming keep it
/// working); camelCase property names, as the page reads them.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(ServeCommand.Prediction))]
[JsonSerializable(typeof(ServeCommand.Refusal))]
internal sealed partial class ServeJson : JsonSerializerContext;
