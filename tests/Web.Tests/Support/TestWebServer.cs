using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using VideoSearch.Indexer.Progress;
using VideoSearch.Search.Contracts;
using VideoSearch.Web.Hosting;
using VideoSearch.Web.Library;

namespace VideoSearch.Web.Tests.Support;

/// <summary>The real server (Kestrel on 127.0.0.1, an ephemeral port) over the fake services and the sample media.</summary>
internal sealed class TestWebServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TestWebServer(WebApplication app, FakeSearchService search, FakeIndexingProgress progress, Uri address)
    {
        _app = app;
        Search = search;
        Progress = progress;
        Address = address;
        Client = new HttpClient { BaseAddress = address };
    }

    public FakeSearchService Search { get; }

    public FakeIndexingProgress Progress { get; }

    public Uri Address { get; }

    public HttpClient Client { get; }

    /// <summary>Starts a server; rate limiting is off unless <paramref name="configure"/> turns it on.</summary>
    public static async Task<TestWebServer> StartAsync(SampleMedia media, Action<WebServerOptions>? configure = null, string[]? args = null)
    {
        var search = new FakeSearchService(media.Hits);
        var progress = new FakeIndexingProgress(media.Status);
        var library = new FakeMediaLibrary([media.Root], media.Videos, media.Thumbnails, media.Previews);
        var app = VideoSearchWebApplication.Build(
            args ?? [],
            builder =>
            {
                builder.Logging.ClearProviders();
                builder.Services.AddSingleton<ISearchService>(search);
                builder.Services.AddSingleton<IIndexingProgress>(progress);
                builder.Services.AddSingleton<IMediaLibrary>(library);
            },
            o =>
            {
                o.Urls = "http://127.0.0.1:0";
                o.RateLimitPerSecond = 0;
                configure?.Invoke(o);
            });
        await app.StartAsync();
        return new TestWebServer(app, search, progress, new Uri(app.Urls.First()));
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
