using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using VideoSearch.Core.Catalog;
using VideoSearch.Core.Inference;
using VideoSearch.Core.Library;
using VideoSearch.Search.Contracts;

namespace VideoSearch.Search.Tests;

/// <summary>Search composed as every host composes it: the library's Add extension, then search's.</summary>
[Collection(TinyLibraryCollection.Name)]
public sealed class SearchCompositionTests(TinyLibrary library)
{
    [Fact]
    public async Task AddVideoSearchSearch_ValidatedContainer_SearchesWithTheLibrarysModel()
    {
        await using ServiceProvider services = Build(null);
        var response = await services.GetRequiredService<ISearchService>().SearchAsync(new SearchRequest("a dog on a beach", 3),
            CancellationToken.None);

        Assert.NotEmpty(response.Videos);
        LoadedModel model = services.GetRequiredService<ModelHandle>().Current!;
        Assert.Equal(TinyLibrary.KitIdentity.Revision, model.Revision);
    }

    [Fact]
    public async Task SearchAsync_ClipAppliedToTheLiveIndex_IsFoundAtOnceWithoutReload()
    {
        await using ServiceProvider services = Build(null);
        var search = services.GetRequiredService<ISearchService>();
        var vectors = services.GetRequiredService<LibraryVectorIndex>();
        long clipId = library.Clips.Keys.Max();
        var request = new SearchRequest("a dog on a beach", 10);
        Assert.Contains((await search.SearchAsync(request, CancellationToken.None)).Videos, v => v.AllClips().Any(c => c.ClipId == clipId));

        // What the indexer does when a video is deleted or re-embedded, on the instance search reads.
        vectors.Apply([clipId], []);
        Assert.DoesNotContain((await search.SearchAsync(request, CancellationToken.None)).Videos, v => v.AllClips().Any(c => c.ClipId == clipId));
        vectors.Apply([], [(clipId, library.Clips[clipId].Embedding)]);
        Assert.Contains((await search.SearchAsync(request, CancellationToken.None)).Videos, v => v.AllClips().Any(c => c.ClipId == clipId));
    }

    [Fact]
    public async Task ModelHandle_AnotherModelRequestedForReading_ThrowsModelMismatch()
    {
        string copy = Path.Combine(Path.GetTempPath(), "videosearch-model-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(copy);
        try
        {
            foreach (string file in Directory.GetFiles(TinyLibrary.KitFolder)) File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
            await using ServiceProvider services = Build(copy);
            var e = await Assert.ThrowsAsync<ModelMismatchException>(() =>
                services.GetRequiredService<ModelHandle>().GetAsync(CancellationToken.None));
            Assert.Contains(copy, e.Message);
        }
        finally
        {
            Directory.Delete(copy, recursive: true);
        }
    }

    [Fact]
    public async Task ModelHandle_TwoHandlesOnOneCache_ShareOneLoadedModel()
    {
        await using ServiceProvider first = Build(null);
        var cache = first.GetRequiredService<XClipInferenceCache>();
        var other = new ModelHandle(first.GetRequiredService<Microsoft.Extensions.Options.IOptions<ModelOptions>>(), library.Catalog,
            first.GetRequiredService<Core.Hub.ModelLocator>(), cache);

        var a = await first.GetRequiredService<ModelHandle>().GetAsync(CancellationToken.None);
        var b = await other.GetAsync(CancellationToken.None);
        Assert.Same(a.Inference, b.Inference);
        Assert.Equal(1, cache.Count);
    }

    private ServiceProvider Build(string? model)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddLogging();
        // A separate catalog instance on the fixture's folder, as a host opens it.
        services.AddVideoSearchLibrary(VideoCatalog.OpenAsync(library.Directory).GetAwaiter().GetResult(), o => o.Model = model);
        services.AddVideoSearchSearch();
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }
}
