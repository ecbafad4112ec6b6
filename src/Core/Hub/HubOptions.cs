namespace VideoSearch.Core.Hub;

/// <summary>
/// Where and how to reach the Hugging Face hub and its local cache. <see cref="FromEnvironment()"/> reads the same
/// variables as huggingface_hub, so a model the user already downloaded with Python is found.
/// </summary>
public sealed class HubOptions
{
    /// <summary>The public hub.</summary>
    public const string DefaultEndpoint = "https://huggingface.co";

    /// <summary>The hub base address (HF_ENDPOINT); files are fetched from <c>{endpoint}/{org}/{name}/resolve/{revision}/{file}</c>.</summary>
    public Uri Endpoint { get; init; } = new(DefaultEndpoint);

    /// <summary>The hub cache folder (HF_HUB_CACHE, default <c>$HF_HOME/hub</c>) holding <c>models--org--name</c> folders.</summary>
    public required string CacheDirectory { get; init; }

    /// <summary>The access token sent as a bearer token (HF_TOKEN, else the saved token file); null sends none.</summary>
    public string? Token { get; init; }

    /// <summary>Use the cache only and never touch the network (HF_HUB_OFFLINE).</summary>
    public bool Offline { get; init; }

    /// <summary>How long to wait for a TCP connection.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long to wait for the response headers of one request.</summary>
    public TimeSpan ResponseTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a download may go without receiving a byte before it counts as stalled.</summary>
    public TimeSpan ReadTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Reads HF_ENDPOINT, HF_HOME, HF_HUB_CACHE, HF_TOKEN (or the token file) and HF_HUB_OFFLINE from the process environment.</summary>
    /// <exception cref="HubConfigurationException">HF_ENDPOINT is not an absolute http(s) address.</exception>
    public static HubOptions FromEnvironment() =>
        FromEnvironment(Environment.GetEnvironmentVariable, Environment.GetFolderPath(Environment.SpecialFolder.UserProfile));

    /// <summary>Reads the settings through <paramref name="variable"/>, so tests need not touch the process environment.</summary>
    internal static HubOptions FromEnvironment(Func<string, string?> variable, string homeDirectory)
    {
        string? Get(string name) => string.IsNullOrWhiteSpace(variable(name)) ? null : variable(name)!.Trim();

        // Same precedence as huggingface_hub.constants: HF_HOME, else $XDG_CACHE_HOME/huggingface, else ~/.cache/huggingface.
        string hfHome = ExpandHome(Get("HF_HOME") ?? Path.Combine(Get("XDG_CACHE_HOME") ?? Path.Combine(homeDirectory, ".cache"), "huggingface"), homeDirectory);
        string cache = ExpandHome(Get("HF_HUB_CACHE") ?? Get("HUGGINGFACE_HUB_CACHE") ?? Path.Combine(hfHome, "hub"), homeDirectory);
        string tokenPath = ExpandHome(Get("HF_TOKEN_PATH") ?? Path.Combine(hfHome, "token"), homeDirectory);

        return new HubOptions
        {
            Endpoint = ParseEndpoint(Get("HF_ENDPOINT") ?? DefaultEndpoint),
            CacheDirectory = Path.GetFullPath(cache),
            Token = Get("HF_TOKEN") ?? Get("HUGGING_FACE_HUB_TOKEN") ?? ReadTokenFile(tokenPath),
            Offline = IsTrue(Get("HF_HUB_OFFLINE")),
        };
    }

    private static Uri ParseEndpoint(string value)
    {
        if (!Uri.TryCreate(value.TrimEnd('/'), UriKind.Absolute, out Uri? uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            throw new HubConfigurationException($"HF_ENDPOINT '{value}' is not an absolute http(s) address such as {DefaultEndpoint}.");
        return uri;
    }

    private static string? ReadTokenFile(string path)
    {
        if (!File.Exists(path)) return null;
        string token = File.ReadAllText(path).Trim();
        return token.Length == 0 ? null : token;
    }

    // huggingface_hub's _is_true: "1", "ON", "YES", "TRUE" in any case.
    private static bool IsTrue(string? value) =>
        value is not null && (value.ToUpperInvariant() is "1" or "ON" or "YES" or "TRUE");

    private static string ExpandHome(string path, string home) =>
        path == "~" ? home : path.StartsWith("~/", StringComparison.Ordinal) ? Path.Combine(home, path[2..]) : path;
}
