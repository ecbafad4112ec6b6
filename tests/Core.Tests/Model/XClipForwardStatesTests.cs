using TorchSharp;
using VideoSearch.Core.Model;
using static TorchSharp.torch;

namespace VideoSearch.Core.Tests.Model;

/// <summary>output_hidden_states / output_attentions of the training forward against upstream's counts and shapes and the
/// kit's recorded hidden states.</summary>
public class XClipForwardStatesTests
{
    private static readonly XClipForwardOptions s_all = new(OutputHiddenStates: true, OutputAttentions: true);

    [Fact]
    public void Forward_HiddenStatesAndAttentions_CountsAndShapesAsUpstream()
    {
        var kit = ReferenceKit.Get("xclip-tiny");
        using var scope = NewDisposeScope();

        using var result = kit.Model.Forward(kit.Read("case1", "input_ids"), kit.Read("case1", "attention_mask"),
            kit.Read("case1", "pixel_values"), s_all);

        // case1: 3 videos of 4 frames, 4 texts of 16 tokens. Kit config: text 2 layers x 4 heads, width 32; vision 2 layers
        // x 4 heads, width 48, 32/8 = 4x4 = 16 patches + CLS = 17 tokens, 18 inside self-attention (the message token is
        // appended there and dropped after it); MIT 1 layer x 4 heads, width 40. Upstream: hidden_states = encoder input
        // + one per layer, attentions = one per layer, attn_weights viewed as (batch, heads, tgt_len, src_len).
        Assert.Equal(Repeat([4L, 16, 32], 3), Shapes(result.TextStates.HiddenStates));
        Assert.Equal(Repeat([4L, 4, 16, 16], 2), Shapes(result.TextStates.Attentions));
        Assert.Equal(Repeat([12L, 17, 48], 3), Shapes(result.VisionStates.HiddenStates));
        Assert.Equal(Repeat([12L, 4, 18, 18], 2), Shapes(result.VisionStates.Attentions));
        Assert.Equal(Repeat([3L, 4, 40], 2), Shapes(result.MitStates.HiddenStates));
        Assert.Equal(Repeat([3L, 4, 4, 4], 1), Shapes(result.MitStates.Attentions));
        // Grad is on in this test: the kept tensors are part of the graph, so a loss on them can be backpropagated.
        Assert.All(result.TextStates.HiddenStates.Concat(result.VisionStates.Attentions), t => Assert.True(t.requires_grad));
    }

    [Theory]
    [InlineData("case0")]
    [InlineData("case1")]
    public void Forward_HiddenStates_MatchTheKitsUpstreamHiddenStates(string caseName)
    {
        var kit = ReferenceKit.Get("xclip-tiny");
        using var scope = NewDisposeScope();

        using var result = kit.Model.Forward(kit.Read(caseName, "input_ids"), kit.Read(caseName, "attention_mask"),
            kit.Read(caseName, "pixel_values"), new XClipForwardOptions(OutputHiddenStates: true));

        // The kit's text_model.hidden_states.i / vision_model.hidden_states.i are upstream's tuples; tolerance as in the
        // parity tests (per-tensor atol of cases.json + 1e-4 relative).
        for (int i = 0; i < 3; i++)
        {
            foreach (var (tower, states) in new[] { ("text_model", result.TextStates), ("vision_model", result.VisionStates) })
            {
                string name = $"{tower}.hidden_states.{i}";
                Assert.True(kit.Compare(states.HiddenStates[i], kit.Read(caseName, name), kit.Cases[caseName][name]!.Value).Within, name);
            }
        }
        Assert.Empty(result.TextStates.Attentions);
        Assert.Empty(result.VisionStates.Attentions);
        Assert.Empty(result.MitStates.Attentions);
    }

    [Fact]
    public void Forward_LastTextHiddenState_EqualsTheInferencePathsExactly()
    {
        var kit = ReferenceKit.Get("xclip-tiny");
        using var scope = NewDisposeScope();
        var ids = kit.Read("case1", "input_ids");
        var mask = kit.Read("case1", "attention_mask");
        var pixels = kit.Read("case1", "pixel_values");
        using var trace = new XClipTrace();
        using (kit.Model.Forward(ids, mask, pixels, trace)) { }

        using var result = kit.Model.Forward(ids, mask, pixels, s_all);

        // Same operations in the same order: bit-identical, with or without a recorded graph.
        Assert.True(result.TextStates.HiddenStates[^1].eq(trace.Tensors["text_model.hidden_states.2"]).all().item<bool>());
        Assert.True(result.VisionStates.HiddenStates[^1].eq(trace.Tensors["vision_model.last_hidden_state"]).all().item<bool>());
        // The MIT's last hidden state is the encoder output before upstream adds the residual (cls_features) back.
        var mitLast = result.MitStates.HiddenStates[^1] + trace.Tensors["cls_features"];
        Assert.True(mitLast.eq(trace.Tensors["mit.last_hidden_state"]).all().item<bool>());
    }

    [Fact]
    public void Forward_TextAttentions_AreCausalMaskedProbabilities()
    {
        var kit = ReferenceKit.Get("xclip-tiny");
        using var scope = NewDisposeScope();
        var mask = kit.Read("case0", "attention_mask"); // rows of 7, 5 and 3 real tokens

        using var result = kit.Model.Forward(kit.Read("case0", "input_ids"), mask, kit.Read("case0", "pixel_values"),
            new XClipForwardOptions(OutputAttentions: true));

        Assert.Empty(result.TextStates.HiddenStates);
        foreach (var attention in result.TextStates.Attentions.Concat(result.VisionStates.Attentions).Concat(result.MitStates.Attentions))
            Assert.True(attention.sum(-1).allclose(torch.ones(1), rtol: 0, atol: 1e-5)); // every row a distribution
        foreach (var attention in result.TextStates.Attentions)
        {
            // Nothing above the diagonal (causal) and nothing on padded keys: float32 exp(finfo.min - max) is exactly 0.
            Assert.True(attention.triu(1).eq(0).all().item<bool>());
            var padded = mask.eq(0).view(3, 1, 1, 7).expand_as(attention);
            Assert.True(attention.masked_select(padded).eq(0).all().item<bool>());
        }
    }

    [Fact]
    public void Forward_NoStatesAsked_EveryListEmpty()
    {
        var kit = ReferenceKit.Get("xclip-tiny");
        using var scope = NewDisposeScope();

        using var result = kit.Model.Forward(kit.Read("case2", "input_ids"), kit.Read("case2", "attention_mask"),
            kit.Read("case2", "pixel_values"), new XClipForwardOptions(ReturnLoss: true));

        foreach (var states in new[] { result.TextStates, result.VisionStates, result.MitStates })
        {
            Assert.Empty(states.HiddenStates);
            Assert.Empty(states.Attentions);
        }
    }

    private static List<long[]> Repeat(long[] shape, int count) => Enumerable.Repeat(shape, count).ToList();

    private static List<long[]> Shapes(IReadOnlyList<Tensor> tensors) => tensors.Select(t => t.shape).ToList();
}
