using VideoSearch.Core.Hub;

namespace VideoSearch.Core.Tests.Hub;

public class ModelLocatorOfflineTests
{
    private static HubOptions Offline(FakeHubServer hub, TempDirectory cache) =>
        new() { Endpoint = hub.Endpoint, CacheDirectory = cache.Path, Offline = true };

    [Fact]
    public async Task ResolveAsync_OfflineWithCachedModel_ReturnsSnapshotWithoutRequests()
    {
        await using FakeHubServer hub = KitHub.Start();
        using var cache = new TempDirectory();
        ResolvedModel downloaded = await new ModelLocator(KitHub.Options(hub, cache)).ResolveAsync(KitHub.RepoId);
        int requests = hub.Requests.Count;

        ResolvedModel cached = await new ModelLocator(Offline(hub, cache)).ResolveAsync(KitHub.RepoId);

        Assert.Equal(ModelSource.HuggingFaceCache, cached.Source);
        Assert.Equal(downloaded.Folder, cached.Folder);
        Assert.Equal(requests, hub.Requests.Count);
    }

    [Fact]
    public async Task ResolveAsync_OfflineWithEmptyCache_ThrowsNamingTheRefLookedAt()
    {
        await using FakeHubServer hub = KitHub.Start();
        using var cache = new TempDirectory();

        var error = await Assert.ThrowsAsync<HubOfflineException>(() => new ModelLocator(Offline(hub, cache)).ResolveAsync(KitHub.RepoId));

        string refPath = Path.Combine(KitHub.RepoFolder(cache), "refs", "main");
        Assert.Equal(refPath, error.LookedAt);
        Assert.Contains(refPath, error.Message);
        Assert.Contains("HF_HUB_OFFLINE", error.Message);
        Assert.Empty(hub.Requests);
    }

    [Fact]
    public async Task ResolveAsync_OfflineWithSnapshotLackingWeights_ThrowsNamingSnapshotAndFile()
    {
        await using FakeHubServer hub = KitHub.Start();
        using var cache = new TempDirectory();
        ResolvedModel downloaded = await new ModelLocator(KitHub.Options(hub, cache)).ResolveAsync(KitHub.RepoId);
        File.Delete(Path.Combine(downloaded.Folder, "model.safetensors"));

        var error = await Assert.ThrowsAsync<HubOfflineException>(() => new ModelLocator(Offline(hub, cache)).ResolveAsync(KitHub.RepoId));

        Assert.Equal(downloaded.Folder, error.LookedAt);
        Assert.Contains("missing model.safetensors", error.Message);
    }

    [Fact]
    public async Task ResolveAsync_OfflineWithForeignCacheHoldingRequiredFilesOnly_ReturnsIt()
    {
        // A cache written by another tool: plain files in the snapshot, no record of which tokenizer files exist.
        using var cache = new TempDirectory();
        string snapshot = Path.Combine(KitHub.RepoFolder(cache), "snapshots", KitHub.MainCommit);
        Directory.CreateDirectory(snapshot);
        Directory.CreateDirectory(Path.Combine(KitHub.RepoFolder(cache), "refs"));
        File.WriteAllText(Path.Combine(KitHub.RepoFolder(cache), "refs", "main"), KitHub.MainCommit + "\n");
        foreach (string file in ModelLocator.RequiredFiles) File.Copy(Path.Combine(KitHub.KitFolder, file), Path.Combine(snapshot, file));
        var options = new HubOptions { Endpoint = new Uri("http://127.0.0.1:9"), CacheDirectory = cache.Path, Offline = true };

        ResolvedModel model = await new ModelLocator(options).ResolveAsync(KitHub.RepoId);

        Assert.Equal(snapshot, model.Folder);
        Assert.Equal(ModelSource.HuggingFaceCache, model.Source);
    }

    [Fact]
    public async Task ResolveAsync_OnlineWithSnapshotMissingOneFile_DownloadsOnlyThatFile()
    {
        await using FakeHubServer hub = KitHub.Start();
        using var cache = new TempDirectory();
        var locator = new ModelLocator(KitHub.Options(hub, cache));
        ResolvedModel first = await locator.ResolveAsync(KitHub.RepoId);
        File.Delete(Path.Combine(first.Folder, "vocab.json"));
        File.Delete(Path.Combine(KitHub.RepoFolder(cache), "blobs", FakeHubServer.GitBlobId(File.ReadAllBytes(Path.Combine(KitHub.KitFolder, "vocab.json")))));
        int getsBefore = hub.Count("GET", "");

        ResolvedModel second = await locator.ResolveAsync(KitHub.RepoId);

        Assert.Equal(ModelSource.Downloaded, second.Source);
        Assert.Equal(1, hub.Count("GET", "") - getsBefore);
        Assert.Equal(File.ReadAllBytes(Path.Combine(KitHub.KitFolder, "vocab.json")), File.ReadAllBytes(Path.Combine(second.Folder, "vocab.json")));
    }
}
