using System.Diagnostics;
using VideoSearch.Core.Catalog;
using VideoSearch.Core.Hub;
using VideoSearch.Core.Inference;
using VideoSearch.Search.Contracts;

namespace VideoSearch.Search.Library;

/// <summary>
/// Search over a library that is still growing (the server indexes while it serves): answers from a
/// <see cref="SearchSession"/> and opens a fresh one when the catalog's clip count has changed, at most once per
/// <see cref="RefreshInterval"/> (opening loads the index and the model, so it is not done per request). Before the
/// first clip is indexed, searches return no videos rather than an error. With <paramref name="models"/> every session
/// uses the host's one copy of the model (shared with its indexer); without it each session loads its own.
/// </summary>
public sealed class RefreshingSearchService(
    VideoCatalog catalog, string directory, string? model, SearchOptions options, ModelLocator locator, Action<string>? notice,
    XClipInferenceCache? models = null)
    : ISearchService, IDisposable
{
    /// <summary>How long a session is used before the catalog is checked for new clips.</summary>
    public TimeSpan RefreshInterval { get; init; } = TimeSpan.FromSeconds(30);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private SearchSession? _session;
    private long _sessionClips = -1;
    private long _checkedAt = long.MinValue;

    /// <inheritdoc />
    public async Task<SearchResponse> SearchAsync(SearchRequest request, CancellationToken cancellationToken)
    {
        SearchSession? session = await CurrentAsync(cancellationToken).ConfigureAwait(false);
        if (session is null) return new SearchResponse(request.Query, false, [], 0, new SearchTimings(0, 0, 0, 0));
        return await session.Search.SearchAsync(request, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<SearchResponse> SearchSimilarAsync(long clipId, int top, SearchFilters? filters, CancellationToken cancellationToken)
    {
        SearchSession session = await CurrentAsync(cancellationToken).ConfigureAwait(false)
            ?? throw new KeyNotFoundException($"No clip {clipId}: the library is empty.");
        try
        {
            return await session.Search.SearchSimilarAsync(clipId, top, filters, cancellationToken).ConfigureAwait(false);
        }
        catch (SearchQueryException e)
        {
            // The interface's contract for an unknown clip (the web layer answers 404).
            throw new KeyNotFoundException(e.Message, e);
        }
    }

    private async Task<SearchSession?> CurrentAsync(CancellationToken cancellationToken)
    {
        if (_session is not null && Stopwatch.GetElapsedTime(Volatile.Read(ref _checkedAt)) < RefreshInterval) return _session;
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_session is not null && Stopwatch.GetElapsedTime(_checkedAt) < RefreshInterval) return _session;
            long clips = await catalog.Clips.CountAsync(cancellationToken).ConfigureAwait(false);
            Volatile.Write(ref _checkedAt, Stopwatch.GetTimestamp());
            if (clips == 0 || clips == _sessionClips) return _session;
            SearchSession fresh = await SearchSession.OpenAsync(directory, model, options, locator, notice, cancellationToken, models).ConfigureAwait(false);
            SearchSession? previous = _session;
            _session = fresh;
            _sessionClips = clips;
            // Searches already running on the previous session finish well within a refresh interval.
            if (previous is not null) _ = Task.Delay(RefreshInterval, CancellationToken.None).ContinueWith(_ => previous.Dispose(), TaskScheduler.Default);
            return fresh;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Releases the current session.</summary>
    public void Dispose()
    {
        _session?.Dispose();
        _gate.Dispose();
    }
}
