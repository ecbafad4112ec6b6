namespace VideoSearch.Core.Media;

/// <summary>A planned clip with its decoded frames, in the clip's order (one per entry of <see cref="Clip.FrameTimestamps"/>).</summary>
/// <param name="Clip">The clip as planned.</param>
/// <param name="Frames">Its frames; a frame shown at several times of the plan is one shared, read-only array.</param>
public sealed record ExtractedClip(Clip Clip, IReadOnlyList<RgbFrame> Frames);
