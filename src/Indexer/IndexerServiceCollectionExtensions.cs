using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using VideoSearch.Indexer.Progress;

namespace VideoSearch.Indexer;

/// <summary>Registers the indexer in a host.</summary>
public static class IndexerServiceCollectionExtensions
{
    /// <summary>
    /// Adds the indexer worker with its options (section <c>Indexer</c>, validated at start), the progress it reports
    /// (<see cref="IIndexingProgress"/>, <see cref="IndexingProgress"/>) and the worker itself (resolvable as
    /// <see cref="IndexerWorker"/> to await its end). <paramref name="configure"/> runs after binding, so values
    /// given on a command line override appsettings.json. It runs on the library <c>AddVideoSearchLibrary</c>
    /// registers: the same catalog, live vector index and model as the host's search.
    /// </summary>
    public static IServiceCollection AddVideoSearchIndexer(this IServiceCollection services,
        Action<IndexerOptions>? configure = null)
    {
        var builder = services.AddOptions<IndexerOptions>().BindConfiguration(IndexerOptions.SectionName);
        if (configure != null) builder.Configure(configure);
        builder.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<IndexerOptions>, IndexerOptionsValidator>());
        services.AddVideoSearchIndexingProgress();
        services.TryAddSingleton<IndexingService>();
        // The worker's constructor is internal (it takes the internal service), which the container cannot call itself.
        services.TryAddSingleton(sp => new IndexerWorker(sp.GetRequiredService<IndexingService>(),
            sp.GetRequiredService<IndexingProgress>(), sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<IndexerWorker>>()));
        services.AddHostedService(sp => sp.GetRequiredService<IndexerWorker>());
        return services;
    }

    /// <summary>
    /// Adds only the indexing progress (<see cref="IIndexingProgress"/>), for a host that shows a library's status
    /// without indexing it.
    /// </summary>
    public static IServiceCollection AddVideoSearchIndexingProgress(this IServiceCollection services)
    {
        services.TryAddSingleton<IndexingProgress>();
        services.TryAddSingleton<IIndexingProgress>(sp => sp.GetRequiredService<IndexingProgress>());
        return services;
    }
}
