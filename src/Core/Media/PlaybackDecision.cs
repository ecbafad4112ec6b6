namespace VideoSearch.Core.Media;

/// <summary>Whether a browser can play a file as it is, and if not, why it has to be transcoded.</summary>
/// <param name="Direct">True when Chromium and Firefox play the file itself (the stream URL, with range requests).</param>
/// <param name="Reason">Why the file has to be transcoded (for people: the codec, container or picture format that is the obstacle); null when <paramref name="Direct"/>.</param>
public sealed record PlaybackDecision(bool Direct, string? Reason)
{
    /// <summary>The file plays as it is.</summary>
    public static PlaybackDecision Play { get; } = new(true, null);

    /// <summary>The file needs a transcode, for <paramref name="reason"/>.</summary>
    public static PlaybackDecision Transcode(string reason) => new(false, reason);
}
