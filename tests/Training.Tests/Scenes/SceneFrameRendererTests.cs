using VideoSearch.Training.Scenes;

namespace VideoSearch.Training.Tests.Scenes;

public sealed class SceneFrameRendererTests
{
    private static readonly VideoPlan s_video = ScenePlanner.PlanVideo(11, SceneSplit.Train, 0, 25);

    [Fact]
    public void Render_SameFrameTwice_SameBytes()
    {
        using var first = new SceneFrameRenderer(s_video);
        using var second = new SceneFrameRenderer(ScenePlanner.PlanVideo(11, SceneSplit.Train, 0, 25));
        foreach (int frame in new[] { 0, 37, s_video.FrameCount - 1 })
            Assert.Equal(first.Render(frame), second.Render(frame));
    }

    [Fact]
    public void Render_EachScene_ShapeCentreHasItsFillAndCornerTheBackground()
    {
        using var renderer = new SceneFrameRenderer(s_video);
        foreach (ScenePlan scene in s_video.Scenes)
        {
            foreach (int local in new[] { 0, scene.FrameCount / 2, scene.FrameCount - 1 })
            {
                byte[] rgb = renderer.Render(scene.FirstFrame + local);
                ScenePoint centre = scene.CentreAt(local);
                // The centre is well inside every shape (a triangle's centroid too), away from anti-aliased edges.
                Assert.Equal(scene.Fill, Pixel(rgb, (int)centre.X, (int)centre.Y));
                (int x, int y) = FarCorner(centre);
                SceneRgb corner = Pixel(rgb, x, y);
                Assert.True(ColourCheck.LargestChannelGap(corner, s_video.Background.Base) <= s_video.Background.NoiseAmplitude,
                    $"corner {corner} is not background {s_video.Background.Base} +- {s_video.Background.NoiseAmplitude}");
            }
        }
    }

    [Fact]
    public void Render_ConsecutiveFrames_NoiseChanges()
    {
        using var renderer = new SceneFrameRenderer(s_video);
        byte[] a = renderer.Render(10), b = renderer.Render(11);
        ScenePoint centre = s_video.SceneAt(10).Scene.CentreAt(10);
        (int x, int y) = FarCorner(centre);
        // A 16x16 block of background: with 5+ noise levels, identical blocks in two frames would mean frozen noise.
        int differing = 0;
        for (int dy = 0; dy < 16; dy++)
            for (int dx = 0; dx < 16; dx++)
                if (Pixel(a, Math.Clamp(x + dx - 8, 0, s_video.Width - 1), Math.Clamp(y + dy - 8, 0, s_video.Height - 1)) !=
                    Pixel(b, Math.Clamp(x + dx - 8, 0, s_video.Width - 1), Math.Clamp(y + dy - 8, 0, s_video.Height - 1))) differing++;
        Assert.True(differing > 128, $"only {differing} of 256 background pixels changed between frames");
    }

    [Fact]
    public void Render_WrongBufferOrFrame_Throws()
    {
        using var renderer = new SceneFrameRenderer(s_video);
        Assert.Throws<ArgumentException>(() => renderer.Render(0, new byte[10]));
        Assert.Throws<ArgumentOutOfRangeException>(() => renderer.Render(s_video.FrameCount));
    }

    private static SceneRgb Pixel(byte[] rgb, int x, int y)
    {
        int i = (y * s_video.Width + x) * 3;
        return new SceneRgb(rgb[i], rgb[i + 1], rgb[i + 2]);
    }

    /// <summary>The frame corner (inset 8 px) farthest from <paramref name="centre"/>: at least half the diagonal away, outside every shape.</summary>
    private static (int X, int Y) FarCorner(ScenePoint centre)
    {
        int x = centre.X < s_video.Width / 2.0 ? s_video.Width - 9 : 8;
        int y = centre.Y < s_video.Height / 2.0 ? s_video.Height - 9 : 8;
        return (x, y);
    }
}
