using VideoSearch.Core.Catalog;

namespace VideoSearch.Core.Tests.Catalog;

public class VideoRepositoryTests : CatalogTests
{
    private const string UnicodeName = "café vidéo – l'été 動画.mp4";

    [Fact]
    public async Task BeginVideoAsync_UnicodePath_StoresPendingAndFindsItByPath()
    {
        await using TempCatalog temp = await NewCatalogAsync();
        RootId root = await temp.Catalog.Roots.AddAsync(Path.Combine(temp.Directory, "médias"));
        var file = new FileIdentity(123_456, 1_700_000_000_123_456_789, "v1:feed");

        VideoId id = await temp.Catalog.Videos.BeginVideoAsync(root, "sous dossier/" + UnicodeName, file);

        string path = Path.Combine(temp.Directory, "médias", "sous dossier", UnicodeName);
        VideoRecord record = (await temp.Catalog.Videos.GetByPathAsync(path))!;
        Assert.Equal(id, record.Id);
        Assert.Equal("sous dossier/" + UnicodeName, record.RelativePath);
        Assert.Equal(file, record.File);
        Assert.Equal(VideoStatus.Pending, record.Status);
        Assert.Null(record.Metadata);
    }

    [Fact]
    public async Task BeginVideoAsync_SamePathTwice_UpdatesTheSameRowAndClearsError()
    {
        await using TempCatalog temp = await NewCatalogAsync();
        var (root, id) = await temp.AddVideoAsync("a.mp4");
        await temp.Catalog.Videos.FailVideoAsync(id, "decode", "broken", new FileIdentity(1000, 42, "v1:abc"));

        VideoId again = await temp.Catalog.Videos.BeginVideoAsync(root, "a.mp4", new FileIdentity(2000, 50, "v1:new"));

        Assert.Equal(id, again);
        VideoRecord record = (await temp.Catalog.Videos.GetAsync(id))!;
        Assert.Equal(VideoStatus.Pending, record.Status);
        Assert.Null(record.ErrorText);
        Assert.Equal(2000, record.File.Size);
    }

    [Fact]
    public async Task BeginVideoAsync_UnknownRoot_ThrowsCatalogException()
    {
        await using TempCatalog temp = await NewCatalogAsync();

        await Assert.ThrowsAsync<CatalogException>(() =>
            temp.Catalog.Videos.BeginVideoAsync(new RootId(77), "a.mp4", new FileIdentity(1, 1, "v1:x")));
    }

    [Fact]
    public async Task FailVideoAsync_IndexedVideo_RecordsErrorAndRemovesClips()
    {
        await using TempCatalog temp = await NewCatalogAsync();
        var (_, id) = await temp.AddVideoAsync("a.mp4");
        CompletedVideo done = await temp.Catalog.Writer.CompleteVideoAsync(id, TempCatalog.Metadata, [TempCatalog.Clip(0)]);
        var changed = new FileIdentity(999, 77, "v1:broken");

        IReadOnlyList<long> removed = await temp.Catalog.Videos.FailVideoAsync(id, "probe", "moov atom not found", changed);

        Assert.Equal(done.NewClipIds, removed);
        VideoRecord record = (await temp.Catalog.Videos.GetAsync(id))!;
        Assert.Equal(VideoStatus.Failed, record.Status);
        Assert.Equal("probe", record.ErrorKind);
        Assert.Equal("moov atom not found", record.ErrorText);
        Assert.Equal(changed, record.File);
        Assert.Null(await temp.Catalog.Clips.GetThumbnailAsync(done.NewClipIds[0]));
    }

    [Fact]
    public async Task FailVideoAsync_UnknownVideo_ThrowsCatalogException()
    {
        await using TempCatalog temp = await NewCatalogAsync();

        var error = await Assert.ThrowsAsync<CatalogException>(() =>
            temp.Catalog.Videos.FailVideoAsync(new VideoId(5), "probe", "gone", new FileIdentity(1, 1, "v1:x")));

        Assert.Contains("No video has id 5", error.Message);
    }

    [Fact]
    public async Task RemoveVideoAsync_IndexedVideo_CascadesToClipsContextsAndThumbnails()
    {
        await using TempCatalog temp = await NewCatalogAsync();
        var (_, id) = await temp.AddVideoAsync("a.mp4");
        CompletedVideo done = await temp.Catalog.Writer.CompleteVideoAsync(id, TempCatalog.Metadata,
            [TempCatalog.Clip(0), TempCatalog.Clip(1)]);

        IReadOnlyList<long> removed = await temp.Catalog.Videos.RemoveVideoAsync(id);

        Assert.Equal(done.NewClipIds, removed);
        Assert.Null(await temp.Catalog.Videos.GetAsync(id));
        Assert.Equal(0L, await temp.Catalog.Clips.CountAsync());
        Assert.Empty((await temp.Catalog.Clips.GetContextsAsync(done.NewClipIds)).Clips);
        Assert.Null(await temp.Catalog.Clips.GetThumbnailAsync(done.NewClipIds[1]));
    }

    [Fact]
    public async Task RemoveVideoAsync_UnknownVideo_ThrowsCatalogException()
    {
        await using TempCatalog temp = await NewCatalogAsync();

        await Assert.ThrowsAsync<CatalogException>(() => temp.Catalog.Videos.RemoveVideoAsync(new VideoId(5)));
    }

    [Fact]
    public async Task MoveVideoAsync_SameFingerprintNewPath_KeepsClipsAndUpdatesPath()
    {
        await using TempCatalog temp = await NewCatalogAsync();
        var (root, id) = await temp.AddVideoAsync("old/a.mp4", fingerprint: "v1:same");
        CompletedVideo done = await temp.Catalog.Writer.CompleteVideoAsync(id, TempCatalog.Metadata, [TempCatalog.Clip(0)]);
        VideoFileState candidate = Assert.Single(await temp.Catalog.Videos.FindByFingerprintAsync("v1:same"));

        await temp.Catalog.Videos.MoveVideoAsync(candidate.Id, root, "new/" + UnicodeName);

        string newPath = Path.Combine(temp.Directory, "media", "new", UnicodeName);
        VideoRecord moved = (await temp.Catalog.Videos.GetByPathAsync(newPath))!;
        Assert.Equal(id, moved.Id);
        Assert.Equal(VideoStatus.Indexed, moved.Status);
        Assert.Null(await temp.Catalog.Videos.GetByPathAsync(Path.Combine(temp.Directory, "media", "old", "a.mp4")));
        ClipContext clip = Assert.Single((await temp.Catalog.Clips.GetContextsAsync(done.NewClipIds)).Clips);
        Assert.Equal(newPath, clip.VideoPath);
    }

    [Fact]
    public async Task MoveVideoAsync_OntoAnotherVideosPath_ThrowsCatalogException()
    {
        await using TempCatalog temp = await NewCatalogAsync();
        var (root, first) = await temp.AddVideoAsync("a.mp4");
        await temp.Catalog.Videos.BeginVideoAsync(root, "b.mp4", new FileIdentity(1, 1, "v1:b"));

        var error = await Assert.ThrowsAsync<CatalogException>(() => temp.Catalog.Videos.MoveVideoAsync(first, root, "b.mp4"));

        Assert.Contains("another video", error.Message);
        Assert.Equal("a.mp4", (await temp.Catalog.Videos.GetAsync(first))!.RelativePath);
    }

    [Fact]
    public async Task ListUnderRootAsync_TwoRoots_ReturnsOnlyThatRootsVideosByPath()
    {
        await using TempCatalog temp = await NewCatalogAsync();
        RootId one = await temp.Catalog.Roots.AddAsync("/library/one");
        RootId two = await temp.Catalog.Roots.AddAsync("/library/two/");
        await temp.Catalog.Videos.BeginVideoAsync(one, "b.mp4", new FileIdentity(1, 1, "v1:b"));
        await temp.Catalog.Videos.BeginVideoAsync(one, "a.mp4", new FileIdentity(2, 2, "v1:a"));
        await temp.Catalog.Videos.BeginVideoAsync(two, "c.mp4", new FileIdentity(3, 3, "v1:c"));

        IReadOnlyList<VideoFileState> listed = await temp.Catalog.Videos.ListUnderRootAsync(one);

        Assert.Equal(["/library/one/a.mp4", "/library/one/b.mp4"], listed.Select(v => v.Path));
        Assert.Equal(new FileIdentity(2, 2, "v1:a"), listed[0].File);
        Assert.Equal("/library/two/c.mp4", Assert.Single(await temp.Catalog.Videos.ListUnderRootAsync(two)).Path);
    }

    [Fact]
    public async Task RemoveAsync_Root_RemovesItsVideosAndReturnsTheirClipIds()
    {
        await using TempCatalog temp = await NewCatalogAsync();
        var (root, id) = await temp.AddVideoAsync("a.mp4");
        CompletedVideo done = await temp.Catalog.Writer.CompleteVideoAsync(id, TempCatalog.Metadata, [TempCatalog.Clip(0)]);

        IReadOnlyList<long> removed = await temp.Catalog.Roots.RemoveAsync(root);

        Assert.Equal(done.NewClipIds, removed);
        Assert.Null(await temp.Catalog.Videos.GetAsync(id));
        Assert.Empty(await temp.Catalog.Roots.ListAsync());
    }
}
