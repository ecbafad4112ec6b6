using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace VideoSearch.Core.Model;

/// <summary>Mirrors Hugging Face <c>XCLIPVisionEmbeddings</c>: patch convolution, CLS token, position embeddings.</summary>
internal sealed class XClipVisionEmbeddings : nn.Module<Tensor, Tensor>
{
    private readonly Parameter class_embedding;
    private readonly Conv2d patch_embedding;
    private readonly Embedding position_embedding;
    private readonly XClipVisionConfig config;

    public XClipVisionEmbeddings(XClipVisionConfig config, Device? device = null) : base(nameof(XClipVisionEmbeddings))
    {
        config.Validate();
        this.config = config;
        class_embedding = new Parameter(torch.zeros(config.HiddenSize, device: device));
        patch_embedding = nn.Conv2d(config.NumChannels, config.HiddenSize, config.PatchSize, stride: config.PatchSize,
            bias: false, device: device);
        position_embedding = nn.Embedding(config.NumPatches + 1, config.HiddenSize, device: device);
        RegisterComponents();
    }

    /// <summary>(frames, channels, image, image) -> (frames, 1 + patches, d), before pre_layernorm.</summary>
    public override Tensor forward(Tensor pixelValues)
    {
        if (pixelValues.dim() != 4 || pixelValues.shape[1] != config.NumChannels
            || pixelValues.shape[2] != config.ImageSize || pixelValues.shape[3] != config.ImageSize)
            throw new XClipInputException(
                $"pixel_values must be (frames, {config.NumChannels}, {config.ImageSize}, {config.ImageSize}), got [{string.Join(", ", pixelValues.shape)}].");
        using var scope = NewDisposeScope();
        long frames = pixelValues.shape[0];
        var patches = patch_embedding.forward(pixelValues.to(class_embedding.dtype)); // (f, d, g, g)
        patches = patches.flatten(2).transpose(1, 2); // (f, d, g, g) -> (f, g*g, d), row-major patches
        var cls = class_embedding.expand(frames, 1, -1); // (d) -> (f, 1, d)
        var embeddings = torch.cat([cls, patches], dim: 1); // (f, 1 + g*g, d)
        return (embeddings + position_embedding.weight!).MoveToOuterDisposeScope();
    }
}
