using VideoSearch.Core.Hub;

namespace VideoSearch.Core.Tests.Hub;

public class ModelLocatorResumeTests
{
    private const int CutAfter = 1_000_000;

    private static readonly byte[] s_weights = File.ReadAllBytes(Path.Combine(KitHub.KitFolder, "model.safetensors"));

    private static string IncompletePath(TempDirectory cache) =>
        Path.Combine(KitHub.RepoFolder(cache), "blobs", FakeHubServer.Sha256(s_weights) + ".incomplete");

    [Fact]
    public async Task ResolveAsync_ConnectionCutMidFile_ThrowsAndKeepsIncompleteFile()
    {
        await using FakeHubServer hub = KitHub.Start();
        using var cache = new TempDirectory();
        hub.CutNextDownload("model.safetensors", CutAfter);

        var error = await Assert.ThrowsAsync<HubDownloadException>(() => new ModelLocator(KitHub.Options(hub, cache)).ResolveAsync(KitHub.RepoId));

        Assert.Contains("model.safetensors", error.Message);
        Assert.Contains("resume", error.Message);
        Assert.True(File.Exists(IncompletePath(cache)));
        long kept = new FileInfo(IncompletePath(cache)).Length;
        Assert.InRange(kept, 1, s_weights.Length - 1);
        Assert.Equal(s_weights[..(int)kept], File.ReadAllBytes(IncompletePath(cache)));
        // The ref is written last, so the interrupted snapshot is not mistaken for a complete one.
        Assert.False(File.Exists(Path.Combine(KitHub.RepoFolder(cache), "refs", "main")));
    }

    [Fact]
    public async Task ResolveAsync_AfterCut_ResumesWithRangeAndCompletesIdentical()
    {
        await using FakeHubServer hub = KitHub.Start();
        using var cache = new TempDirectory();
        var locator = new ModelLocator(KitHub.Options(hub, cache));
        hub.CutNextDownload("model.safetensors", CutAfter);
        await Assert.ThrowsAsync<HubDownloadException>(() => locator.ResolveAsync(KitHub.RepoId));
        long kept = new FileInfo(IncompletePath(cache)).Length;
        var reports = new List<DownloadProgress>();

        ResolvedModel model = await locator.ResolveAsync(KitHub.RepoId, new SynchronousProgress<DownloadProgress>(reports.Add));

        RecordedRequest resumed = hub.Requests.Last(r => r.Method == "GET" && r.Path.StartsWith("/cdn/", StringComparison.Ordinal));
        Assert.Equal($"bytes={kept}-", resumed.Headers["Range"]);
        Assert.Equal(s_weights, File.ReadAllBytes(Path.Combine(model.Folder, "model.safetensors")));
        Assert.False(File.Exists(IncompletePath(cache)));
        Assert.Equal(kept, reports.First(r => r.File == "model.safetensors").BytesReceived);
    }

    [Fact]
    public async Task ResolveAsync_ServerIgnoresRange_RestartsFromZeroAndCompletesIdentical()
    {
        await using FakeHubServer hub = KitHub.Start();
        using var cache = new TempDirectory();
        var locator = new ModelLocator(KitHub.Options(hub, cache));
        hub.CutNextDownload("model.safetensors", CutAfter);
        await Assert.ThrowsAsync<HubDownloadException>(() => locator.ResolveAsync(KitHub.RepoId));
        hub.IgnoreRange = true;

        ResolvedModel model = await locator.ResolveAsync(KitHub.RepoId);

        Assert.Equal(s_weights, File.ReadAllBytes(Path.Combine(model.Folder, "model.safetensors")));
    }

    [Fact]
    public async Task ResolveAsync_IncompleteFileLongerThanBlob_DownloadsAfresh()
    {
        await using FakeHubServer hub = KitHub.Start();
        using var cache = new TempDirectory();
        Directory.CreateDirectory(Path.GetDirectoryName(IncompletePath(cache))!);
        File.WriteAllBytes(IncompletePath(cache), new byte[s_weights.Length + 10]);

        ResolvedModel model = await new ModelLocator(KitHub.Options(hub, cache)).ResolveAsync(KitHub.RepoId);

        Assert.Equal(s_weights, File.ReadAllBytes(Path.Combine(model.Folder, "model.safetensors")));
        Assert.DoesNotContain(hub.Requests, r => r.Headers.ContainsKey("Range"));
    }

    [Fact]
    public async Task ResolveAsync_CorruptedBody_ThrowsChecksumErrorAndKeepsNoBlob()
    {
        await using FakeHubServer hub = KitHub.Start();
        using var cache = new TempDirectory();
        byte[] corrupt = (byte[])s_weights.Clone();
        corrupt[^1] ^= 0xFF;
        hub.CorruptBody = corrupt;

        var error = await Assert.ThrowsAsync<HubDownloadException>(() => new ModelLocator(KitHub.Options(hub, cache)).ResolveAsync(KitHub.RepoId));

        Assert.Contains("sha256", error.Message);
        Assert.False(File.Exists(IncompletePath(cache)));
        Assert.False(File.Exists(Path.Combine(KitHub.RepoFolder(cache), "blobs", FakeHubServer.Sha256(s_weights))));
    }

    [Fact]
    public async Task ResolveAsync_BodyStalls_ThrowsAfterReadTimeoutKeepingPartial()
    {
        await using FakeHubServer hub = KitHub.Start();
        using var cache = new TempDirectory();
        hub.StallAfter = CutAfter;
        HubOptions options = new() { Endpoint = hub.Endpoint, CacheDirectory = cache.Path, ReadTimeout = TimeSpan.FromSeconds(1) };

        var error = await Assert.ThrowsAsync<HubDownloadException>(() => new ModelLocator(options).ResolveAsync(KitHub.RepoId));

        Assert.Contains("No data arrived", error.Message);
        Assert.Equal(CutAfter, new FileInfo(IncompletePath(cache)).Length);
    }

    [Fact]
    public async Task ResolveAsync_CancelledDuringDownload_ThrowsCancellationKeepingPartial()
    {
        await using FakeHubServer hub = KitHub.Start();
        using var cache = new TempDirectory();
        hub.StallAfter = CutAfter;
        HubOptions options = new() { Endpoint = hub.Endpoint, CacheDirectory = cache.Path, ReadTimeout = TimeSpan.FromMinutes(5) };
        using var cancel = new CancellationTokenSource();

        Task resolve = new ModelLocator(options).ResolveAsync(KitHub.RepoId, cancellationToken: cancel.Token);
        // Cancel once the weights have started to arrive; the server then holds the connection open without sending more.
        for (var waited = System.Diagnostics.Stopwatch.StartNew(); !File.Exists(IncompletePath(cache)) || new FileInfo(IncompletePath(cache)).Length == 0;)
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(30), "the download of model.safetensors never started");
            await Task.Delay(20);
        }
        cancel.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => resolve);
        Assert.InRange(new FileInfo(IncompletePath(cache)).Length, 1, CutAfter);
    }
}
