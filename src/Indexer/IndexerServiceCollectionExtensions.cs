using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VideoSearch.Core.Hub;
using VideoSearch.Core.Inference;
using VideoSearch.Indexer.Progress;

namespace VideoSearch.Indexer;

/// <summary>Registers the indexer in a host.</summary>
public static class IndexerServiceCollectionExtensions
{
    /// <summary>
    /// Adds the indexer worker with its options (section <c>Indexer</c>, validated at start), the progress it reports
    /// (<see cref="IIndexingProgress"/>, <see cref="IndexingProgress"/>) and the worker itself (resolvable as
    /// <see cref="IndexerWorker"/> to await its end). <paramref name="configure"/> runs after binding, so values
    /// given on a command line override appsettings.json. An <see cref="XClipInferenceCache"/> registered by the
    /// host supplies the model, so the indexer shares it with the host's search instead of loading a second copy.
    /// </summary>
    public static IServiceCollection AddVideoSearchIndexer(this IServiceCollection services,
        Action<IndexerOptions>? configure = null)
    {
        var builder = services.AddOptions<IndexerOptions>().BindConfiguration(IndexerOptions.SectionName);
        if (configure != null) builder.Configure(configure);
        builder.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<IndexerOptions>, IndexerOptionsValidator>());
        services.TryAddSingleton<IndexingProgress>();
        services.TryAddSingleton<IIndexingProgress>(sp => sp.GetRequiredService<IndexingProgress>());
        services.TryAddSingleton(sp => new IndexingService(sp.GetRequiredService<IOptions<IndexerOptions>>(),
            sp.GetRequiredService<IndexingProgress>(), sp.GetRequiredService<ILogger<IndexingService>>(),
            sp.GetService<IProgress<DownloadProgress>>(), sp.GetService<XClipInferenceCache>()));
        services.TryAddSingleton(sp => new IndexerWorker(sp.GetRequiredService<IndexingService>(),
            sp.GetRequiredService<IndexingProgress>(), sp.GetRequiredService<IOptions<IndexerOptions>>(),
            sp.GetRequiredService<ILogger<IndexerWorker>>()));
        services.AddHostedService(sp => sp.GetRequiredService<IndexerWorker>());
        return services;
    }
}
