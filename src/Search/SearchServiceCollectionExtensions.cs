using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using VideoSearch.Core.Catalog;
using VideoSearch.Search.Catalog;
using VideoSearch.Search.Contracts;
using VideoSearch.Search.Examples;
using VideoSearch.Search.Following;
using VideoSearch.Search.Labels;
using VideoSearch.Search.Ranking;
using VideoSearch.Search.Text;

namespace VideoSearch.Search;

/// <summary>Registers search in a host.</summary>
public static class SearchServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="ISearchService"/> (<see cref="SearchService"/>), search by a video file
    /// (<see cref="VideoExampleEncoder"/>) and zero-shot labels (<see cref="LabelClassifier"/>), with
    /// <see cref="SearchOptions"/> bound from the <c>Search</c> section and validated at start. They run on the
    /// library that <c>AddVideoSearchLibrary</c> registers: its catalog, its one live vector index and its one model,
    /// the same instances the host's indexer uses. When that catalog is shared (other processes write it), the
    /// hosted <see cref="CatalogFollower"/> is added too, so what they commit becomes searchable here; call
    /// <c>AddVideoSearchLibrary</c> first, since the catalog it registers decides this.
    /// </summary>
    public static IServiceCollection AddVideoSearchSearch(this IServiceCollection services)
    {
        services.AddOptions<SearchOptions>().BindConfiguration(SearchOptions.SectionName)
            .Validate(o => o.Problem() is null, "Invalid Search settings: CandidateCount, MaxTop and MaxQueryLength must be at least 1, MaxOffset and " +
                "TextCacheSize at least 0, FollowInterval positive and FollowSaveInterval at least 0.")
            .ValidateOnStart();
        services.TryAddSingleton(sp => new TextFeatureCache(sp.GetRequiredService<IOptions<SearchOptions>>().Value.TextCacheSize));
        services.TryAddSingleton<ISearchCatalog, CatalogSearchSource>();
        services.TryAddSingleton<QueryEncoder>();
        services.TryAddSingleton<ClipReranker>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<LibrarySampler>();
        services.TryAddSingleton<ScoreCalibrator>();
        services.TryAddSingleton<LabelClassifier>();
        services.TryAddSingleton<VideoExampleEncoder>();
        services.TryAddSingleton<SearchService>();
        services.TryAddSingleton<ISearchService>(sp => sp.GetRequiredService<SearchService>());
        if (RegisteredCatalog(services) is { Database.IsShared: true })
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, CatalogFollower>());
        return services;
    }

    /// <summary>The catalog instance <c>AddVideoSearchLibrary</c> registered, or null before it is.</summary>
    private static VideoCatalog? RegisteredCatalog(IServiceCollection services) =>
        services.LastOrDefault(d => d.ServiceType == typeof(VideoCatalog) && !d.IsKeyedService)?.ImplementationInstance as VideoCatalog;
}
