using TorchSharp;
using TorchSharp.Modules;
using VideoSearch.Core.Checkpoints;
using VideoSearch.Core.Hub;
using static TorchSharp.torch;

namespace VideoSearch.Core.Model;

/// <summary>Mirrors Hugging Face <c>XCLIPModel</c>: text tower, cross-frame vision tower, MIT, video-specific prompt
/// generator and the scaled cosine logits. Parameter names are the upstream state-dict keys.</summary>
public sealed class XClipModel : nn.Module
{
    // Declaration order follows the upstream __init__, which fixes the state-dict order.
    private readonly XClipTextTransformer text_model;
    private readonly XClipVisionTransformer vision_model;
    private readonly XClipLinear visual_projection;
    private readonly XClipLinear text_projection;
    private readonly Parameter logit_scale;
    private readonly LayerNorm prompts_visual_layernorm;
    private readonly Parameter prompts_visual_projection;
    private readonly XClipMultiframeIntegrationTransformer mit;
    private readonly XClipPromptGenerator prompts_generator;

    /// <summary>Builds the architecture of <paramref name="config"/> with untrained weights on <paramref name="device"/>
    /// (CPU when null; <c>meta</c> builds names and shapes without allocating storage). On the CPU the config is first
    /// checked against <paramref name="memory"/> (<see cref="ModelMemoryBudget.Default"/> when null), before any module
    /// is built.</summary>
    /// <exception cref="XClipConfigException">A value is invalid or beyond <see cref="XClipConfigLimits"/>.</exception>
    /// <exception cref="ModelTooLargeException">The weights would not fit in the memory available.</exception>
    public XClipModel(XClipConfig config, Device? device = null, ModelMemoryBudget? memory = null)
        : base(Admit(config, device, memory))
    {
        Config = config;
        int p = config.ProjectionDim, dv = config.VisionConfig.HiddenSize, dt = config.TextConfig.HiddenSize;
        text_model = new XClipTextTransformer(config.TextConfig, device);
        vision_model = new XClipVisionTransformer(config.VisionConfig, device);
        visual_projection = new XClipLinear(dv, p, hasBias: false, device: device);
        text_projection = new XClipLinear(dt, p, hasBias: false, device: device);
        logit_scale = new Parameter(torch.tensor(config.LogitScaleInitValue, dtype: ScalarType.Float32, device: device));
        prompts_visual_layernorm = nn.LayerNorm(dv, eps: config.VisionConfig.LayerNormEps, device: device);
        prompts_visual_projection = new Parameter(torch.randn(dv, p, device: device));
        mit = new XClipMultiframeIntegrationTransformer(config.VisionConfig, device);
        prompts_generator = new XClipPromptGenerator(config, device);
        RegisterComponents();
    }

    /// <summary>
    /// Validates <paramref name="config"/> and, on the CPU, checks it against the memory budget; runs as the base
    /// constructor's argument so a refused config never reaches TorchSharp (not even to load its native library).
    /// Meta tensors have no storage, and other devices are reached by moving a CPU-built model.
    /// </summary>
    private static string Admit(XClipConfig config, Device? device, ModelMemoryBudget? memory)
    {
        ArgumentNullException.ThrowIfNull(config);
        config.Validate();
        if (device is null || device.type == DeviceType.CPU) (memory ?? ModelMemoryBudget.Default).EnsureFits(config);
        return nameof(XClipModel);
    }

    /// <summary>The configuration the model was built from.</summary>
    public XClipConfig Config { get; }

    /// <summary>The precision the linear layers compute in (<see cref="UsePrecision"/>); fp32 after construction and loading.</summary>
    public XClipPrecision Precision { get; private set; } = XClipPrecision.Fp32;

    /// <summary>Converts every linear layer of both towers, the MIT and the prompt generator to <paramref name="precision"/>
    /// in place (see <see cref="XClipLinear"/>). Call once after loading, before inference: the checkpoint keys and the
    /// fp32 interfaces (inputs, features, logits) do not change.</summary>
    public void UsePrecision(XClipPrecision precision)
    {
        foreach (var linear in modules().OfType<XClipLinear>()) linear.UsePrecision(precision);
        Precision = precision;
    }

    /// <summary>Loads <c>config.json</c> and <c>model.safetensors</c> from <paramref name="modelFolder"/> with strict key and
    /// shape checks, moves the model to <paramref name="device"/> (CPU when null) and <paramref name="dtype"/>, and sets eval mode.
    /// <paramref name="memory"/> is the budget the config is checked against before the model is built.
    /// Throws <see cref="ModelFilesMissingException"/> (before anything is read), <see cref="XClipConfigException"/>,
    /// <see cref="ModelTooLargeException"/>,
    /// <see cref="SafetensorsFormatException"/> or <see cref="CheckpointMismatchException"/>.</summary>
    public static XClipModel FromPretrained(string modelFolder, Device? device = null, ScalarType dtype = ScalarType.Float32,
        ModelMemoryBudget? memory = null)
    {
        ModelFilesMissingException.ThrowIfMissing(modelFolder, ModelLocator.RequiredFiles);
        var config = XClipConfig.Load(Path.Combine(modelFolder, "config.json"));
        var model = new XClipModel(config, null, memory);
        try
        {
            using (var file = SafetensorsFile.Open(Path.Combine(modelFolder, "model.safetensors")))
                StateDictLoader.Load(model, file);
            if (device is not null || dtype != ScalarType.Float32) model.to(device ?? CPU, dtype);
            model.eval();
            return model;
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }

    /// <summary>Upstream <c>forward</c>: token ids (texts, L) with a (texts, L) mask and pixel values
    /// (videos, num_frames, 3, H, W) -> logits and normalised embeddings. The caller disposes the result.</summary>
    public XClipOutput Forward(Tensor inputIds, Tensor attentionMask, Tensor pixelValues) =>
        Forward(inputIds, attentionMask, pixelValues, (XClipTrace?)null);

    /// <summary>Upstream <c>get_text_features</c>: text_projection of the pooled text output, (texts, P), not normalised.</summary>
    public Tensor GetTextFeatures(Tensor inputIds, Tensor? attentionMask = null)
    {
        using var mode = torch.inference_mode();
        return TextFeatures(inputIds, attentionMask, null, null);
    }

    /// <summary>Upstream <c>get_video_features</c>: the MIT pooled output (videos, P), not normalised.</summary>
    public Tensor GetVideoFeatures(Tensor pixelValues)
    {
        using var encoding = GetVideoFeaturesWithContext(pixelValues);
        return encoding.VideoFeatures.alias();
    }

    /// <summary>One vision pass returning both the video features (videos, P) and the prompt generator's visual context
    /// (videos, patches, P), so re-ranking never runs the vision tower again.</summary>
    public XClipVideoEncoding GetVideoFeaturesWithContext(Tensor pixelValues)
    {
        using var mode = torch.inference_mode();
        return Visual(pixelValues, null, null);
    }

    /// <summary>X-CLIP logits (videos, texts) from <see cref="GetTextFeatures"/> output (texts, P), video features
    /// (videos, P; normalised or not) and contexts (videos, patches, P), exactly as <see cref="Forward(Tensor, Tensor, Tensor)"/>
    /// computes them.</summary>
    public Tensor GetLogitsWithContexts(Tensor textFeatures, Tensor videoFeatures, Tensor contexts)
    {
        using var mode = torch.inference_mode();
        using var scope = NewDisposeScope();
        var (logits, _, _) = Logits(textFeatures, videoFeatures, contexts, null);
        return logits.MoveToOuterDisposeScope();
    }

    /// <summary>Upstream <c>forward</c> for training: the same computation as <see cref="Forward(Tensor, Tensor, Tensor)"/>
    /// but under whatever grad mode the caller has (no inference mode inside), so the outputs carry the autograd graph
    /// when grad is enabled; dropout and drop-path follow <c>train()</c>/<c>eval()</c>. With
    /// <see cref="XClipForwardOptions.ReturnLoss"/> the batch must hold as many texts as videos, text i captioning video i.
    /// The caller disposes the result.</summary>
    /// <exception cref="XClipInputException">An input has the wrong shape, or the loss is asked for a non-square batch.</exception>
    public XClipForwardOutput Forward(Tensor inputIds, Tensor attentionMask, Tensor pixelValues, XClipForwardOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        // Checked before any compute: upstream only fails inside cross_entropy, after the whole forward.
        if (options.ReturnLoss && inputIds.shape[0] != pixelValues.shape[0])
            throw new XClipInputException(
                $"return_loss needs as many texts as videos (text i captions video i), got {inputIds.shape[0]} texts and {pixelValues.shape[0]} videos.");
        var towers = XClipTowerStates.For(options);
        try
        {
            using var scope = NewDisposeScope();
            var (logitsPerVideo, logitsPerText, textEmbeds, videoEmbeds) = Run(inputIds, attentionMask, pixelValues, null, towers);
            var loss = options.ReturnLoss ? XClipLoss.Contrastive(logitsPerText) : null;
            return new XClipForwardOutput(loss?.MoveToOuterDisposeScope(), logitsPerVideo.MoveToOuterDisposeScope(),
                logitsPerText.MoveToOuterDisposeScope(), textEmbeds.MoveToOuterDisposeScope(), videoEmbeds.MoveToOuterDisposeScope(),
                towers);
        }
        catch
        {
            towers.Dispose();
            throw;
        }
    }

    internal XClipOutput Forward(Tensor inputIds, Tensor attentionMask, Tensor pixelValues, XClipTrace? trace)
    {
        using var mode = torch.inference_mode();
        using var scope = NewDisposeScope();
        var (logitsPerVideo, logitsPerText, textEmbeds, videoEmbeds) = Run(inputIds, attentionMask, pixelValues, trace, null);
        return new XClipOutput(logitsPerVideo.MoveToOuterDisposeScope(), logitsPerText.MoveToOuterDisposeScope(),
            textEmbeds.MoveToOuterDisposeScope(), videoEmbeds.MoveToOuterDisposeScope());
    }

    /// <summary>The whole forward in the caller's scope and grad mode: logits_per_video (b, k), logits_per_text (k, b),
    /// text_embeds (b, k, P) and video_embeds (b, P). <paramref name="towers"/>, when given, collects the towers' states.</summary>
    private (Tensor LogitsPerVideo, Tensor LogitsPerText, Tensor TextEmbeds, Tensor VideoEmbeds) Run(
        Tensor inputIds, Tensor attentionMask, Tensor pixelValues, XClipTrace? trace, XClipTowerStates? towers)
    {
        using var visual = Visual(pixelValues, trace, towers);
        var text = TextFeatures(inputIds, attentionMask, trace, towers?.Text);
        var (logitsPerVideo, textEmbeds, videoEmbeds) = Logits(text, visual.VideoFeatures, visual.Context, trace);
        var logitsPerText = logitsPerVideo.t(); // (b, k) -> (k, b)
        return (logitsPerVideo, logitsPerText, textEmbeds, videoEmbeds);
    }

    private Tensor TextFeatures(Tensor inputIds, Tensor? attentionMask, XClipTrace? trace, XClipEncoderStates? states)
    {
        using var scope = NewDisposeScope();
        using var text = text_model.forward(inputIds, attentionMask, trace, states);
        var features = text_projection.forward(text.PoolerOutput); // (k, P)
        trace?.Record("text_features", features);
        return features.MoveToOuterDisposeScope();
    }

    private XClipVideoEncoding Visual(Tensor pixelValues, XClipTrace? trace, XClipTowerStates? towers)
    {
        var vision = Config.VisionConfig;
        if (pixelValues.dim() != 5 || pixelValues.shape[1] != vision.NumFrames)
            throw new XClipInputException(
                $"pixel_values must be (videos, {vision.NumFrames}, {vision.NumChannels}, {vision.ImageSize}, {vision.ImageSize}) " +
                $"(vision_config.num_frames = {vision.NumFrames}), got [{string.Join(", ", pixelValues.shape)}].");
        using var scope = NewDisposeScope();
        long b = pixelValues.shape[0], f = pixelValues.shape[1];
        var frames = pixelValues.reshape(-1, pixelValues.shape[2], pixelValues.shape[3], pixelValues.shape[4]); // (b, f, c, h, w) -> (b*f, c, h, w)
        using var tower = vision_model.forward(frames, trace, towers?.Vision);
        var cls = visual_projection.forward(tower.PoolerOutput).view(b, f, -1); // (b*f, P) -> (b, f, P)
        trace?.Record("cls_features", cls);
        using var mitOutput = mit.forward(cls, trace, towers?.Mit);
        var videoFeatures = mitOutput.PoolerOutput.alias();
        trace?.Record("video_features", videoFeatures);
        var patches = tower.LastHiddenState[.., 1.., ..]; // (b*f, 1+n, d) -> (b*f, n, d)
        var img = torch.matmul(prompts_visual_layernorm.forward(patches), prompts_visual_projection); // (b*f, n, P)
        img = img.view(b, f, -1, img.shape[^1]).mean([1]); // (b*f, n, P) -> (b, f, n, P) -> (b, n, P)
        trace?.Record("img_features", img);
        return new XClipVideoEncoding(videoFeatures.MoveToOuterDisposeScope(), img.MoveToOuterDisposeScope());
    }

    /// <summary>Returns logits_per_video (b, k), text_embeds (b, k, P) and video_embeds (b, P), all in the current scope.</summary>
    private (Tensor Logits, Tensor TextEmbeds, Tensor VideoEmbeds) Logits(
        Tensor textFeatures, Tensor videoFeatures, Tensor contexts, XClipTrace? trace)
    {
        long b = videoFeatures.shape[0], p = Config.ProjectionDim;
        if (textFeatures.dim() != 2 || textFeatures.shape[1] != p || videoFeatures.dim() != 2 || videoFeatures.shape[1] != p
            || contexts.dim() != 3 || contexts.shape[0] != b || contexts.shape[2] != p)
            throw new XClipInputException(
                $"Expected text features (texts, {p}), video features (videos, {p}) and contexts (videos, patches, {p}); got " +
                $"[{string.Join(", ", textFeatures.shape)}], [{string.Join(", ", videoFeatures.shape)}], [{string.Join(", ", contexts.shape)}].");
        var dtype = logit_scale.dtype;
        var text = textFeatures.to(dtype).unsqueeze(0).expand(b, -1, -1); // (k, P) -> (b, k, P)
        var prompt = prompts_generator.forward(text, contexts.to(dtype));
        trace?.Record("prompt_generator_output", prompt);
        text = text + prompt;
        trace?.Record("text_embeds_unnormalized", text);
        var video = videoFeatures.to(dtype);
        video = video / video.norm(-1, true);
        text = text / text.norm(-1, true);
        var logits = torch.einsum("bd,bkd->bk", video, logit_scale.exp() * text); // (b, k)
        trace?.Record("video_embeds", video);
        trace?.Record("text_embeds", text);
        trace?.Record("logits_per_video", logits);
        trace?.Record("logits_per_text", logits.t());
        return (logits, text, video);
    }
}
