using VideoSearch.Core.Checkpoints;
using VideoSearch.Core.Model;
using static TorchSharp.torch;

namespace VideoSearch.Core.Tests.Model;

/// <summary>The stand-alone towers load the kit's tower weights under their upstream prefixes and reproduce the kit's
/// tower outputs (tolerance: per-tensor atol + 1e-4 |e|, see XClipParityTests).</summary>
public class XClipTowerModelTests
{
    [Fact]
    public void XClipTextModel_KitTextWeights_ReproducesPoolerOutput()
    {
        var kit = ReferenceKit.Get("xclip-tiny");
        using var model = new XClipTextModel(kit.Model.Config.TextConfig);
        LoadPrefix(model, kit, "text_model.");
        using var scope = NewDisposeScope();

        using var output = model.forward(kit.Read("case0", "input_ids"), kit.Read("case0", "attention_mask"));

        Assert.True(kit.Compare(output.PoolerOutput, kit.Read("case0", "text_model.pooler_output"), kit.Cases["case0"]["text_model.pooler_output"]!.Value).Within);
        Assert.True(kit.Compare(output.LastHiddenState, kit.Read("case0", "text_model.last_hidden_state"), kit.Cases["case0"]["text_model.last_hidden_state"]!.Value).Within);
    }

    [Fact]
    public void XClipVisionModel_KitVisionWeights_ReproducesTowerOutputs()
    {
        var kit = ReferenceKit.Get("xclip-tiny");
        using var model = new XClipVisionModel(kit.Model.Config.VisionConfig);
        LoadPrefix(model, kit, "vision_model.");
        using var scope = NewDisposeScope();
        var pixels = kit.Read("case0", "pixel_values").view(-1, 3, 32, 32); // (b, f, c, h, w) -> (b*f, c, h, w)

        using var output = model.forward(pixels);

        Assert.True(kit.Compare(output.PoolerOutput, kit.Read("case0", "vision_model.pooler_output"), kit.Cases["case0"]["vision_model.pooler_output"]!.Value).Within);
        Assert.True(kit.Compare(output.LastHiddenState, kit.Read("case0", "vision_model.last_hidden_state"), kit.Cases["case0"]["vision_model.last_hidden_state"]!.Value).Within);
    }

    [Fact]
    public void XClipVisionModel_FramesNotAMultipleOfNumFrames_ThrowsInputException()
    {
        var kit = ReferenceKit.Get("xclip-tiny");
        using var model = new XClipVisionModel(kit.Model.Config.VisionConfig);
        using var pixels = zeros([6, 3, 32, 32]);

        var e = Assert.Throws<XClipInputException>(() => model.forward(pixels));

        Assert.Contains("num_frames = 4", e.Message);
    }

    private static void LoadPrefix(TorchSharp.torch.nn.Module tower, ReferenceKit kit, string prefix)
    {
        // The tower's keys are the full model's keys under the same prefix, as in upstream XCLIPTextModel/XCLIPVisionModel.
        var source = kit.Model.state_dict();
        var target = tower.state_dict();
        Assert.Equal(source.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal)).Order(), target.Keys.Order());
        using var noGrad = no_grad();
        foreach (var (name, tensor) in target) tensor.copy_(source[name]);
    }
}
