using TorchSharp;
using VideoSearch.Core.Model;
using static TorchSharp.torch;

namespace VideoSearch.Core.Tests.Model;

public class XClipModelLeakTests
{
    [Fact]
    public void Forward_200Passes_LiveTensorCountDoesNotGrow()
    {
        var kit = ReferenceKit.Get("xclip-tiny");
        using var ids = kit.Read("case0", "input_ids");
        using var mask = kit.Read("case0", "attention_mask");
        using var pixels = kit.Read("case0", "pixel_values");
        kit.Model.Forward(ids, mask, pixels).Dispose(); // warm-up
        long before = DisposeScopeManager.Statistics.ThreadTotalLiveCount;
        using (zeros(1)) Assert.Equal(before + 1, DisposeScopeManager.Statistics.ThreadTotalLiveCount); // the counter sees this thread

        for (int i = 0; i < 200; i++)
            using (kit.Model.Forward(ids, mask, pixels)) { }

        Assert.Equal(before, DisposeScopeManager.Statistics.ThreadTotalLiveCount);
    }

    [Fact]
    public void TrainingForward_EveryOutput50Passes_LiveTensorCountDoesNotGrow()
    {
        var kit = ReferenceKit.Get("xclip-tiny");
        using var ids = kit.Read("case1", "input_ids")[..3];
        using var mask = kit.Read("case1", "attention_mask")[..3];
        using var pixels = kit.Read("case1", "pixel_values");
        var options = new XClipForwardOptions(ReturnLoss: true, OutputHiddenStates: true, OutputAttentions: true);
        kit.Model.Forward(ids, mask, pixels, options).Dispose(); // warm-up
        long before = DisposeScopeManager.Statistics.ThreadTotalLiveCount;

        for (int i = 0; i < 50; i++)
            using (kit.Model.Forward(ids, mask, pixels, options)) { }

        Assert.Equal(before, DisposeScopeManager.Statistics.ThreadTotalLiveCount);
    }

    [Fact]
    public void Embedder_200Calls_LiveTensorCountDoesNotGrow()
    {
        var kit = ReferenceKit.Get("xclip-tiny");
        var embedder = new XClipEmbedder(kit.Model);
        long[][] texts = [[998, 5, 6, 999], [998, 7, 999]];
        var pixels = new float[2 * 4 * 3 * 32 * 32];
        // One call of each first: what the first call creates once (and keeps) is not a leak.
        embedder.EncodeTexts(texts);
        embedder.EncodeVideos(pixels, 2);
        long before = DisposeScopeManager.Statistics.ThreadTotalLiveCount;

        for (int i = 0; i < 200; i++)
        {
            embedder.EncodeTexts(texts);
            embedder.EncodeVideos(pixels, 2);
        }

        Assert.Equal(before, DisposeScopeManager.Statistics.ThreadTotalLiveCount);
    }
}
