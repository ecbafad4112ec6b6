using System.Text.Json.Serialization;

namespace VideoSearch.Training.Scenes;

/// <summary>
/// One training row, one line of a split's JSON Lines file:
/// <c>{"video": "test/scenes-0003.mp4", "start": 4.2, "end": 9.8, "caption": "a red circle moving left"}</c>. The video
/// path is relative to the jsonl file's folder; start and end are seconds, exactly the first frame's time and the end
/// of the last frame's display interval.
/// </summary>
/// <param name="Video">The video, relative to the jsonl file's folder, with '/'.</param>
/// <param name="Start">The scene's start in seconds.</param>
/// <param name="End">The scene's end in seconds.</param>
/// <param name="Caption">The scene's caption.</param>
public sealed record SceneRow(
    [property: JsonPropertyName("video")] string Video,
    [property: JsonPropertyName("start")] double Start,
    [property: JsonPropertyName("end")] double End,
    [property: JsonPropertyName("caption")] string Caption)
{
    /// <summary>The rows of <paramref name="video"/>, one per scene, in order.</summary>
    public static IEnumerable<SceneRow> Of(VideoPlan video)
    {
        ArgumentNullException.ThrowIfNull(video);
        return video.Scenes.Select(s => new SceneRow(
            video.RelativePath, s.StartSeconds(video.FramesPerSecond), s.EndSeconds(video.FramesPerSecond), s.Caption));
    }
}
