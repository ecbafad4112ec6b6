using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using VideoSearch.Core.Library;
using VideoSearch.Search.Contracts;

namespace VideoSearch.Search.Tests;

[Collection(TinyLibraryCollection.Name)]
public sealed class SearchServiceCollectionExtensionsTests(TinyLibrary library)
{
    private ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddLogging();
        services.AddVideoSearchLibrary(library.Catalog);
        services.AddVideoSearchSearch();
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    }

    [Fact]
    public async Task AddVideoSearchSearch_SearchSection_BindsOptionsAndResolvesWorkingService()
    {
        using var provider = Build(new() { ["Search:CandidateCount"] = "3", ["Search:MaxTop"] = "7" });
        var options = provider.GetRequiredService<IOptions<SearchOptions>>().Value;
        Assert.Equal((3, 7), (options.CandidateCount, options.MaxTop));
        var response = await provider.GetRequiredService<ISearchService>()
            .SearchAsync(new SearchRequest("a dog", Top: 1), CancellationToken.None);
        // K = 3 candidates: at most 3 clips come back, grouped into their videos.
        Assert.InRange(response.Videos.Sum(v => v.AllClips().Count), 1, 3);
    }

    [Fact]
    public void AddVideoSearchSearch_InvalidCandidateCount_FailsValidation()
    {
        using var provider = Build(new() { ["Search:CandidateCount"] = "0" });
        var e = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<SearchOptions>>().Value);
        Assert.Contains("CandidateCount", e.Message);
    }
}
