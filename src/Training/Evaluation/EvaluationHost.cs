using System.Runtime.ExceptionServices;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using VideoSearch.Core.Catalog;
using VideoSearch.Core.Errors;
using VideoSearch.Core.Inference;
using VideoSearch.Core.Library;
using VideoSearch.Core.Model;
using VideoSearch.Indexer;
using VideoSearch.Indexer.Progress;
using VideoSearch.Search;

namespace VideoSearch.Training.Evaluation;

/// <summary>
/// The product over one private library, composed from the projects' own registrations as <c>videosearch serve</c>
/// composes them (the library's catalog, vector index and model, with search and the indexer on it), so indexing and
/// search share one loaded model, as they do there. Settings are the options' defaults (the values appsettings.json
/// ships), with one exception: the text feature cache is off, so every timed query encodes its text as a new query does.
/// </summary>
internal sealed class EvaluationHost : IAsyncDisposable
{
    private readonly LibraryLock _lock;
    private readonly VideoCatalog _catalog;
    private readonly ServiceProvider _services;

    private EvaluationHost(LibraryLock libraryLock, VideoCatalog catalog, ServiceProvider services)
    {
        _lock = libraryLock;
        _catalog = catalog;
        _services = services;
    }

    /// <summary>The search service, the one the web API and <c>videosearch search</c> call.</summary>
    public SearchService Search => _services.GetRequiredService<SearchService>();

    /// <summary>The most videos one request may ask for.</summary>
    public int MaxTop => _services.GetRequiredService<IOptions<SearchOptions>>().Value.MaxTop;

    /// <summary>Opens (creating) the library in <paramref name="database"/>, to index <paramref name="mediaRoot"/>.</summary>
    public static async Task<EvaluationHost> OpenAsync(string database, string mediaRoot, string modelFolder, XClipPrecision precision,
        CancellationToken cancellationToken)
    {
        var libraryLock = LibraryLock.Acquire(database, "evaluate");
        VideoCatalog? catalog = null;
        try
        {
            catalog = await VideoCatalog.OpenAsync(database, cancellationToken).ConfigureAwait(false);
            var services = new ServiceCollection();
            services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
            services.AddLogging();
            services.AddVideoSearchLibrary(catalog, m =>
            {
                m.Model = modelFolder;
                m.AllowModelChange = true;
                m.Precision = PrecisionChoice.NameOf(precision);
            });
            services.AddVideoSearchIndexer(o =>
            {
                o.Roots = [mediaRoot];
                o.DatabaseDirectory = database;
            });
            services.AddVideoSearchSearch();
            services.Configure<SearchOptions>(o => o.TextCacheSize = 0);
            var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
            provider.GetService<IStartupValidator>()?.Validate();
            provider.GetRequiredService<LibraryVectorIndex>().Writable = true;
            return new EvaluationHost(libraryLock, catalog, provider);
        }
        catch
        {
            catalog?.Dispose();
            libraryLock.Dispose();
            throw;
        }
    }

    /// <summary>Runs the indexer worker once, as <c>videosearch index</c> does, and returns its pass.</summary>
    /// <exception cref="VideoSearchException">Indexing stopped early (the model is unusable, ffmpeg is missing...).</exception>
    public async Task<IndexingSummary> IndexAsync(CancellationToken cancellationToken)
    {
        var worker = _services.GetRequiredService<IndexerWorker>();
        await worker.StartAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await worker.ExecuteTask!.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await worker.StopAsync(CancellationToken.None).ConfigureAwait(false);
        }
        if (worker.Failure is { } failure) ExceptionDispatchInfo.Throw(failure);
        return _services.GetRequiredService<IndexingProgress>().LastPass
               ?? throw new QualityEvaluationException(ErrorKind.Failed, "The indexer ended without finishing a pass.");
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync().ConfigureAwait(false);
        _catalog.Dispose();
        _lock.Dispose();
    }
}
