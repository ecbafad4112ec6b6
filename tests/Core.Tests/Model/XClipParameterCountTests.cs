using TorchSharp;
using VideoSearch.Core.Model;
using VideoSearch.TestSupport;

namespace VideoSearch.Core.Tests.Model;

public class XClipParameterCountTests
{
    [Fact]
    public void Of_BaseConfig_EqualsTheSnapshotCount() =>
        Assert.Equal(196_585_729L, XClipParameterCount.Of(new XClipConfig()));

    [Theory]
    [InlineData("xclip-tiny")]
    [InlineData("xclip-tiny-clipvocab")]
    public void Of_KitConfig_EqualsTheBuiltModelsCount(string kit)
    {
        var config = XClipConfig.Load(Path.Combine(Fixtures.Reference(kit), "config.json"));
        using var model = new XClipModel(config, torch.META);

        Assert.Equal(model.state_dict().Values.Sum(t => t.numel()), XClipParameterCount.Of(config));
    }

    [Fact]
    public void Of_VariedDimensions_EqualsTheBuiltModelsCount()
    {
        // Every dimension different, so a term that used the wrong one would show.
        var config = new XClipConfig
        {
            ProjectionDim = 24, PromptLayers = 3, PromptNumAttentionHeads = 4,
            TextConfig = new XClipTextConfig { VocabSize = 301, HiddenSize = 20, IntermediateSize = 36, NumHiddenLayers = 3, NumAttentionHeads = 4, MaxPositionEmbeddings = 11 },
            VisionConfig = new XClipVisionConfig
            {
                HiddenSize = 28, IntermediateSize = 44, NumHiddenLayers = 2, NumAttentionHeads = 7, MitHiddenSize = 24,
                MitIntermediateSize = 52, MitNumHiddenLayers = 2, MitNumAttentionHeads = 3, NumChannels = 3, ImageSize = 30,
                PatchSize = 6, NumFrames = 5,
            },
        };
        using var model = new XClipModel(config, torch.META);

        Assert.Equal(model.state_dict().Values.Sum(t => t.numel()), XClipParameterCount.Of(config));
    }
}
