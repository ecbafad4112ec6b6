namespace VideoSearch.Core.Model;

/// <summary>The dimensions and attention-dropout rate one pre-LN transformer stack needs. Upstream passes a config object
/// and, for the MIT, a copy of the vision config with the <c>mit_*</c> sizes swapped in; this record is that copy made
/// explicit.</summary>
internal sealed record XClipEncoderSpec(
    string Name, int HiddenSize, int IntermediateSize, int NumHiddenLayers, int NumAttentionHeads, string HiddenAct,
    double LayerNormEps, double AttentionDropout)
{
    public int HeadDim => HiddenSize / NumAttentionHeads;

    public static XClipEncoderSpec Text(XClipTextConfig c) => new(
        "text_config", c.HiddenSize, c.IntermediateSize, c.NumHiddenLayers, c.NumAttentionHeads, c.HiddenAct, c.LayerNormEps,
        c.AttentionDropout);

    public static XClipEncoderSpec Vision(XClipVisionConfig c) => new(
        "vision_config", c.HiddenSize, c.IntermediateSize, c.NumHiddenLayers, c.NumAttentionHeads, c.HiddenAct, c.LayerNormEps,
        c.AttentionDropout);

    public static XClipEncoderSpec Mit(XClipVisionConfig c) => new(
        "vision_config.mit", c.MitHiddenSize, c.MitIntermediateSize, c.MitNumHiddenLayers, c.MitNumAttentionHeads, c.HiddenAct,
        c.LayerNormEps, c.AttentionDropout);

    /// <summary>Throws <see cref="XClipConfigException"/> when the stack's sizes do not fit together.</summary>
    public void Validate()
    {
        XClipConfigChecks.Divisible($"{Name}.hidden_size", HiddenSize, $"{Name}.num_attention_heads", NumAttentionHeads);
        XClipConfigChecks.Positive($"{Name}.intermediate_size", IntermediateSize);
        XClipConfigChecks.Positive($"{Name}.num_hidden_layers", NumHiddenLayers);
        XClipConfigChecks.Epsilon($"{Name}.layer_norm_eps", LayerNormEps);
        XClipConfigChecks.Activation($"{Name}.hidden_act", HiddenAct);
        XClipConfigChecks.Probability($"{Name}.attention_dropout", AttentionDropout);
    }
}
