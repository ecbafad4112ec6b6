using VideoSearch.Training.Rows;

namespace VideoSearch.Training.Scenes;

/// <summary>
/// Everything needed to render one synthetic video: its place in the set, its size and rate, its background and its
/// scenes, which follow one another without gaps from frame 0 to <see cref="FrameCount"/>.
/// </summary>
/// <param name="Split">The split the video belongs to.</param>
/// <param name="Index">The video's number within its split.</param>
/// <param name="Width">Frame width in pixels (even).</param>
/// <param name="Height">Frame height in pixels (even).</param>
/// <param name="FramesPerSecond">The constant frame rate.</param>
/// <param name="Background">The noisy background.</param>
/// <param name="Scenes">The scenes, in order, contiguous.</param>
public sealed record VideoPlan(
    SceneSplit Split,
    int Index,
    int Width,
    int Height,
    int FramesPerSecond,
    SceneBackground Background,
    IReadOnlyList<ScenePlan> Scenes)
{
    /// <summary>The file name without extension, e.g. <c>scenes-0003</c>.</summary>
    public string Name => $"scenes-{Index:D4}";

    /// <summary>The video's path relative to the set's folder, e.g. <c>test/scenes-0003.mp4</c> (always with '/').</summary>
    public string RelativePath => $"{SceneSetLayout.FolderName(Split)}/{Name}.mp4";

    /// <summary>The number of frames of the whole video.</summary>
    public int FrameCount => Scenes[^1].EndFrame;

    /// <summary>The video's length in seconds (frames / rate).</summary>
    public double DurationSeconds => (double)FrameCount / FramesPerSecond;

    /// <summary>The video's rows, one per scene in order, as a split's rows file holds them: the path relative to the
    /// set's folder, start and end exactly the first frame's time and the end of the last frame's display interval.</summary>
    public IEnumerable<TrainingRow> Rows() => Scenes.Select(s =>
        new TrainingRow(RelativePath, s.StartSeconds(FramesPerSecond), s.EndSeconds(FramesPerSecond), s.Caption));

    /// <summary>The scene showing frame <paramref name="frame"/>, and the frame's number within that scene.</summary>
    public (ScenePlan Scene, int LocalFrame) SceneAt(int frame)
    {
        if (frame < 0 || frame >= FrameCount)
            throw new ArgumentOutOfRangeException(nameof(frame), frame, $"{Name} has frames 0 to {FrameCount - 1}.");
        foreach (ScenePlan scene in Scenes)
        {
            if (frame < scene.EndFrame) return (scene, frame - scene.FirstFrame);
        }
        throw new InvalidOperationException($"The scenes of {Name} do not cover frame {frame}.");
    }
}
