using System.Diagnostics;

namespace VideoSearch.Indexer.Pipeline;

/// <summary>Time spent in each pipeline stage (summed over the workers of a stage, so stages running side by side
/// can add up to more than the wall-clock time).</summary>
public sealed class StageTimings
{
    private long _probe, _extract, _preprocess, _thumbnail, _preview, _embed, _write;

    /// <summary>ffprobe and clip planning.</summary>
    public TimeSpan Probe => Ticks(ref _probe);

    /// <summary>Waiting for ffmpeg's decoded frames (the part of decoding that did not overlap the worker's own work).</summary>
    public TimeSpan Extract => Ticks(ref _extract);

    /// <summary>Resize, crop and normalise.</summary>
    public TimeSpan Preprocess => Ticks(ref _preprocess);

    /// <summary>JPEG thumbnails.</summary>
    public TimeSpan Thumbnail => Ticks(ref _thumbnail);

    /// <summary>JPEG preview strips.</summary>
    public TimeSpan Preview => Ticks(ref _preview);

    /// <summary>Model forward passes.</summary>
    public TimeSpan Embed => Ticks(ref _embed);

    /// <summary>Catalog transactions and vector index updates.</summary>
    public TimeSpan Write => Ticks(ref _write);

    internal void AddProbe(long startTimestamp) => Add(ref _probe, startTimestamp);
    internal void AddExtract(long startTimestamp) => Add(ref _extract, startTimestamp);
    internal void AddPreprocess(long startTimestamp) => Add(ref _preprocess, startTimestamp);
    internal void AddThumbnail(long startTimestamp) => Add(ref _thumbnail, startTimestamp);
    internal void AddPreview(long startTimestamp) => Add(ref _preview, startTimestamp);
    internal void AddEmbed(long startTimestamp) => Add(ref _embed, startTimestamp);
    internal void AddWrite(long startTimestamp) => Add(ref _write, startTimestamp);

    private static void Add(ref long total, long startTimestamp) =>
        Interlocked.Add(ref total, Stopwatch.GetElapsedTime(startTimestamp).Ticks);

    private static TimeSpan Ticks(ref long total) => TimeSpan.FromTicks(Interlocked.Read(ref total));
}
