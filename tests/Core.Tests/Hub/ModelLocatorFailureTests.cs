using System.Net;
using System.Net.Sockets;
using VideoSearch.Core.Hub;

namespace VideoSearch.Core.Tests.Hub;

public class ModelLocatorFailureTests
{
    [Fact]
    public async Task ResolveAsync_RequiredFileMissing_ThrowsNotFoundNamingFileAndUrl()
    {
        await using var hub = new FakeHubServer(KitHub.RepoId);
        Dictionary<string, byte[]> files = KitHub.KitContents();
        files.Remove("model.safetensors");
        hub.AddCommit(KitHub.MainCommit, files, "main");
        using var cache = new TempDirectory();

        var error = await Assert.ThrowsAsync<HubFileNotFoundException>(() => new ModelLocator(KitHub.Options(hub, cache)).ResolveAsync(KitHub.RepoId));

        Assert.Equal("model.safetensors", error.File);
        Assert.Equal(KitHub.RepoId, error.RepoId);
        Assert.Equal("main", error.Revision);
        Assert.Equal("EntryNotFound", error.ErrorCode);
        Assert.Equal($"{hub.Endpoint}{KitHub.RepoId}/resolve/{KitHub.MainCommit}/model.safetensors", error.Url);
        Assert.False(File.Exists(Path.Combine(KitHub.RepoFolder(cache), "refs", "main")));
    }

    [Fact]
    public async Task ResolveAsync_UnknownRevision_ThrowsNotFoundWithRevisionError()
    {
        await using FakeHubServer hub = KitHub.Start();
        using var cache = new TempDirectory();

        var error = await Assert.ThrowsAsync<HubFileNotFoundException>(() => new ModelLocator(KitHub.Options(hub, cache)).ResolveAsync(KitHub.RepoId + "@no-such-branch"));

        Assert.Equal("RevisionNotFound", error.ErrorCode);
        Assert.Contains("no-such-branch", error.Message);
    }

    [Fact]
    public async Task ResolveAsync_OptionalFileMissing_RecordsAbsenceAndLaterResolvesFromCache()
    {
        await using FakeHubServer hub = KitHub.Start();
        using var cache = new TempDirectory();
        var locator = new ModelLocator(KitHub.Options(hub, cache));

        ResolvedModel first = await locator.ResolveAsync(KitHub.RepoId);
        int requests = hub.Requests.Count;
        ResolvedModel second = await locator.ResolveAsync(KitHub.RepoId);

        Assert.Equal(ModelSource.Downloaded, first.Source);
        Assert.Equal(1, hub.Count("HEAD", "/tokenizer.json"));
        Assert.True(File.Exists(Path.Combine(KitHub.RepoFolder(cache), ".no_exist", KitHub.MainCommit, "tokenizer.json")));
        Assert.Equal(ModelSource.HuggingFaceCache, second.Source);
        Assert.Equal(requests, hub.Requests.Count);
    }

    [Fact]
    public async Task ResolveAsync_TokenSet_SendsBearerToken()
    {
        await using FakeHubServer hub = KitHub.Start();
        hub.RequiredToken = "hf_secret";
        using var cache = new TempDirectory();

        ResolvedModel model = await new ModelLocator(KitHub.Options(hub, cache, token: "hf_secret")).ResolveAsync(KitHub.RepoId);

        Assert.Equal(ModelSource.Downloaded, model.Source);
        Assert.All(hub.Requests.Where(r => r.Path.Contains("/resolve/", StringComparison.Ordinal)),
            r => Assert.Equal("Bearer hf_secret", r.Headers["Authorization"]));
    }

    [Fact]
    public async Task ResolveAsync_RedirectToOtherHost_DoesNotSendTokenThere()
    {
        await using FakeHubServer hub = KitHub.Start();
        hub.RequiredToken = "hf_secret";
        hub.CdnHost = "localhost";
        using var cache = new TempDirectory();

        ResolvedModel model = await new ModelLocator(KitHub.Options(hub, cache, token: "hf_secret")).ResolveAsync(KitHub.RepoId);

        RecordedRequest cdn = Assert.Single(hub.Requests, r => r.Path.StartsWith("/cdn/", StringComparison.Ordinal));
        Assert.False(cdn.Headers.ContainsKey("Authorization"));
        Assert.Equal("localhost:" + hub.Endpoint.Port, cdn.Headers["Host"]);
        Assert.True(File.Exists(Path.Combine(model.Folder, "model.safetensors")));
    }

    [Fact]
    public async Task ResolveAsync_GatedWithoutToken_ThrowsAuthenticationMentioningHfToken()
    {
        await using FakeHubServer hub = KitHub.Start();
        hub.RequiredToken = "hf_secret";
        using var cache = new TempDirectory();

        var error = await Assert.ThrowsAsync<HubAuthenticationException>(() => new ModelLocator(KitHub.Options(hub, cache)).ResolveAsync(KitHub.RepoId));

        Assert.Equal(401, error.StatusCode);
        Assert.Contains("HF_TOKEN", error.Message);
        Assert.Contains(KitHub.RepoId, error.Message);
    }

    [Fact]
    public async Task ResolveAsync_WrongToken_ThrowsAuthenticationSayingTokenRefused()
    {
        await using FakeHubServer hub = KitHub.Start();
        hub.RequiredToken = "hf_secret";
        using var cache = new TempDirectory();

        var error = await Assert.ThrowsAsync<HubAuthenticationException>(
            () => new ModelLocator(KitHub.Options(hub, cache, token: "hf_wrong")).ResolveAsync(KitHub.RepoId));

        Assert.Contains("was refused", error.Message);
        Assert.DoesNotContain("hf_wrong", error.Message);
    }

    [Fact]
    public async Task ResolveAsync_UnknownRepository_ThrowsAuthentication()
    {
        await using FakeHubServer hub = KitHub.Start();
        using var cache = new TempDirectory();

        var error = await Assert.ThrowsAsync<HubAuthenticationException>(() => new ModelLocator(KitHub.Options(hub, cache)).ResolveAsync("test-org/no-such-model"));

        Assert.Equal("test-org/no-such-model", error.RepoId);
    }

    [Fact]
    public async Task ResolveAsync_EndpointRefusesConnections_ThrowsUnreachableWithAdvice()
    {
        using var cache = new TempDirectory();
        var options = new HubOptions { Endpoint = new Uri($"http://127.0.0.1:{ClosedPort()}"), CacheDirectory = cache.Path };

        var error = await Assert.ThrowsAsync<HubUnreachableException>(() => new ModelLocator(options).ResolveAsync(KitHub.RepoId));

        Assert.StartsWith($"Could not reach {options.Endpoint.GetLeftPart(UriPartial.Authority)} (connection failed: ConnectionRefused)", error.Message);
        Assert.Contains("--model <local folder>", error.Message);
        Assert.Contains("HF_HUB_OFFLINE=1", error.Message);
    }

    [Fact]
    public async Task ResolveAsync_MalformedReference_ThrowsBeforeAnyRequest()
    {
        await using FakeHubServer hub = KitHub.Start();
        using var cache = new TempDirectory();

        await Assert.ThrowsAsync<ModelReferenceException>(() => new ModelLocator(KitHub.Options(hub, cache)).ResolveAsync("test-org/xclip-tiny/extra"));

        Assert.Empty(hub.Requests);
    }

    // A port that was just bound and released: nothing listens there, so connecting is refused at once.
    private static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
