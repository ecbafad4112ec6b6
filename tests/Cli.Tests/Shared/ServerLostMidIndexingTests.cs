using System.Diagnostics;
using VideoSearch.Cli.Tests.Support;

namespace VideoSearch.Cli.Tests.Shared;

/// <summary>
/// The catalog's PostgreSQL server dies (immediate shutdown, as a crash) while a real <c>videosearch index --catalog</c>
/// works. The program must stop soon with the environment's exit code and one clear line naming the database server,
/// no stack trace; the catalog must hold nothing half-written; and a second run must finish the library to the same
/// contents as one SQLite run.
/// </summary>
[Collection(PostgresFixture.CollectionName)]
public sealed class ServerLostMidIndexingTests(PostgresFixture postgres)
{
    private const int EnvironmentExitCode = 4;
    private const string ServerUnavailable = "The catalog's database server cannot be reached or closed the connection";

    /// <summary>A short first video, then longer ones still being embedded when the server goes.</summary>
    private static readonly string[] s_files =
    [
        "mp4_h264_aac_320x240.mp4", "real_bbb_0_30s_vp8_1280x720.webm", "real_intel_bottle_detection_640x360.mp4",
        "scenes_2min_320x240.mp4",
    ];

    /// <summary>
    /// From the kill to the end of the program. A statement in flight fails at once; between statements the program
    /// meets the dead server at its next catalog call, at the latest when the video being embedded is stored (seconds
    /// with the tiny model), so 30 s leaves room for a loaded machine without letting a hang pass.
    /// </summary>
    private static readonly TimeSpan s_stopBound = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan s_startLimit = TimeSpan.FromSeconds(120);
    private static readonly TimeSpan s_runLimit = TimeSpan.FromSeconds(240);

    [Fact]
    public async Task Index_ServerKilledMidVideo_ExitsNamingTheServerLeavesNothingHalfWrittenAndASecondRunFinishes()
    {
        using SharedLibrary library = await SharedLibrary.CreateAsync(postgres, s_files);
        SortedDictionary<string, VideoContents> expected = await library.IndexIntoSqliteAsync();

        // A short lease: the first run cannot give its leases back to a dead server, and the second waits them out.
        await using CliProcess index = await CliProcess.StartAsync(library.IndexArguments("node", "--Indexer:LeaseDuration=00:00:05"));
        await library.WaitForCountAsync("SELECT count(*) FROM videos WHERE status = 'indexed'", n => n > 0, index, s_startLimit);

        bool serverUp = true;
        try
        {
            var clock = Stopwatch.StartNew();
            await postgres.Server.KillAsync();
            serverUp = false;
            int? code = await index.WaitForExitAsync(s_stopBound);
            Assert.True(code is not null, $"still running {clock.Elapsed.TotalSeconds:F1} s after the server died:\n{index.Output}");
            Assert.True(code == EnvironmentExitCode, $"exit code {code}, expected {EnvironmentExitCode}:\n{index.Output}");
            Assert.Contains($"error: indexing failed: {ServerUnavailable}", index.Output, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", index.Output, StringComparison.Ordinal);
            Assert.DoesNotContain("unexpected error", index.Output, StringComparison.Ordinal);
        }
        finally
        {
            // The collection's other tests need the server, whatever happened here.
            if (!serverUp) await postgres.Server.StartAgainAsync();
        }

        Assert.True(await library.CountAsync("SELECT count(*) FROM videos WHERE status = 'pending'") > 0,
            $"every video was done before the server died; nothing was cut off:\n{index.Output}");
        Assert.Equal(0, await library.CountAsync(
            "SELECT count(*) FROM clips c JOIN videos v ON v.id = c.video_id WHERE v.status <> 'indexed'"));
        Assert.Equal(0, await library.CountAsync(
            "SELECT count(*) FROM videos v WHERE v.status = 'indexed' AND NOT EXISTS (SELECT 1 FROM clips c WHERE c.video_id = v.id)"));
        (int verifyCode, string verifyOutput) = await library.VerifyAsync();
        Assert.True(verifyCode == 0, $"verify --catalog after the crash exited {verifyCode}:\n{verifyOutput}");

        (int againCode, string againOutput) = await CliProcess.RunAsync(library.IndexArguments("node"), s_runLimit);
        Assert.True(againCode == 0, $"the second run exited {againCode}:\n{againOutput}");
        SortedDictionary<string, VideoContents> actual = await library.ContentsAsync();
        CatalogContents.AssertSameAsSqlite(expected, actual, againOutput);
        (verifyCode, verifyOutput) = await library.VerifyAsync();
        Assert.True(verifyCode == 0, $"verify --catalog after the second run exited {verifyCode}:\n{verifyOutput}");
    }
}
