using System.Text.Json.Serialization;

namespace VideoSearch.Core.Model;

/// <summary>Mirrors Hugging Face <c>XCLIPTextConfig</c> (model_type <c>xclip_text_model</c>); defaults are microsoft/xclip-base-patch32.</summary>
public sealed record XClipTextConfig
{
    /// <summary>The upstream <c>model_type</c> of this sub-configuration.</summary>
    public const string ModelType = "xclip_text_model";

    /// <summary>Size of the token vocabulary.</summary>
    [JsonPropertyName("vocab_size")] public int VocabSize { get; init; } = 49408;

    /// <summary>Width of the text transformer.</summary>
    [JsonPropertyName("hidden_size")] public int HiddenSize { get; init; } = 512;

    /// <summary>Width of the feed-forward layers.</summary>
    [JsonPropertyName("intermediate_size")] public int IntermediateSize { get; init; } = 2048;

    /// <summary>Number of encoder layers.</summary>
    [JsonPropertyName("num_hidden_layers")] public int NumHiddenLayers { get; init; } = 12;

    /// <summary>Number of attention heads.</summary>
    [JsonPropertyName("num_attention_heads")] public int NumAttentionHeads { get; init; } = 8;

    /// <summary>Longest token sequence (rows of the position embedding).</summary>
    [JsonPropertyName("max_position_embeddings")] public int MaxPositionEmbeddings { get; init; } = 77;

    /// <summary>MLP activation: <c>quick_gelu</c> or <c>gelu</c>.</summary>
    [JsonPropertyName("hidden_act")] public string HiddenAct { get; init; } = "quick_gelu";

    /// <summary>Epsilon of every text layer norm (and of the prompt generator's norm1/norm3).</summary>
    [JsonPropertyName("layer_norm_eps")] public double LayerNormEps { get; init; } = 1e-5;

    /// <summary>Dropout on the text attention probabilities in train mode, 0 &lt;= p &lt; 1; identity in eval mode.</summary>
    [JsonPropertyName("attention_dropout")] public double AttentionDropout { get; init; }

    /// <summary>Initialisation standard deviation (training only).</summary>
    [JsonPropertyName("initializer_range")] public double InitializerRange { get; init; } = 0.02;

    /// <summary>Initialisation factor (training only).</summary>
    [JsonPropertyName("initializer_factor")] public double InitializerFactor { get; init; } = 1.0;

    /// <summary>Padding token id recorded by the upstream config (the model itself does not use it).</summary>
    [JsonPropertyName("pad_token_id")] public int PadTokenId { get; init; } = 1;

    /// <summary>Beginning-of-sequence id recorded by the upstream config (the model itself does not use it).</summary>
    [JsonPropertyName("bos_token_id")] public int BosTokenId { get; init; }

    /// <summary>End-of-sequence id recorded by the upstream config (pooling uses the largest id, not this).</summary>
    [JsonPropertyName("eos_token_id")] public int EosTokenId { get; init; } = 2;

    /// <summary>Checks every dimension; throws <see cref="XClipConfigException"/> naming the values.</summary>
    public void Validate()
    {
        XClipConfigChecks.InRange("text_config.vocab_size", VocabSize, XClipConfigLimits.MaxVocabularySize);
        XClipConfigChecks.InRange("text_config.hidden_size", HiddenSize, XClipConfigLimits.MaxWidth);
        XClipConfigChecks.InRange("text_config.intermediate_size", IntermediateSize, XClipConfigLimits.MaxIntermediateSize);
        XClipConfigChecks.InRange("text_config.num_hidden_layers", NumHiddenLayers, XClipConfigLimits.MaxLayers);
        XClipConfigChecks.InRange("text_config.num_attention_heads", NumAttentionHeads, XClipConfigLimits.MaxHeads);
        XClipConfigChecks.InRange("text_config.max_position_embeddings", MaxPositionEmbeddings, XClipConfigLimits.MaxPositionEmbeddings);
        XClipConfigChecks.Divisible("text_config.hidden_size", HiddenSize, "text_config.num_attention_heads", NumAttentionHeads);
        XClipConfigChecks.Epsilon("text_config.layer_norm_eps", LayerNormEps);
        XClipConfigChecks.Activation("text_config.hidden_act", HiddenAct);
        XClipConfigChecks.Probability("text_config.attention_dropout", AttentionDropout);
    }
}
