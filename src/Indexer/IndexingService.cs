using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VideoSearch.Core.Hub;
using VideoSearch.Core.Inference;
using VideoSearch.Indexer.Pipeline;
using VideoSearch.Indexer.Progress;

namespace VideoSearch.Indexer;

/// <summary>
/// Runs indexing: resolves the model, opens the library, makes one pass over the roots and, when watching, a new
/// pass after every settled change. When the host keeps its models in one place (<paramref name="models"/>, e.g. the
/// web server, whose search uses the same model) the model comes from there, so the process holds one copy.
/// </summary>
internal sealed class IndexingService(IOptions<IndexerOptions> options, IndexingProgress progress, ILogger<IndexingService> logger,
    IProgress<DownloadProgress>? downloadProgress = null, XClipInferenceCache? models = null)
{
    /// <summary>Time per stage over every pass of this service.</summary>
    public StageTimings Timings { get; } = new();

    /// <summary>Indexes until done (or, when watching, until <paramref name="cancellationToken"/> is cancelled).</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        IndexerOptions settings = options.Value;
        ResolvedModel model = await ModelLocator.FromEnvironment().ResolveAsync(settings.Model, downloadProgress, cancellationToken)
            .ConfigureAwait(false);
        logger.LogInformation("Model: {Model}", model.Describe());
        using var session = await IndexerSession.OpenAsync(settings.DatabaseDirectory, model, models, logger, cancellationToken)
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
