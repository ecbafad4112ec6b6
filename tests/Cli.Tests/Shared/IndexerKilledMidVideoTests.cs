using System.Diagnostics;
using VideoSearch.Cli.Tests.Support;

namespace VideoSearch.Cli.Tests.Shared;

/// <summary>
/// Three real <c>videosearch index --catalog</c> processes share one library; one is SIGKILLed while it holds a video.
/// Nothing can give that lease back, so the other two must wait for it to run out, finish the video themselves and
/// end normally, leaving a catalog that verifies and holds every video's clips exactly once: the same videos, statuses
/// and clip counts as one SQLite run over the same media.
/// </summary>
[Collection(PostgresFixture.CollectionName)]
public sealed class IndexerKilledMidVideoTests(PostgresFixture postgres)
{
    /// <summary>Short, so the survivors take the victim's video over within seconds (renewed every third of it).</summary>
    private const string ShortLease = "--Indexer:LeaseDuration=00:00:05";

    /// <summary>Scan, model load and the first claim: seconds, but three programs start at once on a small machine.</summary>
    private static readonly TimeSpan s_claimLimit = TimeSpan.FromSeconds(120);

    /// <summary>Far above the shared run (about half a minute for the test media with the tiny model) plus the lease.</summary>
    private static readonly TimeSpan s_finishLimit = TimeSpan.FromSeconds(300);

    [Fact]
    public async Task Index_ThreeSharingOneKilledMidVideo_SurvivorsFinishItsVideoAndEveryClipIsStoredOnce()
    {
        using SharedLibrary library = await SharedLibrary.CreateAsync(postgres);
        SortedDictionary<string, VideoContents> expected = await library.IndexIntoSqliteAsync();

        await using CliProcess first = await CliProcess.StartAsync(library.IndexArguments("first", ShortLease));
        await using CliProcess second = await CliProcess.StartAsync(library.IndexArguments("second", ShortLease));
        await using CliProcess victim = await CliProcess.StartAsync(library.IndexArguments("victim", ShortLease));

        IReadOnlyList<long> held = await KillHoldingAVideoAsync(victim, library);

        string all = $"first:\n{first.Output}\nsecond:\n{second.Output}\nvictim (killed):\n{victim.Output}";
        foreach (CliProcess survivor in new[] { first, second })
        {
            int? code = await survivor.WaitForExitAsync(s_finishLimit);
            Assert.True(code == 0, $"a survivor ended with {code?.ToString() ?? "nothing (still running)"}:\n{all}");
        }
        SortedDictionary<string, VideoContents> actual = await library.ContentsAsync();
        Assert.Equal(0, await library.CountAsync("SELECT count(*) FROM videos WHERE lease_owner IS NOT NULL"));
        Assert.Equal(0, await library.CountAsync(
            $"SELECT count(*) FROM videos WHERE status = 'pending' AND id IN ({string.Join(", ", held)})"));
        (int verifyCode, string verifyOutput) = await library.VerifyAsync();
        Assert.True(verifyCode == 0, $"verify --catalog exited {verifyCode}:\n{verifyOutput}\n{all}");
        CatalogContents.AssertSameAsSqlite(expected, actual, all);
        Assert.Empty(await library.LeftoverProcessesAsync(TimeSpan.FromSeconds(10)));
    }

    /// <summary>
    /// Freezes the victim (SIGSTOP) as soon as it has claimed a video and, if it still holds one then, kills it
    /// (SIGKILL); if it had just stored what it held, lets it go on and tries again. Returns the videos it held.
    /// </summary>
    private static async Task<IReadOnlyList<long>> KillHoldingAVideoAsync(CliProcess victim, SharedLibrary library)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (victim.HasExited) throw new InvalidOperationException($"the victim exited with {victim.ExitCode} first:\n{victim.Output}");
            if (clock.Elapsed > s_claimLimit) throw new TimeoutException($"the victim claimed no video within {s_claimLimit}:\n{victim.Output}");
            if ((await library.LeasedByAsync(victim.Pid)).Count > 0)
            {
                victim.Signal(Posix.SigStop);
                IReadOnlyList<long> held = await library.LeasedByAsync(victim.Pid);
                if (held.Count > 0)
                {
                    victim.Signal(Posix.SigKill);
                    Assert.True(await victim.WaitForExitAsync(TimeSpan.FromSeconds(10)) is not null, "the killed victim is still running");
                    return held;
                }
                victim.Signal(Posix.SigCont);
            }
            await Task.Delay(20);
        }
    }
}
