using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.Extensions.DependencyInjection;

namespace VideoSearch.Web.Hosting;

/// <summary>
/// Keeps a loopback server from answering another site's name (DNS rebinding: a page on evil.example re-points its
/// name at 127.0.0.1 and reads the API from the victim's browser). When every address is loopback and
/// <c>AllowedHosts</c> is not configured, ASP.NET's host filtering admits only <c>localhost</c>, <c>127.0.0.1</c>,
/// <c>[::1]</c> and the listened host names, with any port; a configured <c>AllowedHosts</c> rules otherwise.
/// </summary>
internal static class LoopbackHosts
{
    private static readonly string[] s_loopbackNames = ["localhost", "127.0.0.1", "[::1]"];

    /// <summary>Restricts the Host header as above, and moves host filtering into the pipeline so a refusal is a ProblemDetails answer.</summary>
    public static void Configure(WebApplicationBuilder builder, IReadOnlyList<string> urls)
    {
        // The web defaults put host filtering before the whole pipeline, where a refusal is a bare HTML page;
        // UseVideoSearchWeb adds it again after the ProblemDetails middleware instead.
        var outer = builder.Services.Where(d => d.ServiceType == typeof(IStartupFilter) && d.ImplementationType?.Name == "HostFilteringStartupFilter").ToList();
        foreach (var descriptor in outer) builder.Services.Remove(descriptor);
        builder.Services.PostConfigure<HostFilteringOptions>(o => o.IncludeFailureMessage = false);

        if (!string.IsNullOrWhiteSpace(builder.Configuration["AllowedHosts"])) return;
        var hosts = new List<string>(s_loopbackNames);
        foreach (string url in urls)
        {
            string? host = LoopbackHostOf(url);
            if (host is null) return; // reachable from elsewhere (the token guards it) or a local socket behind a proxy
            if (!hosts.Contains(host, StringComparer.OrdinalIgnoreCase)) hosts.Add(host);
        }
        // Runs after the web defaults' own post-configuration, which sets "*" when AllowedHosts is unset.
        builder.Services.PostConfigure<HostFilteringOptions>(o => o.AllowedHosts = hosts);
    }

    /// <summary>The host of <paramref name="url"/> when it is a TCP loopback address (<c>[::1]</c> bracketed); otherwise null.</summary>
    private static string? LoopbackHostOf(string url)
    {
        if (!WebServerOptionsValidator.TryIsLoopback(url, out bool loopback) || !loopback) return null;
        var address = BindingAddress.Parse(url);
        if (address.IsUnixPipe || address.IsNamedPipe) return null;
        string host = address.Host.Trim('[', ']');
        return IPAddress.TryParse(host, out var ip) && ip.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{ip}]" : host.ToLowerInvariant();
    }
}
