using TorchSharp;
using VideoSearch.Core.Model;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace VideoSearch.Core.Tests.Model;

/// <summary>Parity with the upstream implementation on the two reference kits: every tensor of every case, intermediate
/// tensors included. Tolerance (kit README): |a - e| &lt;= atol + 1e-4 |e| with the per-tensor atol of cases.json, which
/// is about 100x the float32-vs-float64 rounding noise of the reference values; anything above ~1e-3 would be a bug.</summary>
public class XClipParityTests(ITestOutputHelper output)
{
    public static TheoryData<string, string> Cases() => new()
    {
        { "xclip-tiny", "case0" }, { "xclip-tiny", "case1" }, { "xclip-tiny", "case2" }, { "xclip-tiny-clipvocab", "case0" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Forward_ReferenceCase_EveryTensorWithinTolerance(string kitName, string caseName)
    {
        var kit = ReferenceKit.Get(kitName);
        using var scope = NewDisposeScope();
        var ids = kit.Read(caseName, "input_ids");
        var mask = kit.Read(caseName, "attention_mask");
        var pixels = kit.Read(caseName, "pixel_values");
        using var trace = new XClipTrace();
        using var result = kit.Model.Forward(ids, mask, pixels, trace);

        var failures = new List<string>();
        int compared = 0;
        double worst = 0;
        foreach (var (name, atol) in kit.Cases[caseName])
        {
            if (atol is null) continue; // inputs
            Assert.True(trace.Tensors.ContainsKey(name), $"the model does not expose '{name}'");
            var (max, within) = kit.Compare(trace.Tensors[name], kit.Read(caseName, name), atol.Value);
            worst = Math.Max(worst, max);
            compared++;
            output.WriteLine($"{kitName}/{caseName}/{name}: max |diff| {max:E2} (atol {atol:E2})");
            if (!within) failures.Add($"{name}: max |diff| {max:E3} exceeds atol {atol:E3} + rtol*|e|");
        }
        output.WriteLine($"{kitName}/{caseName}: {compared} tensors, largest |diff| {worst:E2}");
        Assert.Empty(failures);
        Assert.Equal(kit.Cases[caseName].Count(t => t.Value is not null), compared);

        // The public outputs are the traced ones.
        Assert.True(kit.Compare(result.LogitsPerVideo, kit.Read(caseName, "logits_per_video"), kit.Cases[caseName]["logits_per_video"]!.Value).Within);
        Assert.True(kit.Compare(result.LogitsPerText, kit.Read(caseName, "logits_per_text"), kit.Cases[caseName]["logits_per_text"]!.Value).Within);
        Assert.True(kit.Compare(result.TextEmbeds, kit.Read(caseName, "text_embeds"), kit.Cases[caseName]["text_embeds"]!.Value).Within);
        Assert.True(kit.Compare(result.VideoEmbeds, kit.Read(caseName, "video_embeds"), kit.Cases[caseName]["video_embeds"]!.Value).Within);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void GetFeatures_ReferenceCase_MatchUpstreamFeatures(string kitName, string caseName)
    {
        var kit = ReferenceKit.Get(kitName);
        using var scope = NewDisposeScope();
        var text = kit.Model.GetTextFeatures(kit.Read(caseName, "input_ids"), kit.Read(caseName, "attention_mask"));
        var video = kit.Model.GetVideoFeatures(kit.Read(caseName, "pixel_values"));

        Assert.True(kit.Compare(text, kit.Read(caseName, "text_features"), kit.Cases[caseName]["text_features"]!.Value).Within);
        Assert.True(kit.Compare(video, kit.Read(caseName, "video_features"), kit.Cases[caseName]["video_features"]!.Value).Within);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void GetLogitsWithContexts_SeparatePasses_MatchForwardLogits(string kitName, string caseName)
    {
        var kit = ReferenceKit.Get(kitName);
        using var scope = NewDisposeScope();
        var text = kit.Model.GetTextFeatures(kit.Read(caseName, "input_ids"), kit.Read(caseName, "attention_mask"));
        using var visual = kit.Model.GetVideoFeaturesWithContext(kit.Read(caseName, "pixel_values"));
        var logits = kit.Model.GetLogitsWithContexts(text, visual.VideoFeatures, visual.Context);

        Assert.True(kit.Compare(visual.Context, kit.Read(caseName, "img_features"), kit.Cases[caseName]["img_features"]!.Value).Within);
        Assert.True(kit.Compare(logits, kit.Read(caseName, "logits_per_video"), kit.Cases[caseName]["logits_per_video"]!.Value).Within);
    }

    [Fact]
    public void GetTextFeatures_TrueLengthInsteadOfPadded_SameFeatures()
    {
        // case1 row 1 has 9 real tokens padded with id 0 to 16; at its true length the causal mask makes the result the same.
        var kit = ReferenceKit.Get("xclip-tiny");
        using var scope = NewDisposeScope();
        var ids = kit.Read("case1", "input_ids");
        var expected = kit.Read("case1", "text_features")[1].unsqueeze(0);
        var trimmed = ids[1, ..9].unsqueeze(0);

        var actual = kit.Model.GetTextFeatures(trimmed, torch.ones_like(trimmed));

        Assert.True(kit.Compare(actual, expected, kit.Cases["case1"]["text_features"]!.Value).Within);
    }
}
