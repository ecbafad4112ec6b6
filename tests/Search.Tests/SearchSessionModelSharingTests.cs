using VideoSearch.Core.Hub;
using VideoSearch.Core.Inference;
using VideoSearch.Search.Contracts;
using VideoSearch.Search.Library;

namespace VideoSearch.Search.Tests;

[Collection(TinyLibraryCollection.Name)]
public sealed class SearchSessionModelSharingTests(TinyLibrary library)
{
    [Fact]
    public async Task OpenAsync_WithModelCache_SessionsShareOneModelThatOutlivesThem()
    {
        using var models = new XClipInferenceCache();
        SearchSession first = await Open(models);
        using SearchSession second = await Open(models);

        Assert.Same(first.Inference, second.Inference);
        Assert.Equal(1, models.Count);
        first.Dispose(); // a replaced session goes away while the host keeps serving from the next one
        var response = await second.Search.SearchAsync(new SearchRequest("a dog on a beach", 3), CancellationToken.None);
        Assert.NotEmpty(response.Videos);
    }

    [Fact]
    public async Task OpenAsync_WithoutModelCache_EachSessionLoadsAndOwnsItsModel()
    {
        using SearchSession first = await Open(null);
        using SearchSession second = await Open(null);
        Assert.NotSame(first.Inference, second.Inference);
    }

    private Task<SearchSession> Open(XClipInferenceCache? models) =>
        SearchSession.OpenAsync(library.Directory, null, new SearchOptions(), ModelLocator.FromEnvironment(), null,
            CancellationToken.None, models);
}
