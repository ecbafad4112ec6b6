using System.ComponentModel;
using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using VideoSearch.Core.Media;
using VideoSearch.Web.Contracts;
using VideoSearch.Web.Library;
using VideoSearch.Web.Media;
using VideoSearch.Web.Security;

namespace VideoSearch.Web.Endpoints;

/// <summary>
/// How to play a video in the browser (<see cref="BrowserPlayback"/>) and, for files a browser cannot play, the video
/// transcoded on the fly from a given time (<see cref="Transcoder"/>), at a bounded concurrency (<see cref="TranscodeSlots"/>).
/// </summary>
internal static partial class PlaybackEndpoints
{
    /// <summary>What a refused transcode tells the player to wait: long enough for a viewer to have closed a player or moved on.</summary>
    internal const int RetryAfterSeconds = 5;

    public static RouteGroupBuilder MapPlaybackEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/videos/{videoId:long}/playback", GetPlaybackAsync)
            .WithName("GetPlayback")
            .WithSummary("How the browser should play a video")
            .WithDescription("direct=true: url is the file itself (range requests). direct=false: url is the transcode, requested with ?start=S; its time 0 is S. reason says why a file is transcoded.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireRateLimiting(RateLimiting.ApiPolicy);
        api.MapGet("/videos/{videoId:long}/transcode", TranscodeAsync)
            .WithName("TranscodeVideo")
            .WithSummary("The video transcoded for the browser, from a time")
            .WithDescription("H.264/AAC fragmented MP4, at most 1280 wide, streamed as it is made, starting at ?start= seconds (default 0; time 0 of the stream is that time). 503 with Retry-After when the server already runs its most transcodes. The transcode stops when the client goes away.")
            .Produces<Stream>(StatusCodes.Status200OK, "video/mp4")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return api;
    }

    internal static async Task<Results<Ok<PlaybackResponse>, ProblemHttpResult>> GetPlaybackAsync(
        [Description("The video's id.")] long videoId, IMediaLibrary library, MediaFileResolver paths, ProbeCache probes, CancellationToken cancellationToken)
    {
        var (file, problem) = await ResolveAsync(videoId, library, paths, cancellationToken);
        if (file is null) return problem!;
        PlaybackDecision decision = BrowserPlayback.Decide(await probes.ProbeAsync(file, cancellationToken));
        return TypedResults.Ok(new PlaybackResponse(decision.Direct, decision.Reason,
            decision.Direct ? ApiUrls.Stream(videoId) : ApiUrls.Transcode(videoId)));
    }

    internal static async Task<Results<PushStreamHttpResult, ValidationProblem, ProblemHttpResult>> TranscodeAsync(
        [Description("The video's id.")] long videoId,
        [Description("Where the stream starts, in seconds from the start of the file: 0 up to (not including) the duration.")] double? start,
        IMediaLibrary library, MediaFileResolver paths, ProbeCache probes, TranscodeSlots slots, Transcoder transcoder,
        IHostApplicationLifetime lifetime, ILoggerFactory loggers, HttpContext context, CancellationToken cancellationToken)
    {
        var (file, problem) = await ResolveAsync(videoId, library, paths, cancellationToken);
        if (file is null) return problem!;
        var slot = slots.TryTake();
        if (!slot.IsAcquired)
        {
            slot.Dispose();
            context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
            return TypedResults.Problem(
                title: "Too many transcodes",
                detail: "The server is already transcoding as many videos as it allows; try again in a few seconds.",
                statusCode: StatusCodes.Status503ServiceUnavailable);
        }
        // Released when the response is done, however it ends. Taken before the probe, so a refusal is immediate.
        context.Response.RegisterForDispose(slot);
        VideoInfo video = await probes.ProbeAsync(file, cancellationToken);
        double from = start ?? 0;
        if (!double.IsFinite(from) || from < 0 || from >= video.DurationSeconds)
        {
            string duration = video.DurationSeconds.ToString("0.###", CultureInfo.InvariantCulture);
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["start"] = [$"start must lie from 0 up to (not including) the video's duration, {duration} s."],
            });
        }
        context.Response.Headers.CacheControl = "no-store";
        // A stream made on the fly has no byte positions to seek to: the player asks for a new start instead.
        context.Response.Headers.AcceptRanges = "none";
        ILogger logger = loggers.CreateLogger(typeof(PlaybackEndpoints));
        return TypedResults.Stream(body => StreamAsync(transcoder, video, from, body, context, lifetime, logger), "video/mp4");
    }

    /// <summary>
    /// Runs the transcode into the response. The client leaving (RequestAborted) or the server stopping
    /// (ApplicationStopping, so a shutdown does not wait for the video to end) kills ffmpeg; either way the
    /// connection is aborted, so the player sees a cut stream rather than a video that seems to end there.
    /// </summary>
    private static async Task StreamAsync(Transcoder transcoder, VideoInfo video, double start, Stream body, HttpContext context,
        IHostApplicationLifetime lifetime, ILogger logger)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
        try
        {
            await transcoder.TranscodeAsync(video, start, body, stop.Token);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            context.Abort();
        }
        catch (MediaException e) when (context.Response.HasStarted)
        {
            // Part of the video has gone out; there is no way to answer a problem any more.
            LogCutShort(logger, e, context.Request.Path);
            context.Abort();
        }
    }

    private static async Task<(string? File, ProblemHttpResult? Problem)> ResolveAsync(
        long videoId, IMediaLibrary library, MediaFileResolver paths, CancellationToken cancellationToken)
    {
        var video = await library.GetVideoAsync(videoId, cancellationToken);
        if (video is null) return (null, VideoEndpoints.VideoNotFound(videoId));
        string? file = paths.ResolveFile(video.Path);
        return file is null ? (null, VideoEndpoints.FileNotAvailable(videoId)) : (file, null);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Transcode for {Path} failed after the stream had started")]
    private static partial void LogCutShort(ILogger logger, Exception exception, string path);
}
