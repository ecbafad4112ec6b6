using Microsoft.Extensions.Caching.Memory;
using VideoSearch.Core.Media;

namespace VideoSearch.Web.Media;

/// <summary>
/// ffprobe's answers for served files, kept by (path, size, modification time): asking how to play a video and then
/// starting its transcode, or restarting the transcode on every seek, probes the file once. A file that changes
/// gets a new key, so a stale answer is never used; at most <see cref="Capacity"/> answers are kept.
/// </summary>
internal sealed class ProbeCache(MediaProbe probe) : IDisposable
{
    /// <summary>Answers kept (a few hundred bytes each).</summary>
    internal const int Capacity = 1024;

    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = Capacity });

    /// <summary>The probe of <paramref name="file"/> (a resolved path inside a media folder). Throws <see cref="MediaException"/> as <see cref="MediaProbe"/> does.</summary>
    public async Task<VideoInfo> ProbeAsync(string file, CancellationToken cancellationToken)
    {
        var info = new FileInfo(file);
        var key = new ProbeKey(file, info.Length, info.LastWriteTimeUtc);
        if (_cache.TryGetValue(key, out VideoInfo? known) && known is not null) return known;
        VideoInfo video = await probe.ProbeAsync(file, cancellationToken);
        _cache.Set(key, video, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = TimeSpan.FromHours(1) });
        return video;
    }

    public void Dispose() => _cache.Dispose();

    private readonly record struct ProbeKey(string Path, long Size, DateTime Modified);
}
