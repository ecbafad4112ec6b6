using VideoSearch.Core.Catalog;
using VideoSearch.Core.Errors;
using VideoSearch.Core.Media;
using VideoSearch.Indexer.Progress;

namespace VideoSearch.Indexer.Tests;

/// <summary>
/// A machine without ffmpeg, then with it, as on the README's fresh-machine flow: the files are never blamed for
/// the missing tool, and every good file is indexed once it is there.
/// </summary>
[Collection(MediaToolsCollection.Name)]
public sealed class EnvironmentFailureTests : IDisposable
{
    private static readonly string[] s_good = ["no_audio_320x240.mp4", "three_frames_320x240.mp4", "webm_vp9_opus_320x240.webm"];
    private static readonly string[] s_bad = ["audio_only_aac.mp4", "bad_text_renamed.mp4", "bad_truncated.mp4"];
    private readonly TestLibrary _library = TestLibrary.Create([.. s_good, .. s_bad]);

    [Fact]
    public async Task IndexAsync_FfmpegHiddenFromPathThenFound_StopsAtOnceThenIndexesEveryGoodFile()
    {
        MediaToolsMissingException missing;
        using (new HiddenMediaTools())
            missing = await Assert.ThrowsAsync<MediaToolsMissingException>(() => _library.IndexAsync());

        Assert.Equal(ErrorKind.Environment, missing.Kind);
        Assert.StartsWith(MediaToolsMissingException.Advice, missing.Message);
        Assert.DoesNotContain(await _library.VideosAsync(), v => v.Status == VideoStatus.Failed);

        IndexingSummary summary = await _library.IndexAsync();

        await AssertGoodIndexedAndBadFailedByTheFileAsync();
        Assert.Equal(s_good.Length, summary.Indexed);
        Assert.Equal(s_bad.Length, summary.FileFailures);
        Assert.Equal(0, summary.EnvironmentFailures);
    }

    [Fact]
    public async Task WatchAsync_FfmpegHiddenFromPathThenFound_WaitsThenIndexesEveryGoodFile()
    {
        var progress = new IndexingProgress();
        using var stop = new CancellationTokenSource();
        Task watching;
        using (new HiddenMediaTools())
        {
            watching = _library.WatchAsync(progress, TimeSpan.FromMilliseconds(300), stop.Token);
            await WaitUntilAsync(() => Task.FromResult(progress.LastPass != null), "the first pass");
            IndexingSummary waiting = progress.LastPass!;

            Assert.Equal(s_good.Length + s_bad.Length, waiting.Waiting);
            Assert.StartsWith(MediaToolsMissingException.Advice, waiting.EnvironmentProblem);
            Assert.Empty(waiting.Failed);
            Assert.StartsWith(MediaToolsMissingException.Advice, progress.Current.Message);
            Assert.All(await _library.VideosAsync(), v => Assert.Equal(VideoStatus.Pending, v.Status));
        }

        // Found by the next periodic rescan: nothing in the media folders changes.
        await WaitUntilAsync(async () => (await _library.VideosAsync()).All(v => v.Status != VideoStatus.Pending),
            "indexing once ffmpeg is back");
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => watching);

        await AssertGoodIndexedAndBadFailedByTheFileAsync();
        Assert.Null(progress.LastPass!.EnvironmentProblem);
    }

    [Fact]
    public async Task IndexAsync_ToolMissingRecordedBefore_IsRetriedWhileFileFailuresWait()
    {
        await _library.IndexAsync();
        // What an earlier version stored for every file when ffmpeg was missing: the failure, on the file as it is.
        using (var catalog = await VideoCatalog.OpenAsync(_library.Database))
        {
            VideoRecord video = (await catalog.Videos.GetByPathAsync(_library.PathOf(s_good[0])))!;
            await catalog.Videos.FailVideoAsync(video.Id, FailureKinds.Of(MediaErrorKind.ToolMissing),
                "ffprobe could not be started", video.File);
        }

        IndexingSummary summary = await _library.IndexAsync();

        Assert.Equal(1, summary.Retried);
        Assert.Equal(1, summary.Indexed);
        Assert.Empty(summary.Failed);
        Assert.Equal(s_bad.Length, summary.PreviouslyFailed.Count);
        Assert.All(summary.PreviouslyFailed, e => Assert.Equal(FailureCause.File, e.Cause));
        await AssertGoodIndexedAndBadFailedByTheFileAsync();

        IndexingSummary third = await _library.IndexAsync();

        Assert.Equal(0, third.Retried);
        Assert.Equal(0, third.Indexed);
        Assert.Equal(0, third.ClipsEmbedded);
    }

    private async Task AssertGoodIndexedAndBadFailedByTheFileAsync()
    {
        foreach (string name in s_good)
        {
            VideoRecord? video = await _library.VideoAsync(name);
            Assert.True(video?.Status == VideoStatus.Indexed, $"{name} is {video?.Status}: {video?.ErrorKind} {video?.ErrorText}");
        }
        var manifest = TestLibrary.Manifest();
        foreach (string name in s_bad)
        {
            VideoRecord video = (await _library.VideoAsync(name))!;
            Assert.Equal(VideoStatus.Failed, video.Status);
            Assert.Equal(manifest[name].ErrorKind, video.ErrorKind);
            Assert.Equal(FailureCause.File, FailureKinds.CauseOf(video.ErrorKind));
        }
    }

    /// <summary>Polls <paramref name="condition"/>; a generous limit, as passes run the model on a busy machine.</summary>
    private static async Task WaitUntilAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(2);
        while (DateTime.UtcNow < deadline)
        {
            if (await condition()) return;
            await Task.Delay(100);
        }
        throw new TimeoutException($"timed out waiting for {what}");
    }

    public void Dispose() => _library.Dispose();
}
