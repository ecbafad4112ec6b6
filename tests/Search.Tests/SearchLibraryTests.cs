using VideoSearch.Core.Catalog;
using VideoSearch.Search.Contracts;
using VideoSearch.Search.Library;

namespace VideoSearch.Search.Tests;

[Collection(TinyLibraryCollection.Name)]
public sealed class SearchLibraryTests(TinyLibrary library) : IDisposable
{
    private readonly string _scratch = Path.Combine(Path.GetTempPath(), "videosearch-lib-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task OpenAsync_MissingFolder_ThrowsLibraryNotFoundNamingIt()
    {
        var e = await Assert.ThrowsAsync<LibraryNotFoundException>(() =>
            SearchLibrary.OpenAsync(_scratch, 64, null, CancellationToken.None));
        Assert.Contains(_scratch, e.Message);
        Assert.False(File.Exists(Path.Combine(_scratch, CatalogDatabase.FileName)));
    }

    [Fact]
    public async Task OpenAsync_CatalogWithoutClips_ThrowsLibraryNotFound()
    {
        using (await VideoCatalog.OpenAsync(_scratch)) { }
        var e = await Assert.ThrowsAsync<LibraryNotFoundException>(() =>
            SearchLibrary.OpenAsync(_scratch, 64, null, CancellationToken.None));
        Assert.Contains("empty", e.Message);
    }

    [Fact]
    public async Task OpenAsync_IndexFileMissing_RebuildsInMemoryWithNoticeAndSameResults()
    {
        CopyLibrary(withIndex: false);
        var notices = new List<string>();
        using var rebuilt = await SearchLibrary.OpenAsync(_scratch, 64, notices.Add, CancellationToken.None);
        Assert.Contains("missing", Assert.Single(notices));
        Assert.Equal(library.Clips.Count, rebuilt.Index.Count);
        Assert.False(File.Exists(Path.Combine(_scratch, SearchLibrary.IndexFileName)));
        await AssertSameTopClip(rebuilt);
    }

    [Fact]
    public async Task OpenAsync_StaleIndexFile_RebuildsInMemoryWithNotice()
    {
        CopyLibrary(withIndex: true);
        using (var stale = Core.Vectors.HnswVectorIndex.Load(Path.Combine(_scratch, SearchLibrary.IndexFileName)))
        {
            stale.Remove(library.Clips.Keys.Max());
            stale.Save(Path.Combine(_scratch, SearchLibrary.IndexFileName));
        }
        var notices = new List<string>();
        using var rebuilt = await SearchLibrary.OpenAsync(_scratch, 64, notices.Add, CancellationToken.None);
        Assert.Contains("stale", Assert.Single(notices));
        Assert.Equal(library.Clips.Count, rebuilt.Index.Count);
    }

    [Fact]
    public async Task OpenAsync_DamagedIndexFile_RebuildsInMemoryWithNotice()
    {
        CopyLibrary(withIndex: false);
        await File.WriteAllTextAsync(Path.Combine(_scratch, SearchLibrary.IndexFileName), "not an index");
        var notices = new List<string>();
        using var rebuilt = await SearchLibrary.OpenAsync(_scratch, 64, notices.Add, CancellationToken.None);
        Assert.Contains("unreadable", Assert.Single(notices));
        Assert.Equal(library.Clips.Count, rebuilt.Index.Count);
    }

    private async Task AssertSameTopClip(SearchLibrary other)
    {
        var request = new SearchRequest("a dog on the beach", 100);
        var expected = await library.Service().SearchAsync(request, CancellationToken.None);
        var service = new SearchService(library.Encoder(), other.Index,
            new Ranking.ClipReranker(library.Inference, other.Reader), other.Reader,
            Microsoft.Extensions.Options.Options.Create(new SearchOptions()));
        var actual = await service.SearchAsync(request, CancellationToken.None);
        Assert.Equal(expected.Videos.Select(v => v.Clips[0].ClipId), actual.Videos.Select(v => v.Clips[0].ClipId));
    }

    private void CopyLibrary(bool withIndex)
    {
        Directory.CreateDirectory(_scratch);
        // The WAL is checkpointed into catalog.db when the fixture closed its writing connection.
        foreach (string file in Directory.GetFiles(library.Directory))
        {
            if (!withIndex && file.EndsWith(SearchLibrary.IndexFileName, StringComparison.Ordinal)) continue;
            File.Copy(file, Path.Combine(_scratch, Path.GetFileName(file)));
        }
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_scratch)) Directory.Delete(_scratch, recursive: true);
    }
}
