namespace VideoSearch.Core.Model;

/// <summary>
/// The number of parameters (state-dict elements) an <see cref="XClipModel"/> built from a configuration holds,
/// computed from the configuration alone, so the memory a model needs is known before any module is built. Each
/// term mirrors one module (the keys in tests/Core.Tests/Model/Golden); the snapshot tests check the sum against
/// the built model for the base configuration (196,585,729) and both reference kits.
/// </summary>
public static class XClipParameterCount
{
    /// <summary>The parameter count of <paramref name="config"/>, or <see cref="long.MaxValue"/> when it does not fit a long.</summary>
    public static long Of(XClipConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        try
        {
            checked
            {
                XClipTextConfig text = config.TextConfig;
                XClipVisionConfig vision = config.VisionConfig;
                long p = config.ProjectionDim, dt = text.HiddenSize, dv = vision.HiddenSize, dm = vision.MitHiddenSize;

                // text_model: token and position embeddings, the encoder layers, final_layer_norm.
                long textModel = (long)text.VocabSize * dt + (long)text.MaxPositionEmbeddings * dt
                    + text.NumHiddenLayers * EncoderLayer(dt, text.IntermediateSize) + LayerNorm(dt);

                // vision_model: class embedding, patch convolution (no bias), positions (patches + CLS), pre/post
                // layer norms, and layers that add the cross-frame message_fc, message_ln and message_attn.
                long patch = (long)vision.NumChannels * vision.PatchSize * vision.PatchSize * dv;
                long visionLayer = Linear(dv, dv) + LayerNorm(dv) + Attention(dv) + EncoderLayer(dv, vision.IntermediateSize);
                long visionModel = dv + patch + (vision.NumPatches + 1L) * dv + 2 * LayerNorm(dv)
                    + vision.NumHiddenLayers * visionLayer;

                // visual_projection and text_projection (no bias), logit_scale, prompts_visual_layernorm and
                // prompts_visual_projection.
                long heads = dv * p + dt * p + 1 + LayerNorm(dv) + dv * p;

                // mit: position embedding [1, frames, d] and CLIP encoder layers.
                long mit = vision.NumFrames * dm + vision.MitNumHiddenLayers * EncoderLayer(dm, vision.MitIntermediateSize);

                // prompts_generator: layernorm, alpha, and decoder layers of a cross attention (q, k, v without bias,
                // proj with), norm1, norm3 and a 4x MLP.
                long promptLayer = 3 * p * p + Linear(p, p) + 2 * LayerNorm(p) + Linear(p, 4 * p) + Linear(4 * p, p);
                long prompt = LayerNorm(p) + p + config.PromptLayers * promptLayer;

                return textModel + visionModel + heads + mit + prompt;
            }
        }
        catch (OverflowException)
        {
            return long.MaxValue;
        }
    }

    /// <summary>A CLIP encoder layer: self attention, layer_norm1, the fc1/fc2 MLP, layer_norm2.</summary>
    private static long EncoderLayer(long d, long intermediate) =>
        checked(Attention(d) + LayerNorm(d) + Linear(d, intermediate) + Linear(intermediate, d) + LayerNorm(d));

    /// <summary>q, k, v and out projections, each with a bias.</summary>
    private static long Attention(long d) => checked(4 * Linear(d, d));

    private static long Linear(long inputs, long outputs) => checked(inputs * outputs + outputs);

    private static long LayerNorm(long d) => checked(2 * d);
}
