using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using VideoSearch.TestSupport;

namespace VideoSearch.Web.Tests.EndToEnd;

/// <summary>
/// The real <c>videosearch serve</c> process on 127.0.0.1 with the tiny model, indexing a temporary copy of a few
/// sample media files (good and bad), shared by the end-to-end tests; waits until indexing has finished.
/// </summary>
public sealed class ServedLibrary : IAsyncLifetime
{
    public static readonly string[] GoodFiles = ["mp4_h264_aac_320x240.mp4", "no_audio_320x240.mp4", "café vidéo – l'été 動画.mp4"];
    public const string BadFile = "bad_zero_bytes.mp4";

    private readonly string _root = Directory.CreateTempSubdirectory("videosearch-served-").FullName;
    private readonly StringBuilder _log = new();
    private Process? _server;

    public string MediaFolder => Path.Combine(_root, "media");
    public HttpClient Client { get; private set; } = null!;
    public string Log { get { lock (_log) return _log.ToString(); } }

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(MediaFolder);
        foreach (string name in GoodFiles.Append(BadFile))
            File.Copy(Path.Combine(Fixtures.Media, name), Path.Combine(MediaFolder, name));
        int port = FreePort();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string arg in new[] { Fixtures.CliAssembly(), "serve", "--db", Path.Combine(_root, "db"), "--media", MediaFolder,
                     "--model", Fixtures.Reference("xclip-tiny-clipvocab"), "--urls", $"http://127.0.0.1:{port}" })
            start.ArgumentList.Add(arg);
        _server = Process.Start(start)!;
        _server.OutputDataReceived += (_, e) => { lock (_log) _log.AppendLine(e.Data); };
        _server.ErrorDataReceived += (_, e) => { lock (_log) _log.AppendLine(e.Data); };
        _server.BeginOutputReadLine();
        _server.BeginErrorReadLine();
        Client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };

        // Indexing five small files with the tiny model takes seconds; the bound is generous for a loaded CI machine.
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromMinutes(3))
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

    public async Task DisposeAsync()
    {
        Client?.Dispose();
        if (_server is { HasExited: false })
        {
            _server.Kill(entireProcessTree: true);
            await _server.WaitForExitAsync();
        }
        _server?.Dispose();
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

}

[CollectionDefinition(Name)]
public sealed class ServedLibraryCollection : ICollectionFixture<ServedLibrary>
{
    public const string Name = "served library";
}
