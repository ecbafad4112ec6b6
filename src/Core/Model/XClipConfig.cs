using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using VideoSearch.Core.Checkpoints;
using VideoSearch.Core.Hub;

namespace VideoSearch.Core.Model;

/// <summary>Mirrors Hugging Face <c>XCLIPConfig</c> (model_type <c>xclip</c>): nested text and vision configs plus the
/// projection, prompt-generator and logit-scale fields. Defaults are microsoft/xclip-base-patch32.</summary>
public sealed record XClipConfig
{
    /// <summary>The upstream <c>model_type</c>.</summary>
    public const string ModelType = "xclip";

    private static readonly JsonSerializerOptions s_options = new()
    {
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>The text tower.</summary>
    [JsonPropertyName("text_config")] public XClipTextConfig TextConfig { get; init; } = new();

    /// <summary>The vision tower and the MIT.</summary>
    [JsonPropertyName("vision_config")] public XClipVisionConfig VisionConfig { get; init; } = new();

    /// <summary>Width of the joint text/video embedding space.</summary>
    [JsonPropertyName("projection_dim")] public int ProjectionDim { get; init; } = 512;

    /// <summary>Number of prompt-generator decoder layers.</summary>
    [JsonPropertyName("prompt_layers")] public int PromptLayers { get; init; } = 2;

    /// <summary>Initial value of the prompt generator's per-channel <c>alpha</c>.</summary>
    [JsonPropertyName("prompt_alpha")] public double PromptAlpha { get; init; } = 0.1;

    /// <summary>Activation of the prompt-generator MLP: <c>quick_gelu</c> or <c>gelu</c>.</summary>
    [JsonPropertyName("prompt_hidden_act")] public string PromptHiddenAct { get; init; } = "quick_gelu";

    /// <summary>Heads of the prompt generator's cross attention.</summary>
    [JsonPropertyName("prompt_num_attention_heads")] public int PromptNumAttentionHeads { get; init; } = 8;

    /// <summary>Dropout in train mode on the prompt generator's cross-attention probabilities and inside its MLP (upstream
    /// uses this one rate for both), 0 &lt;= p &lt; 1.</summary>
    [JsonPropertyName("prompt_attention_dropout")] public double PromptAttentionDropout { get; init; }

    /// <summary>Dropout in train mode after the prompt generator's cross-attention output projection, 0 &lt;= p &lt; 1.</summary>
    [JsonPropertyName("prompt_projection_dropout")] public double PromptProjectionDropout { get; init; }

    /// <summary>Initial value of <c>logit_scale</c> (the checkpoint's value is what inference uses).</summary>
    [JsonPropertyName("logit_scale_init_value")] public double LogitScaleInitValue { get; init; } = 2.6592;

    /// <summary>Initialisation factor (training only).</summary>
    [JsonPropertyName("initializer_factor")] public double InitializerFactor { get; init; } = 1.0;

    /// <summary>Checks every field and the combinations across towers; throws <see cref="XClipConfigException"/> naming the values.</summary>
    public void Validate()
    {
        TextConfig.Validate();
        VisionConfig.Validate();
        XClipConfigChecks.InRange("projection_dim", ProjectionDim, XClipConfigLimits.MaxWidth);
        XClipConfigChecks.InRange("prompt_num_attention_heads", PromptNumAttentionHeads, XClipConfigLimits.MaxHeads);
        XClipConfigChecks.Divisible("projection_dim", ProjectionDim, "prompt_num_attention_heads", PromptNumAttentionHeads);
        XClipConfigChecks.InRange("prompt_layers", PromptLayers, XClipConfigLimits.MaxLayers);
        XClipConfigChecks.Activation("prompt_hidden_act", PromptHiddenAct);
        XClipConfigChecks.Probability("prompt_attention_dropout", PromptAttentionDropout);
        XClipConfigChecks.Probability("prompt_projection_dropout", PromptProjectionDropout);
        // The MIT runs on visual_projection outputs, so its width is the projection width (README note 7).
        if (ProjectionDim != VisionConfig.MitHiddenSize)
            throw new XClipConfigException(
                $"projection_dim ({ProjectionDim}) must equal vision_config.mit_hidden_size ({VisionConfig.MitHiddenSize}).");
    }

    /// <summary>Reads and validates a Hugging Face <c>config.json</c>; unknown fields are ignored.</summary>
    /// <exception cref="ModelFilesMissingException">The file does not exist.</exception>
    /// <exception cref="XClipConfigException">The file cannot be read or is not a valid X-CLIP config.</exception>
    public static XClipConfig Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string full = Path.GetFullPath(path);
        ModelFilesMissingException.ThrowIfMissing(Path.GetDirectoryName(full)!, [Path.GetFileName(full)]);
        string text;
        try { text = File.ReadAllText(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new XClipConfigException($"Cannot read X-CLIP config '{path}': {e.Message}", e);
        }
        return Parse(text, path);
    }

    /// <summary>Parses and validates the text of a <c>config.json</c>; <paramref name="source"/> names it in errors.</summary>
    public static XClipConfig Parse(string json, string source = "config.json")
    {
        JsonObject root;
        try
        {
            root = JsonNode.Parse(json) as JsonObject
                ?? throw new XClipConfigException($"X-CLIP config '{source}' is not a JSON object.");
        }
        catch (JsonException e)
        {
            throw new XClipConfigException($"X-CLIP config '{source}' is not valid JSON: {e.Message}", e);
        }

        string? modelType = root["model_type"]?.GetValueKind() == JsonValueKind.String ? (string?)root["model_type"] : null;
        if (modelType != ModelType)
            throw new XClipConfigException(
                $"'{source}' has model_type '{modelType ?? "(missing)"}', expected '{ModelType}' (an X-CLIP checkpoint).");

        // Older saves carry text_config_dict / vision_config_dict; upstream lets them override the nested configs.
        MergeLegacy(root, "text_config_dict", "text_config");
        MergeLegacy(root, "vision_config_dict", "vision_config");
        // A null value means "use the default", as the upstream constructors read it.
        RemoveNulls(root);

        XClipConfig config;
        try
        {
            config = root.Deserialize<XClipConfig>(s_options)
                ?? throw new XClipConfigException($"X-CLIP config '{source}' is empty.");
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or NotSupportedException)
        {
            throw new XClipConfigException($"X-CLIP config '{source}' has a field of the wrong type: {e.Message}", e);
        }
        try { config.Validate(); }
        catch (XClipConfigException e) { throw new XClipConfigException($"X-CLIP config '{source}': {e.Message}", e); }
        return config;
    }

    /// <summary>Serialises in the save_pretrained layout (see <see cref="XClipConfigWriter"/>).</summary>
    public string ToJson() => XClipConfigWriter.ToJson(this);

    /// <summary>Writes <see cref="ToJson"/> to <paramref name="path"/> atomically (see <see cref="AtomicFile"/>).</summary>
    /// <exception cref="CheckpointWriteException">The file system refused the write.</exception>
    public void Save(string path)
    {
        byte[] text = System.Text.Encoding.UTF8.GetBytes(ToJson());
        AtomicFile.Write(path, stream => stream.Write(text));
    }

    private static void RemoveNulls(JsonObject node)
    {
        foreach (var name in node.Where(p => p.Value == null).Select(p => p.Key).ToList()) node.Remove(name);
        foreach (var (_, value) in node) if (value is JsonObject child) RemoveNulls(child);
    }

    private static void MergeLegacy(JsonObject root, string legacyKey, string key)
    {
        if (root[legacyKey] is not JsonObject legacy) return;
        if (root[key] is not JsonObject target)
        {
            target = new JsonObject();
            root[key] = target;
        }
        foreach (var (name, value) in legacy) target[name] = value?.DeepClone();
    }
}
