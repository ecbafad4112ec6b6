using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace VideoSearch.Core.Model;

/// <summary>
/// Writes an <see cref="XClipConfig"/> as transformers' <c>save_pretrained</c> writes <c>config.json</c>
/// (<c>PretrainedConfig.to_json_string</c>: <c>json.dumps(indent=2, sort_keys=True)</c> and a final newline): every
/// field of the config records (whatever carries a <c>JsonPropertyName</c>, so new fields are written without change
/// here), <c>model_type</c> at each level, <c>architectures</c>, <c>torch_dtype</c> and <c>transformers_version</c>,
/// keys sorted, floats as Python prints them (<c>1.0</c>, <c>1e-05</c>). For a config read from a file written that way
/// the output is the same text.
/// </summary>
public static class XClipConfigWriter
{
    /// <summary>The upstream class a checkpoint of this config loads into.</summary>
    public const string Architecture = "XCLIPModel";

    /// <summary>The dtype every saved checkpoint has (see <c>StateDictWriter</c>).</summary>
    public const string TorchDType = "float32";

    /// <summary>
    /// The transformers release whose <c>configuration_x_clip.py</c> these fields mirror (the reference kits' version);
    /// transformers reads it only to warn about configs from newer releases.
    /// </summary>
    public const string TransformersVersion = "4.29.1";

    private static readonly JsonSerializerOptions s_fields = new()
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new PythonFloatConverter() },
    };

    private static readonly JsonSerializerOptions s_layout = new()
    {
        WriteIndented = true,
        IndentSize = 2,
        NewLine = "\n",
        // Python's json.dumps escapes neither '+' nor HTML characters; the fields are ASCII identifiers and numbers.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The <c>config.json</c> text for <paramref name="config"/>.</summary>
    public static string ToJson(XClipConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var root = JsonSerializer.SerializeToNode(config, s_fields)!.AsObject();
        root["model_type"] = XClipConfig.ModelType;
        root["architectures"] = new JsonArray(Architecture);
        root["torch_dtype"] = TorchDType;
        root["transformers_version"] = TransformersVersion;
        root["text_config"]!.AsObject()["model_type"] = XClipTextConfig.ModelType;
        root["vision_config"]!.AsObject()["model_type"] = XClipVisionConfig.ModelType;
        return SortedKeys(root)!.ToJsonString(s_layout) + "\n";
    }

    /// <summary>A copy of <paramref name="node"/> with every object's keys in ordinal order (Python's sort_keys on ASCII keys).</summary>
    private static JsonNode? SortedKeys(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => KeyValuePair.Create(p.Key, SortedKeys(p.Value)))),
        JsonArray a => new JsonArray(a.Select(SortedKeys).ToArray()),
        _ => node?.DeepClone(),
    };

    /// <summary>
    /// Writes a double as Python's <c>repr</c> does for the values configs hold: shortest round-trip digits, <c>.0</c> on
    /// whole numbers, a lowercase exponent below 1e-4 (.NET switches to the exponent form at the same point).
    /// </summary>
    private sealed class PythonFloatConverter : JsonConverter<double>
    {
        public override double Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.GetDouble();

        public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options)
        {
            if (!double.IsFinite(value))
            {
                // Python writes these bare (not valid JSON, but what transformers itself would write and read back).
                writer.WriteRawValue(double.IsNaN(value) ? "NaN" : value > 0 ? "Infinity" : "-Infinity", skipInputValidation: true);
                return;
            }
            string text = value.ToString("R", CultureInfo.InvariantCulture);
            if (text.Contains('E')) text = text.Replace('E', 'e');
            else if (!text.Contains('.')) text += ".0";
            writer.WriteRawValue(text);
        }
    }
}
