using VideoSearch.Core.Media;

namespace VideoSearch.Core.Tests.Media;

public class OnePassExtractionTests
{
    private readonly MediaProbe _probe = new();
    private readonly FrameExtractor _extractor = new();

    /// <summary>
    /// The model's plan with 8 and with 32 frames per clip, and a plan of windows a quarter of the video long every
    /// eighth, so that the short files (one model clip each) also get a real multi-clip pass.
    /// </summary>
    public static TheoryData<string, string> FilesAndPlans()
    {
        var data = new TheoryData<string, string>();
        string[] files =
        [
            "vfr_5_25_10fps.mp4", "rotated_phone_270.mp4", "real_intel_asl_book_640x480.mkv", "webm_vp9_opus_320x240.webm",
            "no_duration_vp8.webm", "mov_prores_pcm_320x240.mov", "real_intel_bottle_detection_640x360.mp4",
            "uhd_3840x2160_10frames.mp4", "portrait_9x16_360x640.mp4", "scenes_2min_320x240.mp4",
            "avi_mjpeg_pcm_320x240.avi", "real_bbb_0_30s_vp8_1280x720.webm", "mkv_hevc_vorbis_320x240.mkv", "mp4_h264_aac_320x240.mp4",
        ];
        foreach (string file in files)
        {
            data.Add(file, "model8");
            data.Add(file, "model32");
            data.Add(file, "quarters8");
            data.Add(file, "offgrid8");
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(FilesAndPlans))]
    public async Task RunAsync_Plan_FramesByteIdenticalToThePerClipSeekPath(string name, string plan)
    {
        VideoInfo video = await _probe.ProbeAsync(MediaManifest.PathOf(name));
        double quarter = Math.Round(video.DurationSeconds / 4, 3);
        ClipPlanOptions options = plan switch
        {
            "model8" => ClipPlanOptions.ForModel(8),
            "model32" => ClipPlanOptions.ForModel(32),
            "offgrid8" => new ClipPlanOptions(Math.Round(video.DurationSeconds / 2.7, 3), Math.Round(video.DurationSeconds / 4.1, 3), 8),
            _ => new ClipPlanOptions(quarter, quarter / 2, 8),
        };
        var clips = ClipPlanner.Plan(video, options);
        var pass = new OnePassExtraction(video, clips, MediaToolOptions.Default, _extractor);

        var streamed = await pass.RunAsync().ToListAsync();

        Assert.Equal(clips, streamed.Select(c => c.Clip));
        for (int c = 0; c < clips.Count; c++)
        {
            var expected = await _extractor.ExtractClipAsync(video, clips[c]);
            Assert.Equal(clips[c].FrameTimestamps, streamed[c].Frames.Select(f => f.TimestampSeconds));
            for (int i = 0; i < expected.Count; i++)
            {
                Assert.True(expected[i].Pixels.AsSpan().SequenceEqual(streamed[c].Frames[i].Pixels),
                    $"{name}: clip {c} frame {i} (t = {clips[c].FrameTimestamps[i]}) differs from the per-clip path");
            }
        }
        // Only the last clip may hold a time after the last frame's start, which the pass leaves to the seek path.
        Assert.InRange(pass.FallbackClips, 0, 1);
        if (plan == "quarters8") Assert.InRange(clips.Count, 7, 8);
    }

    [Fact]
    public async Task RunAsync_OverlappingWindows_ShareOneArrayPerFrame()
    {
        VideoInfo video = await _probe.ProbeAsync(MediaManifest.PathOf("scenes_2min_320x240.mp4"));
        var clips = ClipPlanner.Plan(video, ClipPlanOptions.ForModel(8));

        var streamed = await new OnePassExtraction(video, clips, MediaToolOptions.Default, _extractor).RunAsync().ToListAsync();

        // Clip 0 (0-4 s) and clip 1 (2-6 s) both sample 2.25, 2.75, 3.25 and 3.75 s.
        Assert.Equal(2.25, streamed[1].Frames[0].TimestampSeconds);
        Assert.Same(streamed[0].Frames[4].Pixels, streamed[1].Frames[0].Pixels);
        Assert.Same(streamed[0].Frames[7].Pixels, streamed[1].Frames[3].Pixels);
    }

    [Fact]
    public async Task ExtractClipsAsync_DensePlan_YieldsEveryClipInPlanOrder()
    {
        VideoInfo video = await _probe.ProbeAsync(MediaManifest.PathOf("real_intel_bottle_detection_640x360.mp4"));
        var clips = ClipPlanner.Plan(video, ClipPlanOptions.ForModel(8));

        var streamed = await _extractor.ExtractClipsAsync(video, clips).ToListAsync();

        Assert.True(DecodePassRule.UsesOnePass(clips));
        Assert.Equal(clips, streamed.Select(c => c.Clip));
        Assert.All(streamed, c => Assert.Equal(8, c.Frames.Count));
    }

    [Fact]
    public async Task ExtractClipsAsync_SingleClip_SameFramesAsExtractClip()
    {
        VideoInfo video = await _probe.ProbeAsync(MediaManifest.PathOf("three_frames_320x240.mp4"));
        var clips = ClipPlanner.Plan(video, ClipPlanOptions.ForModel(8));

        var streamed = await _extractor.ExtractClipsAsync(video, clips).ToListAsync();
        var expected = await _extractor.ExtractClipAsync(video, clips.Single());

        Assert.Equal(expected.Select(f => f.Pixels), streamed.Single().Frames.Select(f => f.Pixels));
    }

    [Fact]
    public async Task ExtractClipsAsync_TruncatedFile_YieldsEarlierClipsThenTruncated()
    {
        VideoInfo video = await _probe.ProbeAsync(MediaManifest.PathOf("bad_truncated.mp4"));
        var clips = ClipPlanner.Plan(video, ClipPlanOptions.ForModel(8));
        var yielded = new List<ExtractedClip>();

        var e = await Assert.ThrowsAsync<MediaException>(async () =>
        {
            await foreach (ExtractedClip clip in _extractor.ExtractClipsAsync(video, clips)) yielded.Add(clip);
        });

        Assert.Equal(MediaErrorKind.Truncated, e.Reason);
        Assert.Contains("bad_truncated.mp4", e.Message);
        Assert.NotEmpty(yielded);
        Assert.Equal(clips.Take(yielded.Count), yielded.Select(c => c.Clip));
        // The last frame that decodes is at 4.24 s: every clip that ends by then plus the tolerance decodes.
        Assert.All(yielded, c => Assert.True(c.Clip.FrameTimestamps[^1] <= 4.24 + FrameExtractor.TruncationTolerance(video)));
    }

    [Fact]
    public async Task ExtractClipsAsync_CancelledMidStream_ThrowsAndLeavesNoFfmpegProcess()
    {
        using var copy = new TempFileCopy(MediaManifest.PathOf("scenes_2min_320x240.mp4"));
        VideoInfo video = await _probe.ProbeAsync(copy.Path);
        var clips = ClipPlanner.Plan(video, ClipPlanOptions.ForModel(8));
        using var cts = new CancellationTokenSource();
        int seen = 0;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (ExtractedClip clip in _extractor.ExtractClipsAsync(video, clips, cts.Token))
            {
                if (++seen != 3) continue;
                Assert.NotEmpty(TempFifo.ChildProcessesMentioning(copy.Path));
                cts.Cancel();
                // Killed while the consumer still holds this clip, not at its next request; SIGKILL and the reaping
                // take a few milliseconds, hence the short wait (well inside the 5 s kill grace).
                var clock = System.Diagnostics.Stopwatch.StartNew();
                while (TempFifo.ProcessesMentioning(copy.Path).Count > 0 && clock.Elapsed < TimeSpan.FromSeconds(2)) await Task.Delay(20);
                Assert.Empty(TempFifo.ProcessesMentioning(copy.Path));
            }
        });

        Assert.Equal(3, seen);
        Assert.Empty(TempFifo.ProcessesMentioning(copy.Path));
    }

    [Fact]
    public async Task ExtractClipsAsync_ConsumerLeavesEarly_LeavesNoFfmpegProcess()
    {
        using var copy = new TempFileCopy(MediaManifest.PathOf("scenes_2min_320x240.mp4"));
        VideoInfo video = await _probe.ProbeAsync(copy.Path);
        var clips = ClipPlanner.Plan(video, ClipPlanOptions.ForModel(8));

        await foreach (ExtractedClip clip in _extractor.ExtractClipsAsync(video, clips))
        {
            if (clip.Clip.Index == 1) break;
        }

        Assert.Empty(TempFifo.ProcessesMentioning(copy.Path));
    }

    [Fact]
    public async Task ExtractClipsAsync_InputThatNeverDelivers_TimesOutAndLeavesNoProcess()
    {
        using var fifo = new TempFifo();
        var extractor = new FrameExtractor(new MediaToolOptions
        {
            PassTimeoutBase = TimeSpan.FromMilliseconds(500),
            PassTimeoutPerVideoSecond = TimeSpan.FromMilliseconds(10),
        });
        VideoInfo video = new(fifo.Path, "mov,mp4,m4a,3gp,3g2,mj2", 8, 0, 25, 200, false, 320, 240, 0, "h264", "yuv420p", null, null)
        {
            TimeBase = new StreamTimeBase(1, 12800),
        };
        var clips = ClipPlanner.Plan(video, ClipPlanOptions.ForModel(8));

        var e = await Assert.ThrowsAsync<MediaException>(async () => await extractor.ExtractClipsAsync(video, clips).ToListAsync());

        Assert.Equal(MediaErrorKind.Timeout, e.Reason);
        Assert.Equal(fifo.Path, e.FilePath);
        Assert.Empty(TempFifo.ProcessesMentioning(fifo.Path));
    }

    [Fact]
    public async Task ExtractClipsAsync_ConsumerHoldsBackLongerThanTheLimit_TimeNotCounted()
    {
        // The whole decode of this file takes about a second; the consumer holds each of the first ten clips for
        // 0.6 s, 6 s in all, past the 4 s limit, which must count only the time spent waiting for ffmpeg.
        var extractor = new FrameExtractor(new MediaToolOptions { PassTimeoutBase = TimeSpan.FromSeconds(4), PassTimeoutPerVideoSecond = TimeSpan.Zero });
        VideoInfo video = await _probe.ProbeAsync(MediaManifest.PathOf("scenes_2min_320x240.mp4"));
        var clips = ClipPlanner.Plan(video, ClipPlanOptions.ForModel(8));
        int count = 0;

        await foreach (ExtractedClip clip in extractor.ExtractClipsAsync(video, clips))
        {
            if (count++ < 10) await Task.Delay(600);
        }

        Assert.Equal(clips.Count, count);
    }

    [Fact]
    public async Task RunAsync_TwoHourFile_HoldsOnlyOverlappingWindowsAndBlocksFfmpegWhenTheConsumerWaits()
    {
        using var file = LongVideo.Create(TimeSpan.FromHours(2));
        VideoInfo video = await _probe.ProbeAsync(file.Path);
        var plan = ClipPlanOptions.ForModel(8);
        var clips = ClipPlanner.Plan(video, plan);
        var pass = new OnePassExtraction(video, clips, MediaToolOptions.Default, _extractor);
        int count = 0;
        int readWhilePaused = -1;

        await foreach (ExtractedClip clip in pass.RunAsync())
        {
            Assert.Equal(count++, clip.Clip.Index);
            if (clip.Clip.Index != 100) continue;
            // The consumer holds back: once the pipe's buffer is full ffmpeg blocks, so reading stops.
            await Task.Delay(1000);
            readWhilePaused = pass.FramesRead;
            await Task.Delay(1000);
            Assert.Equal(readWhilePaused, pass.FramesRead);
        }

        Assert.Equal(clips.Count, count);
        Assert.True(clips.Count > 3500, $"{clips.Count} clips");
        // 32x32 frames: the 64 KiB pipe buffer holds about 21 of them; the rest of the file was not read ahead.
        Assert.InRange(readWhilePaused, 1, 100 * 4 + 64);
        // Two overlapping windows' frames at most: the clip being completed and the next one.
        Assert.InRange(pass.PeakLiveFrames, plan.NumFrames, 2 * plan.NumFrames);
        Assert.InRange(pass.FallbackClips, 0, 1);
    }
}
