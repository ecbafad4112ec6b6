using System.Diagnostics;
using VideoSearch.Cli.Tests.Support;

namespace VideoSearch.Cli.Tests.Shared;

/// <summary>
/// SIGTERM, as a service manager sends it, to a real <c>videosearch index --catalog</c> mid-batch: the one-shot run
/// exits 143 within 10 s, as with a SQLite library, and gives back the leases of the videos it had not finished, so
/// the other indexers take them at once instead of waiting for the leases to run out.
/// </summary>
[Collection(PostgresFixture.CollectionName)]
public sealed class SharedIndexSignalTests(PostgresFixture postgres)
{
    private const int Terminated = 143;
    private static readonly TimeSpan s_startLimit = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task Index_SigTermMidBatch_Exits143WithinTenSecondsAndGivesBackItsLeases()
    {
        using SharedLibrary library = await SharedLibrary.CreateAsync(postgres, TempLibrary.MidBatchFiles);
        await using CliProcess index = await CliProcess.StartAsync(library.IndexArguments("node"), TempLibrary.ClipByClip);
        await library.WaitForCountAsync("SELECT count(*) FROM videos WHERE status = 'indexed'", n => n > 0, index, s_startLimit);
        await library.WaitForCountAsync($"SELECT count(*) FROM videos WHERE lease_owner LIKE '%:{index.Pid}:%'", n => n > 0, index,
            s_startLimit);

        var clock = Stopwatch.StartNew();
        index.Signal(Posix.SigTerm);
        int? code = await index.WaitForExitAsync(StopAssert.Bound + TimeSpan.FromSeconds(30));
        TimeSpan took = clock.Elapsed;

        Assert.True(code is not null, $"still running {took.TotalSeconds:F1} s after SIGTERM:\n{index.Output}");
        Assert.True(took <= StopAssert.Bound, $"took {took.TotalSeconds:F1} s to stop (at most {StopAssert.Bound.TotalSeconds} s):\n{index.Output}");
        Assert.True(code == Terminated, $"exit code {code}, expected {Terminated}:\n{index.Output}");
        Assert.Equal(0, await library.CountAsync("SELECT count(*) FROM videos WHERE lease_owner IS NOT NULL"));
        Assert.True(await library.CountAsync("SELECT count(*) FROM videos WHERE status = 'pending'") > 0,
            $"every video was done before the signal; it did not land mid-batch:\n{index.Output}");
        Assert.Empty(await library.LeftoverProcessesAsync(TimeSpan.FromSeconds(1)));
        (int verifyCode, string verifyOutput) = await library.VerifyAsync();
        Assert.True(verifyCode == 0, $"verify --catalog after the stop exited {verifyCode}:\n{verifyOutput}\n{index.Output}");
    }
}
