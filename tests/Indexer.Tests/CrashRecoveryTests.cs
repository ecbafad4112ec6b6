using System.Diagnostics;
using VideoSearch.Core.Catalog;
using VideoSearch.Indexer.Verification;
using VideoSearch.TestSupport;

namespace VideoSearch.Indexer.Tests;

/// <summary>
/// Kills the real <c>videosearch index</c> process with SIGKILL at seeded random moments, restarts it, and checks
/// that the library ends up exactly as after an uninterrupted run, with finished videos never embedded twice.
/// </summary>
public sealed class CrashRecoveryTests : IDisposable
{
    private static readonly string[] s_files = [.. TestLibrary.SmallGoodFiles, "bad_text_renamed.mp4", "bad_zero_bytes.mp4"];
    private readonly TestLibrary _clean = TestLibrary.Create(s_files);
    private readonly TestLibrary _killed = TestLibrary.Create(s_files);

    [Fact]
    public async Task Index_KilledRepeatedly_EndsConsistentWithoutDuplicatesLossOrReembedding()
    {
        await _clean.IndexAsync();
        var expected = await _clean.ClipsByVideoAsync();
        var random = new Random(20261123);
        var finishedBeforeKill = new Dictionary<string, DateTimeOffset?>();
        int kills = 0;

        for (int round = 0; round < 5; round++)
        {
            using Process process = StartIndexer();
            // Even rounds die at a random moment of startup (model load, index reconciliation); odd rounds at a
            // random moment after one more video was stored, so that each of them lands inside the pipeline.
            bool exited = round % 2 == 0
                ? process.WaitForExit(TimeSpan.FromMilliseconds(random.Next(300, 3000)))
                : await WaitForNextVideoAsync(process, finishedBeforeKill.Count, random.Next(0, 1500));
            if (!exited)
            {
                process.Kill(); // SIGKILL on Unix: no handler runs, nothing is flushed
                process.WaitForExit();
                kills++;
            }
            foreach (VideoRecord video in await _killed.VideosAsync())
                if (video.Status == VideoStatus.Indexed && !finishedBeforeKill.ContainsKey(video.Path))
                    finishedBeforeKill[video.Path] = video.IndexedAt;
            if (exited) break;
        }
        using (Process last = StartIndexer())
        {
            Assert.True(last.WaitForExit(TimeSpan.FromMinutes(3)), "the final run did not finish");
            Assert.Equal(0, last.ExitCode);
        }

        Assert.True(kills >= 2, $"only {kills} runs were killed; the test proves little");
        Assert.NotEmpty(finishedBeforeKill);
        VerificationReport report = await _killed.VerifyAsync();
        Assert.True(report.IsConsistent, string.Join(Environment.NewLine, report.Problems));
        Assert.Equal(expected, await _killed.ClipsByVideoAsync());
        foreach ((string path, DateTimeOffset? indexedAt) in finishedBeforeKill)
            Assert.Equal(indexedAt, (await _killed.VideoAsync(Path.GetRelativePath(_killed.Root, path)))!.IndexedAt);
    }

    /// <summary>Waits until more than <paramref name="indexedBefore"/> videos are indexed, then <paramref name="delayMs"/>
    /// more; true when the process ended on its own first.</summary>
    private async Task<bool> WaitForNextVideoAsync(Process process, int indexedBefore, int delayMs)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(2);
        while (DateTime.UtcNow < deadline)
        {
            if (process.WaitForExit(TimeSpan.FromMilliseconds(100))) return true;
            if (File.Exists(Path.Combine(_killed.Database, "catalog.db"))
                && (await _killed.VideosAsync()).Count(v => v.Status == VideoStatus.Indexed) > indexedBefore)
                return process.WaitForExit(TimeSpan.FromMilliseconds(delayMs));
        }
        return process.HasExited;
    }

    private Process StartIndexer()
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in new[] { Fixtures.CliAssembly(), "index", _killed.Root, "--db", _killed.Database, "--model", TestLibrary.Model })
            start.ArgumentList.Add(argument);
        // Save the vector index every second, so kills also land between index saves.
        start.Environment["Indexer__IndexSaveInterval"] = "00:00:01";
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }


    public void Dispose()
    {
        _clean.Dispose();
        _killed.Dispose();
    }
}
