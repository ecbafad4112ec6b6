using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using VideoSearch.Search.Contracts;
using VideoSearch.Search.Labels;
using VideoSearch.Search.Ranking;
using VideoSearch.Search.Text;

namespace VideoSearch.Search;

/// <summary>Registers search in a host.</summary>
public static class SearchServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="ISearchService"/>, <see cref="SearchService"/> and <see cref="LabelClassifier"/> with
    /// <see cref="SearchOptions"/> bound from the <c>Search</c> section and validated at start. The host registers
    /// the shared <c>XClipInference</c>, the <c>IVectorIndex</c> and the <c>ISearchCatalog</c> (for instance from a
    /// <c>SearchLibrary</c>).
    /// </summary>
    public static IServiceCollection AddVideoSearchSearch(this IServiceCollection services)
    {
        services.AddOptions<SearchOptions>().BindConfiguration(SearchOptions.SectionName)
            .Validate(o => o.Problem() is null, "Invalid Search settings: CandidateCount, MaxTop and EfSearch must be at least 1, TextCacheSize at least 0.")
            .ValidateOnStart();
        services.AddSingleton(sp => new TextFeatureCache(sp.GetRequiredService<IOptions<SearchOptions>>().Value.TextCacheSize));
        services.AddSingleton<QueryEncoder>();
        services.AddSingleton<ClipReranker>();
        services.AddSingleton<LabelClassifier>();
        services.AddSingleton<SearchService>();
        services.AddSingleton<ISearchService>(sp => sp.GetRequiredService<SearchService>());
        return services;
    }
}
