using VideoSearch.Search.Contracts;

namespace VideoSearch.Search.Tests;

/// <summary>Every clip a search returned for a video: the clips behind its moments.</summary>
internal static class VideoHitClips
{
    public static IReadOnlyList<ClipHit> AllClips(this VideoHit video) => video.Moments.SelectMany(m => m.Clips).ToList();
}
