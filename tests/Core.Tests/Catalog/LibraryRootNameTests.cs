using Microsoft.Data.Sqlite;
using VideoSearch.Core.Catalog;

namespace VideoSearch.Core.Tests.Catalog;

/// <summary>Library roots' names, and a root mapped to another folder on this machine (the SQLite catalog).</summary>
public sealed class LibraryRootNameTests
{
    [Fact]
    public async Task AddAsync_NewRoot_IsNamedAfterItsFolder_AndASecondFolderOfThatNameGetsANumber()
    {
        await using var temp = await TempCatalog.CreateAsync();
        await temp.Catalog.Roots.AddAsync("/srv/a/media");
        await temp.Catalog.Roots.AddAsync("/srv/b/media");

        var names = (await temp.Catalog.Roots.ListAsync()).ToDictionary(r => r.StoredPath, r => r.Name);

        Assert.Equal("media", names["/srv/a/media"]);
        Assert.Equal("media-2", names["/srv/b/media"]);
    }

    [Fact]
    public async Task AddAsync_NamedRootAtAnotherPath_MapsEveryPathTheCatalogHandsOut()
    {
        await using var temp = await TempCatalog.CreateAsync();
        RootId root = await temp.Catalog.Roots.AddAsync("/mnt/media");
        VideoId video = await temp.Catalog.Videos.BeginVideoAsync(root, "trips/a.mp4", new FileIdentity(10, 1, "v1:a"));

        RootId mapped = await temp.Catalog.Roots.AddAsync("/data/media", "media");

        Assert.Equal(root, mapped);
        Assert.Equal("/data/media/trips/a.mp4", (await temp.Catalog.Videos.GetAsync(video))!.Path);
        Assert.Equal("/data/media/trips/a.mp4", Assert.Single(await temp.Catalog.Videos.ListUnderRootAsync(root)).Path);
        Assert.Equal(video, (await temp.Catalog.Videos.GetByPathAsync("/data/media/trips/a.mp4"))!.Id);
        LibraryRoot listed = Assert.Single(await temp.Catalog.Roots.ListAsync());
        Assert.Equal(("/data/media", "/mnt/media", "media"), (listed.Path, listed.StoredPath, listed.Name));
    }

    [Fact]
    public async Task AddAsync_FolderAlreadyARootOfAnotherName_IsRefused()
    {
        await using var temp = await TempCatalog.CreateAsync();
        await temp.Catalog.Roots.AddAsync("/mnt/media");

        var error = await Assert.ThrowsAsync<CatalogException>(() => temp.Catalog.Roots.AddAsync("/mnt/media", "films"));
        Assert.Contains("already the library root 'media'", error.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("a/b")]
    [InlineData("a=b")]
    public async Task AddAsync_UnusableName_IsRefused(string name)
    {
        await using var temp = await TempCatalog.CreateAsync();
        await Assert.ThrowsAsync<CatalogException>(() => temp.Catalog.Roots.AddAsync("/mnt/media", name));
    }

    [Fact]
    public async Task MapAsync_UnknownName_SaysWhichRootsThereAre()
    {
        await using var temp = await TempCatalog.CreateAsync();
        await temp.Catalog.Roots.AddAsync("/mnt/films");

        var error = await Assert.ThrowsAsync<CatalogException>(() => temp.Catalog.Roots.MapAsync("media", "/data/media"));
        Assert.Contains("no library root named 'media' (its roots: films)", error.Message);
    }

    [Fact]
    public async Task OpenAsync_Version3CatalogWithTwoRootsOfOneName_NamesThemApart()
    {
        string directory = await TempCatalog.CreateAtVersionAsync(3,
            "INSERT INTO library_roots (id, path, added_at_ms) VALUES (2, '/other/media', 0), (3, '/films', 0);");
        try
        {
            using VideoCatalog catalog = await VideoCatalog.OpenAsync(directory);
            var names = (await catalog.Roots.ListAsync()).ToDictionary(r => r.StoredPath, r => r.Name);
            Assert.Equal(new Dictionary<string, string> { ["/media"] = "media", ["/other/media"] = "media-2", ["/films"] = "films" }, names);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }
}
