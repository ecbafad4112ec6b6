using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using VideoSearch.Indexer.Progress;
using VideoSearch.Web.Contracts;
using VideoSearch.Web.Media;
using VideoSearch.Web.Security;

namespace VideoSearch.Web.Endpoints;

/// <summary>The indexer's progress.</summary>
internal static class StatusEndpoints
{
    public static RouteGroupBuilder MapStatusEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/status", GetStatus)
            .WithName("GetIndexingStatus")
            .WithSummary("Indexing progress")
            .WithDescription("Files done and total, clips indexed, rate, current file, and the files that failed with reasons.")
            .RequireRateLimiting(RateLimiting.ApiPolicy);
        return api;
    }

    internal static Ok<IndexingStatusResponse> GetStatus(IIndexingProgress progress, MediaFileResolver paths)
    {
        var s = progress.Current;
        double percent = s.FilesTotal <= 0 ? (s.State is IndexingState.Idle or IndexingState.Scanning ? 0 : 100)
            : Math.Round(100.0 * Math.Clamp(s.FilesDone, 0, s.FilesTotal) / s.FilesTotal, 1);
        var errors = s.Errors
            .Select(e => new IndexingErrorItem(Path.GetFileName(e.Path), paths.DisplayPath(e.Path), e.Kind, paths.PublicText(e.Message)))
            .ToList();
        return TypedResults.Ok(new IndexingStatusResponse(
            s.State.ToString(),
            s.FilesTotal,
            s.FilesDone,
            s.FilesFailed,
            percent,
            s.ClipsIndexed,
            s.ClipsPerSecond,
            s.VideoSecondsPerSecond,
            s.Eta?.TotalSeconds,
            s.CurrentFile is null ? null : paths.DisplayPath(s.CurrentFile),
            errors,
            s.Message is null ? null : paths.PublicText(s.Message)));
    }
}
