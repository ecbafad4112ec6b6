using System.Diagnostics;
using VideoSearch.Core.Media;

namespace VideoSearch.Core.Tests.Media;

public class FrameExtractorTests
{
    private static readonly ClipPlanOptions Plan8 = ClipPlanOptions.ForModel(8);
    private readonly MediaProbe _probe = new();
    private readonly FrameExtractor _extractor = new();

    public static TheoryData<string> IndexFiles => MediaManifest.Names("index");

    [Theory]
    [MemberData(nameof(IndexFiles))]
    public async Task ExtractClipAsync_FirstAndLastClipOfIndexFile_EightFramesOfDisplaySize(string name)
    {
        VideoInfo video = await _probe.ProbeAsync(MediaManifest.PathOf(name));
        var clips = ClipPlanner.Plan(video, Plan8);

        foreach (Clip clip in new[] { clips[0], clips[^1] })
        {
            var frames = await _extractor.ExtractClipAsync(video, clip);

            Assert.Equal(8, frames.Count);
            Assert.Equal(clip.FrameTimestamps, frames.Select(f => f.TimestampSeconds));
            Assert.All(frames, f => Assert.Equal((video.DisplayWidth, video.DisplayHeight), (f.Width, f.Height)));
            Assert.Contains(frames, f => f.Pixels.AsSpan().IndexOfAnyExcept((byte)0) >= 0);
        }
    }

    [Fact]
    public async Task ExtractClipAsync_ThreeFrameVideo_RepeatsItsFramesToFillTheClip()
    {
        VideoInfo video = await _probe.ProbeAsync(MediaManifest.PathOf("three_frames_320x240.mp4"));

        var frames = await _extractor.ExtractClipAsync(video, ClipPlanner.Plan(video, Plan8).Single());

        Assert.Equal(8, frames.Count);
        Assert.InRange(frames.Select(f => f.Pixels).Distinct().Count(), 2, 3);
    }

    [Fact]
    public async Task ExtractAsync_RotatedPhoneVideo_ComesOutUprightWithRedBarOnTop()
    {
        VideoInfo video = await _probe.ProbeAsync(MediaManifest.PathOf("rotated_phone_270.mp4"));

        RgbFrame frame = (await _extractor.ExtractAsync(video, [1.0])).Single();

        Assert.Equal((240, 320), (frame.Width, frame.Height));
        var top = MeanColour(frame, 0, 0, frame.Width, 8);
        var bottomLeft = MeanColour(frame, 4, frame.Height - 24, 24, 20);
        // Encoded colours drift a little through YUV 4:2:0, hence thresholds rather than exact values.
        Assert.True(top.R > 180 && top.G < 80 && top.B < 80, $"top rows are {top}, not red");
        Assert.True(bottomLeft.B > 150 && bottomLeft.R < 100, $"bottom-left corner is {bottomLeft}, not blue");
    }

    [Theory]
    [InlineData("mp4_h264_aac_320x240.mp4", 3.0, 75)]        // 25 fps: frame 75 starts at exactly 3.0 s
    [InlineData("mp4_h264_aac_320x240.mp4", 2.99, 75)]       // first frame at or after the time
    [InlineData("vfr_5_25_10fps.mp4", 3.01, 36)]             // 10 frames at 5 fps, then 25 fps from 2 s: 3.04 s is frame 36
    [InlineData("scenes_2min_320x240.mp4", 57.35, 574)]      // a seek far from the start, between keyframes
    public async Task ExtractAsync_SeekToTime_SameBytesAsDecodingEveryFrameInOrder(string name, double time, int frameIndex)
    {
        VideoInfo video = await _probe.ProbeAsync(MediaManifest.PathOf(name));

        RgbFrame frame = (await _extractor.ExtractAsync(video, [time])).Single();

        Assert.Equal(DecodeFrameInOrder(video.Path, frameIndex, frame.Pixels.Length), frame.Pixels);
    }

    [Fact]
    public async Task ExtractAsync_UnsortedAndRepeatedTimes_ResultFollowsTheRequest()
    {
        VideoInfo video = await _probe.ProbeAsync(MediaManifest.PathOf("scenes_2min_320x240.mp4"));

        var frames = await _extractor.ExtractAsync(video, [50.0, 5.0, 50.0]);

        Assert.Equal([50.0, 5.0, 50.0], frames.Select(f => f.TimestampSeconds));
        Assert.Same(frames[0].Pixels, frames[2].Pixels);
        var red = MeanColour(frames[1], 0, 0, frames[1].Width, frames[1].Height); // scene 1 (0-20 s) is a red screen
        Assert.True(red.R > 180 && red.G < 60 && red.B < 60, $"frame at 5 s is {red}, not the red scene");
    }

    [Fact]
    public async Task ExtractClipAsync_TruncatedFile_FirstClipDecodesLastClipIsTruncated()
    {
        string path = MediaManifest.PathOf("bad_truncated.mp4");
        VideoInfo video = await _probe.ProbeAsync(path);
        var clips = ClipPlanner.Plan(video, Plan8);
        var clock = Stopwatch.StartNew();

        Assert.Equal(8, (await _extractor.ExtractClipAsync(video, clips[0])).Count);
        var e = await Assert.ThrowsAsync<MediaException>(() => _extractor.ExtractClipAsync(video, clips[^1]));

        Assert.Equal(MediaErrorKind.Truncated, e.Reason);
        Assert.Contains("bad_truncated.mp4", e.Message);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task ExtractClipAsync_TruncatedFile_ClipAcrossTheCutIsTruncated()
    {
        VideoInfo video = await _probe.ProbeAsync(MediaManifest.PathOf("bad_truncated.mp4"));

        var e = await Assert.ThrowsAsync<MediaException>(() => _extractor.ExtractAsync(video, [3.0, 4.0, 5.0, 6.0]));

        Assert.Equal(MediaErrorKind.Truncated, e.Reason);
        Assert.Contains("4.2", e.Detail); // the last frame that decodes is at 4.24 s
    }

    [Fact]
    public async Task ExtractAsync_Cancelled_ThrowsAndLeavesNoFfmpegProcess()
    {
        using var fifo = new TempFifo();
        using var cts = new CancellationTokenSource();

        Task extraction = _extractor.ExtractAsync(FakeVideo(fifo.Path), [0.5], cts.Token);
        // ffmpeg, started by FFMpegCore as a child of this process, now blocks opening the pipe.
        var clock = Stopwatch.StartNew();
        while (TempFifo.ChildProcessesMentioning(fifo.Path).Count == 0 && clock.Elapsed < TimeSpan.FromSeconds(20)) await Task.Delay(50);
        Assert.NotEmpty(TempFifo.ChildProcessesMentioning(fifo.Path));
        cts.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => extraction);
        Assert.Empty(TempFifo.ProcessesMentioning(fifo.Path));
    }

    [Fact]
    public async Task ExtractAsync_CancelledBeforeTheCall_ThrowsWithoutStartingFfmpeg()
    {
        using var fifo = new TempFifo();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _extractor.ExtractAsync(FakeVideo(fifo.Path), [0.5], new CancellationToken(true)));

        Assert.Empty(TempFifo.ProcessesMentioning(fifo.Path));
    }

    [Fact]
    public async Task ExtractAsync_DecodeThatNeverEnds_TimesOut()
    {
        using var fifo = new TempFifo();
        var extractor = new FrameExtractor(new MediaToolOptions { ExtractTimeout = TimeSpan.FromMilliseconds(500) });

        var e = await Assert.ThrowsAsync<MediaException>(() => extractor.ExtractAsync(FakeVideo(fifo.Path), [0.5]));

        Assert.Equal(MediaErrorKind.Timeout, e.Reason);
        Assert.Equal(fifo.Path, e.FilePath);
        Assert.Empty(TempFifo.ProcessesMentioning(fifo.Path));
    }

    [Fact]
    public async Task ExtractAsync_FfmpegNotInstalled_ToolMissing()
    {
        var extractor = new FrameExtractor(new MediaToolOptions { BinaryFolder = "/nonexistent" });
        VideoInfo video = await _probe.ProbeAsync(MediaManifest.PathOf("no_audio_320x240.mp4"));

        var e = await Assert.ThrowsAsync<MediaException>(() => extractor.ExtractAsync(video, [1.0]));

        Assert.Equal(MediaErrorKind.ToolMissing, e.Reason);
    }

    [Fact]
    public async Task ExtractAsync_FileRemovedAfterProbing_NotFoundNamingTheFile()
    {
        string path = Path.Combine(Path.GetTempPath(), $"videosearch-gone-{Guid.NewGuid():N}.mp4");
        File.Copy(MediaManifest.PathOf("no_audio_320x240.mp4"), path);
        VideoInfo video = await _probe.ProbeAsync(path);
        File.Delete(path);

        var e = await Assert.ThrowsAsync<MediaException>(() => _extractor.ExtractAsync(video, [1.0]));

        Assert.Equal(MediaErrorKind.NotFound, e.Reason);
        Assert.Equal(path, e.FilePath);
    }

    [Fact]
    public async Task ExtractAsync_TimePastTheEnd_ThrowsArgumentOutOfRange()
    {
        VideoInfo video = await _probe.ProbeAsync(MediaManifest.PathOf("no_audio_320x240.mp4"));

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => _extractor.ExtractAsync(video, [60.0]));
    }

    private static VideoInfo FakeVideo(string path) =>
        new(path, "mov,mp4,m4a,3gp,3g2,mj2", 4, 0, 25, 100, false, 320, 240, 0, "h264", "yuv420p", null, null);

    private static (double R, double G, double B) MeanColour(RgbFrame frame, int x0, int y0, int w, int h)
    {
        double r = 0, g = 0, b = 0;
        for (int y = y0; y < y0 + h; y++)
        {
            for (int x = x0; x < x0 + w; x++)
            {
                int i = (y * frame.Width + x) * 3;
                r += frame.Pixels[i];
                g += frame.Pixels[i + 1];
                b += frame.Pixels[i + 2];
            }
        }
        int n = w * h;
        return (r / n, g / n, b / n);
    }

    /// <summary>The reference: ffmpeg decoding from the first frame and keeping frame number <paramref name="index"/>.</summary>
    private static byte[] DecodeFrameInOrder(string path, int index, int frameBytes)
    {
        var start = new ProcessStartInfo("ffmpeg") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string a in new[] { "-nostdin", "-v", "error", "-i", "file:" + path, "-map", "0:v:0", "-vf", $"select=eq(n\\,{index})",
                     "-fps_mode", "passthrough", "-frames:v", "1", "-pix_fmt", "rgb24", "-f", "rawvideo", "pipe:1" })
        {
            start.ArgumentList.Add(a);
        }
        using var process = Process.Start(start)!;
        using var buffer = new MemoryStream();
        process.StandardOutput.BaseStream.CopyTo(buffer);
        process.WaitForExit();
        Assert.Equal(frameBytes, buffer.Length);
        return buffer.ToArray();
    }
}
