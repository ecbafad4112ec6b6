namespace VideoSearch.Core.Media;

/// <summary>
/// Chooses how a clip plan is decoded: one ffmpeg pass over the whole plan, or one seek and one process per clip.
/// <para>
/// The rule: one pass when the plan has at least two clips, their windows are in ascending order of start, and no
/// window starts more than one window length after the previous one ends (gap = next start - previous end, at most
/// the previous window's length). Otherwise, one seek per clip.
/// </para>
/// <para>
/// Why: a seek decodes from the keyframe before the window (a pre-roll of up to one keyframe interval) and then the
/// window; with overlapping windows (the default plan: 4 s every 2 s) every frame is decoded about twice that way,
/// while one pass decodes each frame once and pays one pre-roll. Between windows the pass decodes the gap for
/// nothing, so once gaps are longer than the windows themselves, seeking past them is cheaper. A single clip (a
/// short video, <c>classify</c>) has nothing to share, and its seek path is the simplest. Ascending windows are what
/// lets the pass release a frame once the clips before it are out; a plan out of order would hold frames longer.
/// </para>
/// </summary>
public static class DecodePassRule
{
    /// <summary>True when <paramref name="clips"/> should be decoded in one pass (see the class comment).</summary>
    public static bool UsesOnePass(IReadOnlyList<Clip> clips)
    {
        ArgumentNullException.ThrowIfNull(clips);
        if (clips.Count < 2) return false;
        for (int i = 1; i < clips.Count; i++)
        {
            Clip previous = clips[i - 1], next = clips[i];
            if (next.StartSeconds < previous.StartSeconds) return false;
            if (next.StartSeconds - previous.EndSeconds > previous.EndSeconds - previous.StartSeconds) return false;
        }
        return true;
    }
}
