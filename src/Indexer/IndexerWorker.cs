using VideoSearch.Core.Errors;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VideoSearch.Core.Media;
using VideoSearch.Indexer.Progress;

namespace VideoSearch.Indexer;

/// <summary>
/// The hosted indexer: runs the indexing service once (or for ever with <see cref="IndexerOptions.Watch"/>) and
/// reports how it ended on <see cref="IIndexingProgress"/>. Stopping the host cancels it; videos not finished by
/// then stay pending and are done by the next run. <see cref="BackgroundService.ExecuteTask"/> completes when it ends;
/// a failure does not stop the host (a web server keeps serving search) but is kept in <see cref="Failure"/>.
/// A single run (not watching) checks for ffmpeg before the model is even loaded and ends at once with
/// <see cref="MediaToolsMissingException"/> without it; a watching one waits for it (see <see cref="IndexingPass"/>).
/// </summary>
public sealed class IndexerWorker : BackgroundService
{
    private readonly IndexingService _service;
    private readonly IndexingProgress _progress;
    private readonly ILogger<IndexerWorker> _logger;

    private readonly IOptions<IndexerOptions> _options;

    internal IndexerWorker(IndexingService service, IndexingProgress progress, IOptions<IndexerOptions> options,
        ILogger<IndexerWorker> logger)
    {
        _service = service;
        _progress = progress;
        _options = options;
        _logger = logger;
    }

    /// <summary>Why indexing stopped early (model not found, library unusable...), or null.</summary>
    public Exception? Failure { get; private set; }

    /// <summary>Time per pipeline stage so far.</summary>
    public Pipeline.StageTimings Timings => _service.Timings;

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            if (!_options.Value.Watch) await new MediaToolCheck().EnsureAvailableAsync(stoppingToken).ConfigureAwait(false);
            await _service.RunAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            _progress.SetState(IndexingState.Completed, "Stopped before the end; the next run continues where this one stopped.");
            _logger.LogInformation("Indexing stopped");
            throw;
        }
        catch (Exception caught)
        {
            // A full disk can surface past the pass as the plain I/O error of a last save on the way out (closing
            // the library saves the index): it is the environment's fault all the same, and says so.
            Exception e = caught is not VideoSearchException && StorageFailures.IsDiskFull(caught)
                ? StorageFailures.Unwritable(_options.Value.DatabaseDirectory, caught)
                : caught;
            Failure = e;
            _progress.SetState(IndexingState.Faulted, e.Message);
            // The project's own exceptions carry messages written for users; anything else needs its stack trace.
            if (e is VideoSearchException)
                _logger.LogError("Indexing failed: {Reason}", e.Message);
            else
                _logger.LogError(e, "Indexing failed: {Reason}", e.Message);
        }
    }
}
