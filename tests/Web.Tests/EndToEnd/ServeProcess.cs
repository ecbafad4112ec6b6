using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using VideoSearch.TestSupport;

namespace VideoSearch.Web.Tests.EndToEnd;

/// <summary>
/// The real <c>videosearch serve</c> on 127.0.0.1 (a free port) with the tiny model over one media folder, its
/// catalog in a folder of its own; <see cref="StartAsync"/> returns once indexing has finished.
/// </summary>
internal sealed class ServeProcess : IAsyncDisposable
{
    private readonly StringBuilder _log = new();
    private readonly Process _process;

    private ServeProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
        Client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
    }

    public Uri Address { get; }

    public HttpClient Client { get; }

    public string Log { get { lock (_log) return _log.ToString(); } }

    /// <summary>Starts the server over <paramref name="mediaFolder"/> and waits up to <paramref name="indexingLimit"/> for indexing to finish.</summary>
    public static async Task<ServeProcess> StartAsync(string mediaFolder, string databaseFolder, TimeSpan indexingLimit)
    {
        int port = FreePort();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string arg in new[] { Fixtures.CliAssembly(), "serve", "--db", databaseFolder, "--media", mediaFolder,
                     "--model", Fixtures.Reference("xclip-tiny-clipvocab"), "--urls", $"http://127.0.0.1:{port}" })
            start.ArgumentList.Add(arg);
        var serve = new ServeProcess(Process.Start(start)!, new Uri($"http://127.0.0.1:{port}"));
        serve._process.OutputDataReceived += (_, e) => { lock (serve._log) serve._log.AppendLine(e.Data); };
        serve._process.ErrorDataReceived += (_, e) => { lock (serve._log) serve._log.AppendLine(e.Data); };
        serve._process.BeginOutputReadLine();
        serve._process.BeginErrorReadLine();
        try
        {
            await serve.WaitForIndexingAsync(indexingLimit);
            return serve;
        }
        catch
        {
            await serve.DisposeAsync();
            throw;
        }
    }

    private async Task WaitForIndexingAsync(TimeSpan limit)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < limit)
        {
            if (_process.HasExited) throw new InvalidOperationException($"serve exited with {_process.ExitCode}:\n{Log}");
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
        throw new TimeoutException($"serve did not finish indexing within {limit}:\n{Log}");
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
