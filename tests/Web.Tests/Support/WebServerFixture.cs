namespace VideoSearch.Web.Tests.Support;

/// <summary>One server over the sample media, shared by the API and browser tests.</summary>
public sealed class WebServerFixture : IAsyncLifetime
{
    internal SampleMedia Media { get; private set; } = null!;

    internal TestWebServer Server { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Media = SampleMedia.Create();
        Server = await TestWebServer.StartAsync(Media);
    }

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        Media.Dispose();
    }
}
