using VideoSearch.Core.Media;

namespace VideoSearch.Core.Tests.Media;

public class DecodePassRuleTests
{
    [Fact]
    public void UsesOnePass_ModelPlanOfALongVideo_True() =>
        Assert.True(DecodePassRule.UsesOnePass(ClipPlanner.Plan(120, ClipPlanOptions.ForModel(8))));

    [Fact]
    public void UsesOnePass_OneClip_False() =>
        Assert.False(DecodePassRule.UsesOnePass(ClipPlanner.Plan(3, ClipPlanOptions.ForModel(8))));

    [Fact]
    public void UsesOnePass_WindowsTouching_True() =>
        Assert.True(DecodePassRule.UsesOnePass(ClipPlanner.Plan(60, new ClipPlanOptions(4, 4, 8))));

    [Fact]
    public void UsesOnePass_GapOfExactlyOneWindow_True() =>
        Assert.True(DecodePassRule.UsesOnePass([Clip(0, 0, 4), Clip(1, 8, 12)]));

    [Fact]
    public void UsesOnePass_GapLongerThanTheWindow_False() =>
        Assert.False(DecodePassRule.UsesOnePass([Clip(0, 0, 4), Clip(1, 4, 8), Clip(2, 20, 24)]));

    [Fact]
    public void UsesOnePass_WindowsOutOfOrder_False() =>
        Assert.False(DecodePassRule.UsesOnePass([Clip(0, 4, 8), Clip(1, 0, 4)]));

    private static Clip Clip(int index, double start, double end) => new(index, start, end, [(start + end) / 2]);
}
