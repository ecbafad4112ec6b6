using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VideoSearch.Core.Catalog;
using VideoSearch.Core.Inference;
using VideoSearch.Core.Library;
using VideoSearch.Indexer.Embedding;
using VideoSearch.Indexer.Pipeline;
using VideoSearch.Indexer.Progress;

namespace VideoSearch.Indexer;

/// <summary>
/// Runs indexing: gets the host's model, checks it against the library, makes one pass over the roots and, when
/// watching, a new pass after every settled change. The catalog, the live vector index and the model are the host's
/// (search in the same process reads the same instances, so what is committed here is searchable at once).
/// </summary>
internal sealed class IndexingService(IOptions<IndexerOptions> options, IndexingProgress progress, ILogger<IndexingService> logger,
    VideoCatalog catalog, LibraryVectorIndex vectors, ModelHandle model)
{
    /// <summary>Time per stage over every pass of this service.</summary>
    public StageTimings Timings { get; } = new();

    /// <summary>Indexes until done (or, when watching, until <paramref name="cancellationToken"/> is cancelled).</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        IndexerOptions settings = options.Value;
        LoadedModel loaded = await model.GetAsync(cancellationToken).ConfigureAwait(false);
        logger.LogInformation("Model: {Model}", loaded.Resolved.Describe());
        using var session = await IndexerSession.OpenAsync(catalog, vectors, ClipEncoder.For(loaded), logger, cancellationToken)
            .ConfigureAwait(false);
        var pass = new IndexingPass(session, settings, progress, Timings, logger);
        await pass.RunAsync(cancellationToken).ConfigureAwait(false);
        if (!settings.Watch)
        {
            progress.SetState(IndexingState.Completed);
            return;
        }
        using var watcher = new LibraryWatcher(settings.Roots.Select(Path.GetFullPath), settings.WatchDebounce,
            settings.WatchRescanInterval);
        while (true)
        {
            progress.SetState(IndexingState.Watching);
            await watcher.WaitForChangeAsync(cancellationToken).ConfigureAwait(false);
            await pass.RunAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
