namespace VideoSearch.Web.Contracts;

/// <summary>How the browser should play a video.</summary>
/// <param name="Direct">True: <paramref name="Url"/> is the file itself (range requests), seek with the player's clock.
/// False: <paramref name="Url"/> is the transcode; request it with <c>?start=S</c>, and the stream's time 0 is S.</param>
/// <param name="Reason">Why the file is transcoded (its codec, container or picture format); null when direct.</param>
/// <param name="Url">Where to play it from.</param>
public sealed record PlaybackResponse(bool Direct, string? Reason, string Url);
