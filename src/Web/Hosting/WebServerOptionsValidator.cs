using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace VideoSearch.Web.Hosting;

/// <summary>Checks <see cref="WebServerOptions"/>: limits in range, addresses parseable, a token wherever the server is reachable from other machines.</summary>
internal sealed class WebServerOptionsValidator : IValidateOptions<WebServerOptions>
{
    /// <summary>Fewest non-blank characters an access token must hold: anything shorter is guessable.</summary>
    internal const int MinTokenLength = 16;

    /// <summary>Most transcodes allowed at once: each takes about two cores, so more than this would starve any machine.</summary>
    internal const int MaxTranscodes = 32;

    public ValidateOptionsResult Validate(string? name, WebServerOptions options)
    {
        var problems = FindProblems(options);
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    /// <summary>Every problem with <paramref name="options"/>, in words; empty when they are valid.</summary>
    internal static List<string> FindProblems(WebServerOptions options)
    {
        var problems = new List<string>();
        if (options.RateLimitPerSecond < 0) problems.Add($"RateLimitPerSecond must not be negative (is {options.RateLimitPerSecond}).");
        if (options.RateLimitPerSecond > 0 && options.RateLimitBurst < 1) problems.Add($"RateLimitBurst must be at least 1 (is {options.RateLimitBurst}).");

        if (options.MaxConcurrentTranscodes is < 1 or > MaxTranscodes)
            problems.Add($"MaxConcurrentTranscodes must lie between 1 and {MaxTranscodes} (is {options.MaxConcurrentTranscodes}).");

        bool hasToken = !string.IsNullOrEmpty(options.AccessToken);
        if (hasToken)
        {
            string token = options.AccessToken!;
            // Spaces add no secrecy, and a header value loses its outer ones in transit (so the token could never match).
            if (token.Count(c => !char.IsWhiteSpace(c)) < MinTokenLength)
                problems.Add($"AccessToken must hold at least {MinTokenLength} characters other than spaces.");
            if (token.Trim().Length != token.Length)
                problems.Add("AccessToken must not begin or end with a space.");
        }

        var urls = SplitUrls(options.Urls);
        if (urls.Count == 0) problems.Add("Urls is empty: give at least one address, e.g. http://127.0.0.1:5080.");
        foreach (string url in urls)
        {
            if (!TryIsLoopback(url, out bool loopback))
                problems.Add($"Urls: '{url}' is not an address like http://127.0.0.1:5080.");
            else if (!loopback && !hasToken)
                problems.Add($"Urls: '{url}' is reachable from other machines; set Web:AccessToken (at least {MinTokenLength} characters) or bind to 127.0.0.1.");
        }
        return problems;
    }

    /// <summary>The addresses in a <c>;</c>-separated list.</summary>
    internal static List<string> SplitUrls(string? urls) =>
        (urls ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    /// <summary>Whether <paramref name="url"/> listens on the loopback interface only; false when it cannot be parsed.</summary>
    internal static bool TryIsLoopback(string url, out bool loopback)
    {
        loopback = false;
        BindingAddress address;
        try
        {
            address = BindingAddress.Parse(url);
        }
        catch (FormatException)
        {
            return false;
        }
        if (address.IsUnixPipe || address.IsNamedPipe)
        {
            // A local socket is reachable only through the file system, like loopback.
            loopback = true;
            return true;
        }
        if (string.IsNullOrEmpty(address.Host) || address.Port < 0) return false;
        string host = address.Host.Trim('[', ']');
        loopback = string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(host, out var ip) && IPAddress.IsLoopback(ip));
        return true;
    }
}
