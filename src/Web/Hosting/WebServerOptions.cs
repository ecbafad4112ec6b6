namespace VideoSearch.Web.Hosting;

/// <summary>The web server's settings (<c>appsettings.json</c> section <c>Web</c>), validated at start.</summary>
public sealed class WebServerOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "Web";

    /// <summary>Addresses to listen on, separated by <c>;</c>. Loopback only unless an access token is set.</summary>
    public string Urls { get; set; } = "http://127.0.0.1:5080";

    /// <summary>The token every API and media request must carry (<c>Authorization: Bearer</c> or <c>?token=</c>); required when any address is not loopback.</summary>
    public string? AccessToken { get; set; }

    /// <summary>Sustained API requests per second allowed to one client address; 0 turns rate limiting off.</summary>
    public int RateLimitPerSecond { get; set; } = 20;

    /// <summary>Requests one client address may make at once above the sustained rate.</summary>
    public int RateLimitBurst { get; set; } = 40;

    /// <summary>
    /// Transcodes (for videos a browser cannot play as they are) that may run at once; a request beyond it is answered
    /// 503 with <c>Retry-After</c> at once, never queued. Each takes about two cores.
    /// </summary>
    public int MaxConcurrentTranscodes { get; set; } = 2;
}
