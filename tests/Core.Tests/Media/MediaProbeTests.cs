using System.Diagnostics;
using System.Globalization;
using System.Runtime.Versioning;
using System.Text.Json;
using VideoSearch.Core.Media;

namespace VideoSearch.Core.Tests.Media;

public class MediaProbeTests
{
    private readonly MediaProbe _probe = new();

    public static TheoryData<string> IndexFiles => MediaManifest.Names("index");

    [Theory]
    [MemberData(nameof(IndexFiles))]
    public async Task ProbeAsync_IndexFile_MatchesManifest(string name)
    {
        JsonElement expected = MediaManifest.Probe(name);

        VideoInfo info = await _probe.ProbeAsync(MediaManifest.PathOf(name));

        Assert.Equal(expected.GetProperty("container").GetString(), info.Container);
        Assert.Equal(expected.GetProperty("video_codec").GetString(), info.VideoCodec);
        Assert.Equal(expected.GetProperty("pix_fmt").GetString(), info.PixelFormat);
        Assert.Equal(expected.GetProperty("audio_codec").GetString(), info.AudioCodec);
        Assert.Equal(expected.GetProperty("rotation").GetInt32(), info.Rotation);
        Assert.Equal(Size(expected, "coded_size"), (info.CodedWidth, info.CodedHeight));
        Assert.Equal(Size(expected, "display_size"), (info.DisplayWidth, info.DisplayHeight));
        Assert.Equal(expected.GetProperty("start_time_s").GetDouble(), info.StartTimeSeconds, 3);
        Assert.Equal(Rate(expected.GetProperty("avg_frame_rate").GetString()!), info.FramesPerSecond, 9);

        // Durations: the manifest lists the container's figure; the video track's own length may differ from it by
        // a few milliseconds (Matroska start offsets, an audio tail). No stated duration (live WebM): the scan must
        // land on the frame count / rate, within one frame plus the -0.007 s start offset.
        double expectedDuration = expected.GetProperty("duration_s").ValueKind == JsonValueKind.Number
            ? expected.GetProperty("duration_s").GetDouble()
            : expected.GetProperty("frames").GetInt32() / info.FramesPerSecond;
        Assert.InRange(info.DurationSeconds, expectedDuration - 0.02, expectedDuration + 0.08);

        // Counts: exact where the container or a scan gives them, else duration x rate, within one frame per
        // second of rounding drift (Matroska's 3.666 s x 30 fps = 110 for 109 frames).
        long frames = expected.GetProperty("frames").GetInt64();
        if (info.FrameCountIsEstimate) Assert.InRange(info.FrameCount, frames - 2, frames + 2);
        else Assert.Equal(frames, info.FrameCount);
    }

    [Theory]
    [InlineData("bad_zero_bytes.mp4", MediaErrorKind.EmptyFile)]
    [InlineData("bad_text_renamed.mp4", MediaErrorKind.NotAMediaFile)]
    [InlineData("bad_moov_missing.mp4", MediaErrorKind.CorruptContainer)]
    [InlineData("audio_only_aac.mp4", MediaErrorKind.NoVideoStream)]
    [InlineData("does_not_exist.mp4", MediaErrorKind.NotFound)]
    public async Task ProbeAsync_BadFile_TypedErrorNamingTheFileQuickly(string name, MediaErrorKind kind)
    {
        string path = MediaManifest.PathOf(name);
        var clock = Stopwatch.StartNew();

        var e = await Assert.ThrowsAsync<MediaException>(() => _probe.ProbeAsync(path));

        Assert.Equal(kind, e.Reason);
        Assert.Equal(path, e.FilePath);
        Assert.Contains(name, e.Message);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
    }

    [Theory]
    [InlineData("avi_mjpeg_pcm_320x240.avi", 1, 15)]
    [InlineData("scenes_2min_320x240.mp4", 1, 10240)]
    [InlineData("webm_vp9_opus_320x240.webm", 1, 1000)]
    public async Task ProbeAsync_IndexFile_TimeBaseAsFfprobeStatesIt(string name, long numerator, long denominator)
    {
        VideoInfo info = await new MediaProbe().ProbeAsync(MediaManifest.PathOf(name));

        Assert.Equal(new StreamTimeBase(numerator, denominator), info.TimeBase);
    }

    [Fact]
    public void ManifestSkipEntries_AllCoveredByTheBadFileTests()
    {
        // Every 'skip' entry of the manifest is exercised: the five above by probing, bad_truncated.mp4 by decoding
        // (FrameExtractorTests), outside_root.mp4 by MediaPathGuardTests.
        string[] covered = ["bad_zero_bytes.mp4", "bad_text_renamed.mp4", "bad_moov_missing.mp4", "audio_only_aac.mp4", "bad_truncated.mp4", "nested/outside_root.mp4"];

        Assert.Equal(covered.Order(), MediaManifest.Files.Where(f => f.Value.GetProperty("expect").GetString() == "skip").Select(f => f.Key).Order());
    }

    [Fact]
    public async Task ProbeAsync_FfprobeNotInstalled_ToolMissingWithInstallHint()
    {
        var probe = new MediaProbe(new MediaToolOptions { BinaryFolder = "/nonexistent" });

        var e = await Assert.ThrowsAsync<MediaException>(() => probe.ProbeAsync(MediaManifest.PathOf("no_audio_320x240.mp4")));

        Assert.Equal(MediaErrorKind.ToolMissing, e.Reason);
        Assert.Contains("scripts/install-deps", e.Message);
    }

    [Fact]
    [SupportedOSPlatform("linux")]
    public async Task ProbeAsync_FfprobeNotExecutable_ToolMissing()
    {
        using var tool = new FakeTool("ffprobe", "exit 0", executable: false);
        var probe = new MediaProbe(new MediaToolOptions { BinaryFolder = tool.Folder });

        var e = await Assert.ThrowsAsync<MediaException>(() => probe.ProbeAsync(MediaManifest.PathOf("no_audio_320x240.mp4")));

        Assert.Equal(MediaErrorKind.ToolMissing, e.Reason);
        Assert.Contains("no_audio_320x240.mp4", e.Message);
    }

    [Fact]
    [SupportedOSPlatform("linux")]
    public async Task ProbeAsync_ToolThatHangs_TimesOutAndLeavesNoProcess()
    {
        // A stand-in ffprobe that answers the version check and then hangs in place of the real one.
        string marker = FakeTool.NewMarker();
        using var tool = new FakeTool("ffprobe", $"exec sleep {marker}");
        // 2 s: room for FFMpegCore's version check and the script's start on a loaded machine.
        var probe = new MediaProbe(new MediaToolOptions { BinaryFolder = tool.Folder, ProbeTimeout = TimeSpan.FromSeconds(2) });
        var clock = Stopwatch.StartNew();

        var e = await Assert.ThrowsAsync<MediaException>(() => probe.ProbeAsync(MediaManifest.PathOf("no_audio_320x240.mp4")));

        Assert.Equal(MediaErrorKind.Timeout, e.Reason);
        Assert.Contains("no_audio_320x240.mp4", e.Message);
        Assert.True(File.Exists(tool.StartedFile));
        Assert.Empty(TempFifo.ProcessesMentioning(marker));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
    }

    [Fact]
    [SupportedOSPlatform("linux")]
    public async Task ProbeAsync_CancelledWhileToolHangs_ThrowsAndLeavesNoProcess()
    {
        string marker = FakeTool.NewMarker();
        using var tool = new FakeTool("ffprobe", $"exec sleep {marker}");
        var probe = new MediaProbe(new MediaToolOptions { BinaryFolder = tool.Folder });
        using var cts = new CancellationTokenSource();

        Task probing = probe.ProbeAsync(MediaManifest.PathOf("no_audio_320x240.mp4"), cts.Token);
        var clock = Stopwatch.StartNew();
        while (TempFifo.ChildProcessesMentioning(marker).Count == 0 && clock.Elapsed < TimeSpan.FromSeconds(20)) await Task.Delay(50);
        Assert.NotEmpty(TempFifo.ChildProcessesMentioning(marker)); // FFMpegCore started it as a child of this process
        cts.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => probing);
        Assert.Empty(TempFifo.ProcessesMentioning(marker));
    }

    [Fact]
    [SupportedOSPlatform("linux")]
    public async Task ProbeAsync_WrapperWhoseChildKeepsThePipesOpen_StillTimesOutInBoundedTime()
    {
        // FFMpegCore kills the process it started, not its children: a wrapper script's child outlives the kill and
        // holds ffprobe's output pipes open. The call must still end within the time limit plus the kill grace.
        string marker = FakeTool.NewMarker();
        using var tool = new FakeTool("ffprobe", $"sleep {marker} &\nwait");
        var probe = new MediaProbe(new MediaToolOptions { BinaryFolder = tool.Folder, ProbeTimeout = TimeSpan.FromMilliseconds(700) });
        var clock = Stopwatch.StartNew();
        try
        {
            var e = await Assert.ThrowsAsync<MediaException>(() => probe.ProbeAsync(MediaManifest.PathOf("no_audio_320x240.mp4")));

            Assert.Equal(MediaErrorKind.Timeout, e.Reason);
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
        }
        finally
        {
            FakeTool.KillProcessesMentioning(marker);
        }
    }

    [Fact]
    public async Task ProbeAsync_NameWithQuoteAndBackslash_ProbesTheFile()
    {
        // FFMpegCore quotes paths without escaping; such names are reached through a temporary link.
        string folder = Path.Combine(Path.GetTempPath(), $"videosearch-names-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        string path = Path.Combine(folder, "say \"hi\" back\\slash.mp4");
        File.Copy(MediaManifest.PathOf("no_audio_320x240.mp4"), path);
        try
        {
            VideoInfo info = await _probe.ProbeAsync(path);

            Assert.Equal(path, info.Path);
            Assert.Equal((320, 240), (info.CodedWidth, info.CodedHeight));
            RgbFrame frame = (await new FrameExtractor().ExtractAsync(info, [1.0])).Single();
            Assert.Equal((320, 240), (frame.Width, frame.Height));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static double Rate(string fraction) =>
        double.Parse(fraction.Split('/')[0], CultureInfo.InvariantCulture) / double.Parse(fraction.Split('/')[1], CultureInfo.InvariantCulture);

    private static (int, int) Size(JsonElement probe, string name) =>
        (probe.GetProperty(name)[0].GetInt32(), probe.GetProperty(name)[1].GetInt32());
}
