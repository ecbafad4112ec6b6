using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using VideoSearch.TestSupport;

namespace VideoSearch.Cli.Tests.Support;

/// <summary>
/// A unique temporary folder for one test: a copy of some test media, a library folder (<c>--db</c>) beside it, and the
/// checks every stop is judged by (catalog counts, <c>verify</c>, processes left behind). Deleted on dispose.
/// </summary>
internal sealed class TempLibrary : IDisposable
{
    /// <summary>
    /// Enough work that a signal sent after the first clip lands mid-batch: a short file that finishes first, then
    /// two minutes and forty seconds of video still being extracted and embedded (several seconds with the tiny model).
    /// </summary>
    public static readonly string[] MidBatchFiles =
        ["mp4_h264_aac_320x240.mp4", "scenes_2min_320x240.mp4", "real_intel_bottle_detection_640x360.mp4"];

    /// <summary>Two short files: indexed in a second or two, for tests that start from an idle, watching program.</summary>
    public static readonly string[] SmallFiles = ["mp4_h264_aac_320x240.mp4", "no_audio_320x240.mp4"];

    /// <summary>
    /// Settings that make the indexer commit and embed clip by clip, so signals land inside a batch, and decode with
    /// a seek per clip (the same frames, one ffmpeg start each), so the work lasts several seconds: the one pass
    /// indexes <see cref="MidBatchFiles"/> in about three, too soon for a test that acts while it writes.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> ClipByClip = new Dictionary<string, string>
    {
        ["Indexer__BatchSize"] = "1",
        ["Indexer__FrameExtraction"] = "PerClip",
    };

    private TempLibrary(string root, IReadOnlyList<string> files)
    {
        Root = root;
        Files = files;
    }

    /// <summary>The unique folder; every path of this test lies under it, so processes mentioning it are this test's.</summary>
    public string Root { get; }

    /// <summary>The media folder (<c>index &lt;folder&gt;</c>, <c>serve --media</c>).</summary>
    public string Media => Path.Combine(Root, "media");

    /// <summary>The library folder (<c>--db</c>).</summary>
    public string Database => Path.Combine(Root, "db");

    /// <summary>The media files copied in, all of them good (each gives clips).</summary>
    public IReadOnlyList<string> Files { get; }

    /// <summary>The tiny model every test uses.</summary>
    public static string Model => Fixtures.Reference("xclip-tiny-clipvocab");

    /// <summary>Copies <paramref name="files"/> from the test media into a new unique folder.</summary>
    public static TempLibrary Create(params string[] files)
    {
        var library = new TempLibrary(Directory.CreateTempSubdirectory("vs-cli-").FullName, files);
        Directory.CreateDirectory(library.Media);
        foreach (string file in files) File.Copy(Path.Combine(Fixtures.Media, file), Path.Combine(library.Media, file));
        return library;
    }

    /// <summary><c>index &lt;media&gt; --db … --model …</c> plus <paramref name="extra"/>.</summary>
    public string[] IndexArguments(params string[] extra) => ["index", Media, "--db", Database, "--model", Model, .. extra];

    /// <summary><c>serve --db … --media … --model … --urls http://127.0.0.1:port</c> plus <paramref name="extra"/>.</summary>
    public string[] ServeArguments(int port, bool withMedia = true, params string[] extra) =>
        ["serve", "--db", Database, .. withMedia ? new[] { "--media", Media } : [], "--model", Model,
            "--urls", $"http://127.0.0.1:{port}", .. extra];

    /// <summary>The catalog's counts now; all zero while there is no catalog (or no schema) yet.</summary>
    public CatalogCounts Counts()
    {
        string file = Path.Combine(Database, "catalog.db");
        if (!File.Exists(file)) return default;
        // Read-only and unpooled: a reader beside the writer, as `search` is, that keeps no handle after the call.
        using var connection = new SqliteConnection(
            new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadOnly, Pooling = false, DefaultTimeout = 10 }.ToString());
        try
        {
            connection.Open();
            using SqliteCommand command = connection.CreateCommand();
            command.CommandText =
                "SELECT (SELECT count(*) FROM videos), (SELECT count(*) FROM videos WHERE status = 'indexed'), (SELECT count(*) FROM clips)";
            using SqliteDataReader row = command.ExecuteReader();
            row.Read();
            return new CatalogCounts(row.GetInt32(0), row.GetInt32(1), row.GetInt32(2));
        }
        catch (SqliteException)
        {
            return default; // created but not migrated yet
        }
    }

    /// <summary>
    /// Waits until <paramref name="condition"/> holds for the catalog and returns the counts it held for; throws when
    /// <paramref name="running"/> ends first or <paramref name="limit"/> passes.
    /// </summary>
    public async Task<CatalogCounts> WaitForCatalogAsync(Func<CatalogCounts, bool> condition, CliProcess running, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            CatalogCounts counts = Counts();
            if (condition(counts)) return counts;
            if (running.HasExited)
                throw new InvalidOperationException($"videosearch exited with {running.ExitCode} first (catalog {counts}):\n{running.Output}");
            if (clock.Elapsed > limit) throw new TimeoutException($"catalog still {counts} after {limit}:\n{running.Output}");
            await Task.Delay(50);
        }
    }

    /// <summary>Runs <c>videosearch verify --db …</c>.</summary>
    public Task<(int ExitCode, string Output)> VerifyAsync() =>
        CliProcess.RunAsync(["verify", "--db", Database], TimeSpan.FromSeconds(60));

    /// <summary>Processes still running that mention this test's folder (an ffmpeg left behind, say).</summary>
    public IReadOnlyList<string> LeftoverProcesses() => ProcessTable.Mentioning(Root);

    /// <summary>A TCP port on 127.0.0.1 that nothing listens on now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // a killed process may still be letting go of a file; the temp folder is cleaned by the system
        }
    }
}
