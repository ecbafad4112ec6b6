using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VideoSearch.Core.Catalog;
using VideoSearch.Core.Errors;
using VideoSearch.Core.Library;

namespace VideoSearch.Search.Following;

/// <summary>
/// Keeps this node's vector index in step with a shared catalog that other processes write: every
/// <see cref="SearchOptions.FollowInterval"/> it applies the changes they committed (<see cref="LibraryVectorIndex.CatchUpAsync"/>),
/// so their clips become searchable here, and every <see cref="SearchOptions.FollowSaveInterval"/> it saves the index
/// file with its watermark. It opens the index once the catalog has a model (a fresh catalog has none until the first
/// indexer starts), and opens it again for a model of another dimension. While the catalog cannot be read it says so
/// once, keeps trying, and says when it can again; search meanwhile answers from the clips it has.
/// </summary>
internal sealed class CatalogFollower(VideoCatalog catalog, LibraryVectorIndex vectors, IOptions<SearchOptions> options,
    TimeProvider time, ILogger<CatalogFollower> logger) : BackgroundService
{
    private DateTimeOffset? _failingSince;
    private DateTimeOffset _nextSaveAttempt = DateTimeOffset.MinValue;

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        SearchOptions settings = options.Value;
        using var timer = new PeriodicTimer(settings.FollowInterval, time);
        try
        {
            do
            {
                await FollowOnceAsync(settings, stoppingToken).ConfigureAwait(false);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping; disposing the index saves what was applied.
        }
    }

    private async Task FollowOnceAsync(SearchOptions settings, CancellationToken stoppingToken)
    {
        try
        {
            int applied = await CatchUpAsync(stoppingToken).ConfigureAwait(false);
            if (applied > 0) logger.LogDebug("Applied {ChangeCount} catalog changes to the vector index", applied);
            Recovered();
        }
        catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            Failed(e, settings.FollowInterval);
            return;
        }
        SaveIfDue(settings.FollowSaveInterval);
    }

    /// <summary>Opens the index for the catalog's model, or catches it up when it is open; 0 while there is no model.</summary>
    private async Task<int> CatchUpAsync(CancellationToken cancellationToken)
    {
        ModelState? model = await catalog.Model.GetAsync(cancellationToken).ConfigureAwait(false);
        if (model is null) return 0;
        if (vectors.Current is { } index && index.Dimension == model.EmbeddingDim)
            return await vectors.CatchUpAsync(cancellationToken).ConfigureAwait(false);
        // Opening reads what is missing itself (the changes since the saved watermark, or the whole catalog).
        await vectors.OpenAsync(model.EmbeddingDim, cancellationToken).ConfigureAwait(false);
        return 0;
    }

    private void SaveIfDue(TimeSpan interval)
    {
        if (time.GetUtcNow() < _nextSaveAttempt) return;
        try
        {
            vectors.SaveIfDue(interval);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The catalog holds every clip, so the index keeps working from memory; the next attempt waits a whole
            // interval rather than rewriting a large file every tick onto a full disk.
            _nextSaveAttempt = time.GetUtcNow() + interval;
            logger.LogWarning("Could not save the vector index ({Reason}); trying again in {Interval}", e.Message, interval);
        }
    }

    private void Failed(Exception e, TimeSpan interval)
    {
        if (_failingSince is not null) return;
        _failingSince = time.GetUtcNow();
        if (e is CatalogException { Kind: ErrorKind.Environment })
            logger.LogWarning("The catalog cannot be read ({Reason}); searching the clips already here and trying again every {Interval}",
                e.Message, interval);
        else if (e is VideoSearchException)
            logger.LogError("Following the catalog failed: {Reason}; trying again every {Interval}", e.Message, interval);
        else
            logger.LogError(e, "Following the catalog failed: {Reason}; trying again every {Interval}", e.Message, interval);
    }

    private void Recovered()
    {
        if (_failingSince is not { } since) return;
        _failingSince = null;
        logger.LogInformation("Following the catalog again after {Outage}", time.GetUtcNow() - since);
    }
}
