using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using VideoSearch.TestSupport;

namespace VideoSearch.Web.Tests.EndToEnd;

/// <summary>
/// The real <c>videosearch serve</c> process on 127.0.0.1 with the tiny model over a media folder, its output
/// captured. Stopped as a service manager stops it, with SIGTERM (killed only if it has not ended 10 s later).
/// </summary>
internal sealed class ServeProcess : IAsyncDisposable
{
    private static readonly TimeSpan s_stopLimit = TimeSpan.FromSeconds(10);
    private readonly StringBuilder _log = new();
    private readonly Process _server;

    private ServeProcess(Process server, HttpClient client)
    {
        _server = server;
        Client = client;
    }

    public HttpClient Client { get; }

    public int Pid => _server.Id;

    public bool HasExited => _server.HasExited;

    public string Log { get { lock (_log) return _log.ToString(); } }

    /// <summary>Starts <c>videosearch serve --db DATABASE --media MEDIA --model MODEL --urls …</c> on a free port; the
    /// model is the tiny random one unless <paramref name="model"/> names another folder.</summary>
    public static ServeProcess Start(string media, string database, string? model = null)
    {
        int port = FreePort();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string arg in new[] { Fixtures.CliAssembly(), "serve", "--db", database, "--media", media,
                     "--model", model ?? Fixtures.Reference("xclip-tiny-clipvocab"), "--urls", $"http://127.0.0.1:{port}" })
            start.ArgumentList.Add(arg);
        var server = new ServeProcess(Process.Start(start)!,
            new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) });
        server._server.OutputDataReceived += (_, e) => server.Append(e.Data);
        server._server.ErrorDataReceived += (_, e) => server.Append(e.Data);
        server._server.BeginOutputReadLine();
        server._server.BeginErrorReadLine();
        return server;
    }

    /// <summary>Waits until indexing has finished (state Watching or Completed); throws when the server ends first or <paramref name="limit"/> passes.</summary>
    public async Task WaitUntilIndexedAsync(TimeSpan limit)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < limit)
        {
            if (_server.HasExited) throw new InvalidOperationException($"serve exited with {_server.ExitCode}:\n{Log}");
            try
            {
                using var status = await Client.GetFromJsonAsync<JsonDocument>("/api/status");
                string state = status!.RootElement.GetProperty("state").GetString()!;
                if (state is "Watching" or "Completed") return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(250);
        }
        throw new TimeoutException($"serve did not finish indexing:\n{Log}");
    }

    /// <summary>Sends SIGTERM and waits for the end; true when the server ended within 10 s.</summary>
    public async Task<bool> StopAsync()
    {
        if (_server.HasExited) return true;
        Posix.Signal(_server.Id, Posix.SigTerm);
        using var limit = new CancellationTokenSource(s_stopLimit);
        try
        {
            await _server.WaitForExitAsync(limit.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (!await StopAsync())
        {
            // A server that ignores SIGTERM fails its own tests; here it must not outlive them.
            _server.Kill(entireProcessTree: true);
            await _server.WaitForExitAsync();
        }
        _server.Dispose();
    }

    private void Append(string? line)
    {
        lock (_log) _log.AppendLine(line);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
