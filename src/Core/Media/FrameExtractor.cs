using System.Globalization;
using System.Runtime.CompilerServices;
using FFMpegCore;

namespace VideoSearch.Core.Media;

/// <summary>
/// Decodes the frames shown at given times of a video to full-size RGB through FFMpegCore (see
/// <see cref="FfmpegFrameCommand"/> for the exact ffmpeg command and its fixed colour conversion): one ffmpeg
/// process per call, one seek, one window decoded, frames read from FFMpegCore's pipe sink. For each time T the frame returned is the first frame at or after T, or the last frame of the video
/// when T falls inside the last frame's display interval. <see cref="ExtractClipsAsync"/> streams a whole clip plan,
/// from one ffmpeg process per video where the plan is dense (<see cref="DecodePassRule"/>), with the same bytes.
/// </summary>
/// <remarks>
/// Memory: one call holds at most one RGB frame per distinct requested time (Width x Height x 3 bytes each; a
/// clip of 8 frames of 3840x2160 is 8 x 24.9 MB) plus a read buffer; frames are read from the pipe one at a time.
/// Truncated files: when a requested time lies more than <see cref="TruncationTolerance"/> past the last frame
/// that actually decodes, the call fails with <see cref="MediaErrorKind.Truncated"/> (strict: no partial clips,
/// the caller keeps the clips that did decode and flags the file).
/// </remarks>
public sealed class FrameExtractor(MediaToolOptions? options = null, FrameExtractionMode mode = FrameExtractionMode.Auto)
{
    private readonly MediaToolOptions _options = options ?? MediaToolOptions.Default;

    /// <summary>Decodes the frames of one planned clip, in the clip's order.</summary>
    public Task<IReadOnlyList<RgbFrame>> ExtractClipAsync(VideoInfo video, Clip clip, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(clip);
        return ExtractAsync(video, clip.FrameTimestamps, cancellationToken);
    }

    /// <summary>
    /// Decodes a whole clip plan of one video and yields each clip, in plan order, as soon as its frames are there.
    /// Dense plans (<see cref="DecodePassRule"/>) are decoded by one ffmpeg process: each frame is decoded once and
    /// shared (the same array) by every clip that uses it, memory stays bounded on long files (frames no pending clip
    /// needs are dropped, and while the consumer does not ask for the next clip ffmpeg is held), and the time limit
    /// is <see cref="MediaToolOptions.PassTimeout"/> of the span decoded, counted only while waiting for ffmpeg.
    /// Other plans go clip by clip through <see cref="ExtractClipAsync"/>. The frames are the same bytes either way.
    /// Failures are a <see cref="MediaException"/> naming the file, thrown after the clips that decoded before it
    /// (a truncated file yields its earlier clips, then <see cref="MediaErrorKind.Truncated"/>); cancellation, or
    /// leaving the enumeration early, stops ffmpeg at once.
    /// </summary>
    public IAsyncEnumerable<ExtractedClip> ExtractClipsAsync(VideoInfo video, IReadOnlyList<Clip> clips, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(video);
        ArgumentNullException.ThrowIfNull(clips);
        foreach (Clip clip in clips)
        {
            ArgumentNullException.ThrowIfNull(clip, nameof(clips));
            CheckTimes(video, clip.FrameTimestamps);
        }
        // The pass reproduces each clip's seek arithmetic, which needs the stream's time base (the probe gives it),
        // and reads its frames through a pipe ffmpeg opens by its /proc path, which only Linux has.
        bool onePass = mode switch { FrameExtractionMode.PerClip => false, FrameExtractionMode.OnePass => clips.Count > 0, _ => DecodePassRule.UsesOnePass(clips) }
            && clips.All(c => c.FrameTimestamps.Count > 0)
            && video.TimeBase is not null && FramePipe.IsSupported;
        return onePass
            ? new OnePassExtraction(video, clips, _options, this).RunAsync(cancellationToken)
            : ClipByClipAsync(video, clips, cancellationToken);
    }

    /// <summary>
    /// Decodes one frame per time (seconds from the start of the file, in [0, duration]); the result has the
    /// same order and length as <paramref name="timestamps"/>. Throws <see cref="MediaException"/> naming the file.
    /// Keep one call to a clip's worth of times: the window decoded spans the earliest to the latest time.
    /// </summary>
    public async Task<IReadOnlyList<RgbFrame>> ExtractAsync(VideoInfo video, IReadOnlyList<double> timestamps, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(video);
        ArgumentNullException.ThrowIfNull(timestamps);
        if (timestamps.Count == 0) return [];
        double tolerance = TruncationTolerance(video);
        CheckTimes(video, timestamps);

        double start = Exact(timestamps.Min());
        // ffmpeg reads the times back from text; use exactly the values it will parse.
        double[] relative = timestamps.Select(t => Exact(Exact(t) - start)).ToArray();
        double[] distinct = relative.Distinct().Order().ToArray();
        double length = Exact(distinct[^1] + LookAhead(video));
        int width = video.DisplayWidth, height = video.DisplayHeight;
        int frameBytes = checked(width * height * 3);

        var log = new ShowInfoLog(FfmpegFrameCommand.DecodedShowInfo, FfmpegFrameCommand.SelectedShowInfo);
        var reader = new RawFrameReader(frameBytes, distinct.Length);
        FFOptions ffOptions = _options.ToFFOptions();
        using var input = CommandLineSafePath.For(video.Path);
        FFMpegResult result = await ToolCall.RunAsync(MediaTool.Ffmpeg, ffOptions, video.Path, _options.ExtractTimeout, cancellationToken,
            token => ToolCall.ProcessFfmpegAsync(
                FfmpegFrameCommand.Build(input.Path, start, length, distinct, reader.ReadAsync, _options.InputOptions).NotifyOnStandardError(log.Accept),
                ffOptions, token)).ConfigureAwait(false);

        string summary = ToolCall.Summary(result.StandardError);
        reader.ThrowIfBroken(video, result, summary);
        CheckDecodedEnough(video, log, start, distinct[^1], tolerance, result, summary);
        var pictures = reader.Pictures;
        if (pictures.Count == 0 || log.Selected.Count != pictures.Count)
        {
            throw new MediaException(MediaErrorKind.DecodeFailed, video.Path,
                $"ffmpeg sent {pictures.Count} frames but reported {log.Selected.Count} (exit code {result.ExitCode}: {summary}).");
        }
        if (log.Selected.Any(f => f.Width != width || f.Height != height))
        {
            throw new MediaException(MediaErrorKind.DecodeFailed, video.Path,
                $"frames came out {log.Selected[0].Width}x{log.Selected[0].Height}, expected {width}x{height}.");
        }

        var frames = new RgbFrame[timestamps.Count];
        for (int i = 0; i < frames.Length; i++)
        {
            int chosen = FirstAtOrAfter(log.Selected, relative[i]);
            frames[i] = new RgbFrame(width, height, pictures[chosen], timestamps[i]);
        }
        return frames;
    }

    private async IAsyncEnumerable<ExtractedClip> ClipByClipAsync(VideoInfo video, IReadOnlyList<Clip> clips, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (Clip clip in clips)
        {
            yield return new ExtractedClip(clip, await ExtractClipAsync(video, clip, cancellationToken).ConfigureAwait(false));
        }
    }

    private static void CheckTimes(VideoInfo video, IReadOnlyList<double> timestamps)
    {
        ArgumentNullException.ThrowIfNull(timestamps);
        double tolerance = TruncationTolerance(video);
        foreach (double t in timestamps)
        {
            if (!double.IsFinite(t) || t < 0 || t > video.DurationSeconds + tolerance)
            {
                throw new ArgumentOutOfRangeException(nameof(timestamps), t,
                    $"Frame times must lie within 0..{video.DurationSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s of {video.Path}.");
            }
        }
    }

    /// <summary>
    /// How far past the last decodable frame a requested time may lie before the file counts as truncated: one
    /// second, or two frame intervals for very slow frame rates. Container durations and the last frame's display
    /// interval differ by far less than that; a file cut short misses whole seconds.
    /// </summary>
    public static double TruncationTolerance(VideoInfo video)
    {
        ArgumentNullException.ThrowIfNull(video);
        return video.FramesPerSecond > 0 ? Math.Max(1.0, 2.0 / video.FramesPerSecond) : 1.0;
    }

    /// <summary>
    /// How far past the latest time the window is decoded, so the first frame after it is found: 0.5 s covers
    /// frame intervals of video down to 2 frames per second (two intervals for slower video) at a cost of 0.5 s of
    /// extra decoding per clip. Past the end of the stream the last frame is repeated instead.
    /// </summary>
    internal static double LookAhead(VideoInfo video) =>
        video.FramesPerSecond > 0 ? Math.Max(0.5, 2.0 / video.FramesPerSecond) : 1.0;

    private static void CheckDecodedEnough(VideoInfo video, ShowInfoLog log, double start, double lastRelative, double tolerance, FFMpegResult result, string summary)
    {
        string claimed = video.DurationSeconds.ToString("0.##", CultureInfo.InvariantCulture);
        if (log.LastDecodedSeconds is not { } lastDecoded)
        {
            if (start >= tolerance)
            {
                throw new MediaException(MediaErrorKind.Truncated, video.Path,
                    $"no frame decodes at or after {start.ToString("0.##", CultureInfo.InvariantCulture)} s although the file claims {claimed} s; the file is probably truncated.");
            }
            throw new MediaException(MediaErrorKind.DecodeFailed, video.Path,
                $"no frame could be decoded (exit code {result.ExitCode}: {summary}).");
        }
        if (lastRelative > lastDecoded + tolerance)
        {
            string reached = (start + lastDecoded).ToString("0.##", CultureInfo.InvariantCulture);
            throw new MediaException(MediaErrorKind.Truncated, video.Path,
                $"frames decode only up to {reached} s although the file claims {claimed} s; the file is probably truncated.");
        }
    }

    private static int FirstAtOrAfter(IReadOnlyList<SelectedFrame> selected, double time)
    {
        for (int i = 0; i < selected.Count; i++)
        {
            if (selected[i].Seconds is { } t && t >= time) return i;
        }
        return selected.Count - 1;
    }

    /// <summary>The time as ffmpeg parses it back from the text we write (microsecond digits).</summary>
    internal static double Exact(double seconds) =>
        double.Parse(FfmpegFrameCommand.Format(Math.Round(seconds, 6)), CultureInfo.InvariantCulture);
}
