using System.Net.Sockets;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace VideoSearch.Web.Hosting;

/// <summary>Starts the web server, turning Kestrel's bind failures into a <see cref="WebServerBindException"/> a person can act on.</summary>
public static class WebServerStarter
{
    /// <summary>
    /// Starts <paramref name="app"/> listening on its configured addresses.
    /// </summary>
    /// <exception cref="WebServerBindException">An address is in use, needs privileges, or is not on this machine.</exception>
    public static async Task StartListeningAsync(this WebApplication app, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(app);
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (ReasonOf(e) is { } reason)
        {
            var urls = WebServerOptionsValidator.SplitUrls(app.Services.GetRequiredService<IOptions<WebServerOptions>>().Value.Urls);
            // Kestrel names the address in its message; with several configured, name the one that failed.
            string address = urls.FirstOrDefault(u => Messages(e).Any(m => m.Contains(u, StringComparison.OrdinalIgnoreCase)))
                ?? string.Join(", ", urls);
            throw new WebServerBindException(address, reason, e);
        }
    }

    /// <summary>Why a start failed to bind, in words; null when <paramref name="exception"/> is not a bind failure.</summary>
    internal static string? ReasonOf(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            if (e is AddressInUseException) return InUse;
            if (e is SocketException socket)
            {
                return socket.SocketErrorCode switch
                {
                    SocketError.AddressAlreadyInUse => InUse,
                    SocketError.AccessDenied => "permission denied (ports below 1024 need privileges)",
                    SocketError.AddressNotAvailable => "the address is not on this machine",
                    _ => null,
                };
            }
        }
        return null;
    }

    private const string InUse = "the address is already in use (another videosearch serve?)";

    private static IEnumerable<string> Messages(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException) yield return e.Message;
    }
}
