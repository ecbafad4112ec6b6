namespace VideoSearch.Web.Tests.Support;

/// <summary>A server (still on 127.0.0.1) with an access token configured, shared by the token tests.</summary>
public sealed class TokenServerFixture : IAsyncLifetime
{
    public const string Token = "correct-horse-battery-staple-42";

    private readonly DisposableMedia _media = new();

    internal TestWebServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await TestWebServer.StartAsync(_media.Value, o => o.AccessToken = Token);

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        await _media.DisposeAsync();
    }
}
