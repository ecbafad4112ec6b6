using VideoSearch.Core.Hub;

namespace VideoSearch.Core.Tests.Hub;

public class ModelLocatorDownloadTests
{
    [Fact]
    public async Task ResolveAsync_EmptyCache_DownloadsFilesByteIdenticalToKit()
    {
        await using FakeHubServer hub = KitHub.Start();
        using var cache = new TempDirectory();

        ResolvedModel model = await new ModelLocator(KitHub.Options(hub, cache)).ResolveAsync(KitHub.RepoId);

        Assert.Equal(ModelSource.Downloaded, model.Source);
        Assert.Equal(KitHub.MainCommit, model.Commit);
        Assert.Equal("main", model.Revision);
        Assert.Equal(KitHub.RepoId, model.RepoId);
        foreach (string file in KitHub.KitFiles)
            Assert.Equal(File.ReadAllBytes(Path.Combine(KitHub.KitFolder, file)), File.ReadAllBytes(Path.Combine(model.Folder, file)));
        Assert.False(File.Exists(Path.Combine(model.Folder, "tokenizer.json")));
    }

    [Fact]
    public async Task ResolveAsync_Download_WritesHuggingFaceCacheLayout()
    {
        await using FakeHubServer hub = KitHub.Start();
        using var cache = new TempDirectory();

        ResolvedModel model = await new ModelLocator(KitHub.Options(hub, cache)).ResolveAsync(KitHub.RepoId);

        string repo = KitHub.RepoFolder(cache);
        Assert.Equal(Path.Combine(repo, "snapshots", KitHub.MainCommit), model.Folder);
        Assert.Equal(KitHub.MainCommit, File.ReadAllText(Path.Combine(repo, "refs", "main")));
        byte[] weights = File.ReadAllBytes(Path.Combine(KitHub.KitFolder, "model.safetensors"));
        byte[] config = File.ReadAllBytes(Path.Combine(KitHub.KitFolder, "config.json"));
        // LFS files are stored under their sha256 (X-Linked-Etag), small files under their git blob id (ETag).
        Assert.Equal($"../../blobs/{FakeHubServer.Sha256(weights)}", new FileInfo(Path.Combine(model.Folder, "model.safetensors")).LinkTarget);
        Assert.Equal($"../../blobs/{FakeHubServer.GitBlobId(config)}", new FileInfo(Path.Combine(model.Folder, "config.json")).LinkTarget);
        Assert.Equal(KitHub.KitFiles.Length, Directory.GetFiles(Path.Combine(repo, "blobs")).Length);
        Assert.Empty(Directory.GetFiles(repo, "*.incomplete", SearchOption.AllDirectories));
        Assert.True(File.Exists(Path.Combine(repo, ".no_exist", KitHub.MainCommit, "tokenizer.json")));
        Assert.True(File.Exists(Path.Combine(cache.Path, ".locks", "models--test-org--xclip-tiny", FakeHubServer.Sha256(weights) + ".lock")));
    }

    [Fact]
    public async Task ResolveAsync_SecondCall_UsesCacheWithoutRequests()
    {
        await using FakeHubServer hub = KitHub.Start();
        using var cache = new TempDirectory();
        var locator = new ModelLocator(KitHub.Options(hub, cache));
        ResolvedModel first = await locator.ResolveAsync(KitHub.RepoId);
        int requestsAfterFirst = hub.Requests.Count;

        ResolvedModel second = await locator.ResolveAsync(KitHub.RepoId);

        Assert.Equal(ModelSource.HuggingFaceCache, second.Source);
        Assert.Equal(first.Folder, second.Folder);
        Assert.Equal(requestsAfterFirst, hub.Requests.Count);
    }

    [Fact]
    public async Task ResolveAsync_FirstFileAskedByRevision_RestAskedByCommit()
    {
        await using FakeHubServer hub = KitHub.Start();
        using var cache = new TempDirectory();

        await new ModelLocator(KitHub.Options(hub, cache)).ResolveAsync(KitHub.RepoId);

        Assert.Equal(1, hub.Count("HEAD", "/resolve/main/"));
        Assert.Equal(ModelLocator.RequiredFiles.Count + ModelLocator.OptionalFiles.Count - 1, hub.Count("HEAD", $"/resolve/{KitHub.MainCommit}/"));
    }

    [Fact]
    public async Task ResolveAsync_RevisionOtherThanMain_ResolvesThatCommitAndWritesItsRef()
    {
        await using FakeHubServer hub = KitHub.Start();
        string v1 = KitHub.CommitFor("v1.0");
        Dictionary<string, byte[]> older = KitHub.KitContents();
        older["config.json"] = "{\"model_type\": \"xclip\", \"older\": true}"u8.ToArray();
        hub.AddCommit(v1, older, "v1.0");
        using var cache = new TempDirectory();

        ResolvedModel model = await new ModelLocator(KitHub.Options(hub, cache)).ResolveAsync(KitHub.RepoId + "@v1.0");

        Assert.Equal(v1, model.Commit);
        Assert.Equal("v1.0", model.Revision);
        Assert.Equal(v1, File.ReadAllText(Path.Combine(KitHub.RepoFolder(cache), "refs", "v1.0")));
        Assert.False(File.Exists(Path.Combine(KitHub.RepoFolder(cache), "refs", "main")));
        Assert.Equal(older["config.json"], File.ReadAllBytes(Path.Combine(model.Folder, "config.json")));
    }

    [Fact]
    public async Task ResolveAsync_PullRequestRevision_EscapesItInUrlAndNestsItsRef()
    {
        await using FakeHubServer hub = KitHub.Start();
        string pr = KitHub.CommitFor("refs/pr/3");
        hub.AddCommit(pr, KitHub.KitContents(), "refs/pr/3");
        using var cache = new TempDirectory();

        ResolvedModel model = await new ModelLocator(KitHub.Options(hub, cache)).ResolveAsync(KitHub.RepoId + "@refs/pr/3");

        Assert.Equal(pr, model.Commit);
        Assert.Equal(1, hub.Count("HEAD", "/resolve/refs%2Fpr%2F3/config.json"));
        Assert.Equal(pr, File.ReadAllText(Path.Combine(KitHub.RepoFolder(cache), "refs", "refs", "pr", "3")));
    }

    [Fact]
    public async Task ResolveAsync_CommitHashRevision_UsesSnapshotWithoutWritingRef()
    {
        await using FakeHubServer hub = KitHub.Start();
        using var cache = new TempDirectory();

        ResolvedModel model = await new ModelLocator(KitHub.Options(hub, cache)).ResolveAsync($"{KitHub.RepoId}@{KitHub.MainCommit}");

        Assert.Equal(KitHub.MainCommit, model.Commit);
        Assert.False(Directory.Exists(Path.Combine(KitHub.RepoFolder(cache), "refs")));
        Assert.True(File.Exists(Path.Combine(model.Folder, "model.safetensors")));
    }

    [Fact]
    public async Task ResolveAsync_LocalFolder_ReturnsItWithoutRequests()
    {
        await using FakeHubServer hub = KitHub.Start();
        using var cache = new TempDirectory();

        ResolvedModel model = await new ModelLocator(KitHub.Options(hub, cache)).ResolveAsync(KitHub.KitFolder);

        Assert.Equal(ModelSource.LocalFolder, model.Source);
        Assert.Equal(Path.GetFullPath(KitHub.KitFolder), model.Folder);
        Assert.Null(model.Commit);
        Assert.Empty(hub.Requests);
    }

    [Fact]
    public async Task ResolveAsync_Download_ReportsProgressUpToEachFileSize()
    {
        await using FakeHubServer hub = KitHub.Start();
        using var cache = new TempDirectory();
        var reports = new List<DownloadProgress>();

        await new ModelLocator(KitHub.Options(hub, cache)).ResolveAsync(KitHub.RepoId, new SynchronousProgress<DownloadProgress>(reports.Add));

        long weights = new FileInfo(Path.Combine(KitHub.KitFolder, "model.safetensors")).Length;
        DownloadProgress last = reports.Last(r => r.File == "model.safetensors");
        Assert.Equal(weights, last.BytesReceived);
        Assert.Equal(weights, last.TotalBytes);
        Assert.True(last.IsComplete);
        Assert.Equal(KitHub.KitFiles.Order(), reports.Select(r => r.File).Distinct().Order());
    }

    [Fact]
    public async Task ResolveAsync_TwoConcurrentResolves_BothSucceedWithIntactFiles()
    {
        await using FakeHubServer hub = KitHub.Start();
        using var cache = new TempDirectory();
        HubOptions options = KitHub.Options(hub, cache);

        ResolvedModel[] models = await Task.WhenAll(
            Task.Run(() => new ModelLocator(options).ResolveAsync(KitHub.RepoId)),
            Task.Run(() => new ModelLocator(options).ResolveAsync(KitHub.RepoId)));

        byte[] expected = File.ReadAllBytes(Path.Combine(KitHub.KitFolder, "model.safetensors"));
        foreach (ResolvedModel model in models)
            Assert.Equal(expected, File.ReadAllBytes(Path.Combine(model.Folder, "model.safetensors")));
        Assert.Empty(Directory.GetFiles(KitHub.RepoFolder(cache), "*.incomplete", SearchOption.AllDirectories));
    }
}
