using System.Text.Json.Serialization;

namespace VideoSearch.Core.Model;

/// <summary>Mirrors Hugging Face <c>XCLIPVisionConfig</c> (model_type <c>xclip_vision_model</c>); defaults are microsoft/xclip-base-patch32.</summary>
public sealed record XClipVisionConfig
{
    /// <summary>The upstream <c>model_type</c> of this sub-configuration.</summary>
    public const string ModelType = "xclip_vision_model";

    /// <summary>Width of the vision transformer.</summary>
    [JsonPropertyName("hidden_size")] public int HiddenSize { get; init; } = 768;

    /// <summary>Width of the vision feed-forward layers.</summary>
    [JsonPropertyName("intermediate_size")] public int IntermediateSize { get; init; } = 3072;

    /// <summary>Number of vision encoder layers.</summary>
    [JsonPropertyName("num_hidden_layers")] public int NumHiddenLayers { get; init; } = 12;

    /// <summary>Number of vision attention heads.</summary>
    [JsonPropertyName("num_attention_heads")] public int NumAttentionHeads { get; init; } = 12;

    /// <summary>Width of the multi-frame integration transformer (must equal the projection dimension).</summary>
    [JsonPropertyName("mit_hidden_size")] public int MitHiddenSize { get; init; } = 512;

    /// <summary>Width of the MIT feed-forward layers.</summary>
    [JsonPropertyName("mit_intermediate_size")] public int MitIntermediateSize { get; init; } = 2048;

    /// <summary>Number of MIT layers.</summary>
    [JsonPropertyName("mit_num_hidden_layers")] public int MitNumHiddenLayers { get; init; } = 1;

    /// <summary>Number of MIT attention heads.</summary>
    [JsonPropertyName("mit_num_attention_heads")] public int MitNumAttentionHeads { get; init; } = 8;

    /// <summary>Input channels (3 for RGB).</summary>
    [JsonPropertyName("num_channels")] public int NumChannels { get; init; } = 3;

    /// <summary>Side of the square input frame in pixels.</summary>
    [JsonPropertyName("image_size")] public int ImageSize { get; init; } = 224;

    /// <summary>Side of one square patch in pixels.</summary>
    [JsonPropertyName("patch_size")] public int PatchSize { get; init; } = 32;

    /// <summary>Frames per video; the model accepts exactly this many.</summary>
    [JsonPropertyName("num_frames")] public int NumFrames { get; init; } = 8;

    /// <summary>MLP activation: <c>quick_gelu</c> or <c>gelu</c> (also used by the MIT).</summary>
    [JsonPropertyName("hidden_act")] public string HiddenAct { get; init; } = "quick_gelu";

    /// <summary>Epsilon of the vision and MIT layer norms and of the prompt visual norms.</summary>
    [JsonPropertyName("layer_norm_eps")] public double LayerNormEps { get; init; } = 1e-5;

    /// <summary>Dropout on the vision and MIT attention probabilities in train mode (upstream's MIT config is a copy of
    /// this one), 0 &lt;= p &lt; 1; identity in eval mode.</summary>
    [JsonPropertyName("attention_dropout")] public double AttentionDropout { get; init; }

    /// <summary>Initialisation standard deviation (training only).</summary>
    [JsonPropertyName("initializer_range")] public double InitializerRange { get; init; } = 0.02;

    /// <summary>Initialisation factor (training only).</summary>
    [JsonPropertyName("initializer_factor")] public double InitializerFactor { get; init; } = 1.0;

    /// <summary>Stochastic depth rate of every vision layer's message-attention branch in train mode (upstream gives each
    /// layer this same rate), 0 &lt;= p &lt; 1; identity in eval mode.</summary>
    [JsonPropertyName("drop_path_rate")] public double DropPathRate { get; init; }

    /// <summary>Patches per frame: <c>(image_size / patch_size)^2</c>.</summary>
    [JsonIgnore] public int NumPatches => (ImageSize / PatchSize) * (ImageSize / PatchSize);

    /// <summary>Checks every dimension; throws <see cref="XClipConfigException"/> naming the values.</summary>
    public void Validate()
    {
        XClipConfigChecks.InRange("vision_config.hidden_size", HiddenSize, XClipConfigLimits.MaxWidth);
        XClipConfigChecks.InRange("vision_config.intermediate_size", IntermediateSize, XClipConfigLimits.MaxIntermediateSize);
        XClipConfigChecks.InRange("vision_config.num_hidden_layers", NumHiddenLayers, XClipConfigLimits.MaxLayers);
        XClipConfigChecks.InRange("vision_config.num_attention_heads", NumAttentionHeads, XClipConfigLimits.MaxHeads);
        XClipConfigChecks.Divisible("vision_config.hidden_size", HiddenSize, "vision_config.num_attention_heads", NumAttentionHeads);
        XClipConfigChecks.InRange("vision_config.mit_hidden_size", MitHiddenSize, XClipConfigLimits.MaxWidth);
        XClipConfigChecks.InRange("vision_config.mit_intermediate_size", MitIntermediateSize, XClipConfigLimits.MaxIntermediateSize);
        XClipConfigChecks.InRange("vision_config.mit_num_hidden_layers", MitNumHiddenLayers, XClipConfigLimits.MaxLayers);
        XClipConfigChecks.InRange("vision_config.mit_num_attention_heads", MitNumAttentionHeads, XClipConfigLimits.MaxHeads);
        XClipConfigChecks.Divisible("vision_config.mit_hidden_size", MitHiddenSize, "vision_config.mit_num_attention_heads", MitNumAttentionHeads);
        XClipConfigChecks.InRange("vision_config.num_channels", NumChannels, XClipConfigLimits.MaxChannels);
        XClipConfigChecks.InRange("vision_config.num_frames", NumFrames, XClipConfigLimits.MaxFrames);
        XClipConfigChecks.InRange("vision_config.image_size", ImageSize, XClipConfigLimits.MaxImageSize);
        XClipConfigChecks.Divisible("vision_config.image_size", ImageSize, "vision_config.patch_size", PatchSize);
        XClipConfigChecks.Epsilon("vision_config.layer_norm_eps", LayerNormEps);
        XClipConfigChecks.Activation("vision_config.hidden_act", HiddenAct);
        XClipConfigChecks.Probability("vision_config.attention_dropout", AttentionDropout);
        XClipConfigChecks.Probability("vision_config.drop_path_rate", DropPathRate);
    }
}
