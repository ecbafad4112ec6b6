using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using VideoSearch.Core.Errors;
using VideoSearch.Web.Hosting;

namespace VideoSearch.Web.Tests.Hosting;

public sealed class WebServerStarterTests
{
    [Fact]
    public async Task StartListeningAsync_PortInUse_ThrowsBindExceptionNamingTheAddress()
    {
        using var occupier = new TcpListener(IPAddress.Loopback, 0);
        occupier.Start();
        int port = ((IPEndPoint)occupier.LocalEndpoint).Port;
        string url = $"http://127.0.0.1:{port}";
        await using var app = VideoSearchWebApplication.Build([], b => b.Logging.ClearProviders(), o => o.Urls = url);

        var error = await Assert.ThrowsAsync<WebServerBindException>(() => app.StartListeningAsync());

        Assert.Equal(ErrorKind.Environment, error.Kind);
        Assert.Equal(url, error.Address);
        Assert.Equal($"Cannot listen on {url}: the address is already in use (another videosearch serve?). Choose another with --urls.", error.Message);
    }

    [Fact]
    public async Task StartListeningAsync_FreePort_Listens()
    {
        await using var app = VideoSearchWebApplication.Build([], b => b.Logging.ClearProviders(), o => o.Urls = "http://127.0.0.1:0");

        await app.StartListeningAsync();

        Assert.StartsWith("http://127.0.0.1:", app.Urls.Single());
        await app.StopAsync();
    }
}
