using System.Text.Json;
using VideoSearch.Core.Media;

namespace VideoSearch.Core.Tests.Media;

public class BrowserPlaybackTests
{
    /// <summary>
    /// What each test file needs in Chromium and Firefox, stated here rather than derived from the rule. Every file the
    /// manifest says to index must be listed, so a new test file needs a decision too.
    /// </summary>
    private static readonly Dictionary<string, bool> s_direct = new()
    {
        ["-starts-with-dash.mp4"] = true,
        ["avi_mjpeg_pcm_320x240.avi"] = false,
        ["café vidéo – l'été 動画.mp4"] = true,
        ["mkv_hevc_vorbis_320x240.mkv"] = false,
        ["mov_prores_pcm_320x240.mov"] = false,
        ["mp4_h264_aac_320x240.mp4"] = true,
        ["nested/level1/level2/deep.mp4"] = true,
        ["no_audio_320x240.mp4"] = true,
        ["no_duration_vp8.webm"] = true,
        ["portrait_9x16_360x640.mp4"] = true,
        ["real_bbb_0_30s_vp8_1280x720.webm"] = true,
        ["real_intel_asl_book_640x480.mkv"] = false,
        ["real_intel_bottle_detection_640x360.mp4"] = true,
        ["rotated_phone_270.mp4"] = true,
        ["scenes_2min_320x240.mp4"] = true,
        ["three_frames_320x240.mp4"] = true,
        ["uhd_3840x2160_10frames.mp4"] = true,
        ["vfr_5_25_10fps.mp4"] = true,
        ["webm_vp9_opus_320x240.webm"] = true,
    };

    public static TheoryData<string> IndexFiles => MediaManifest.Names("index");

    [Theory]
    [MemberData(nameof(IndexFiles))]
    public void Decide_ManifestFile_MatchesWhatBrowsersPlay(string name)
    {
        Assert.True(s_direct.TryGetValue(name, out bool direct), $"{name} has no expected decision in this test");

        // The manifest's facts are ffprobe's (MediaProbeTests checks that the probe reports them).
        PlaybackDecision decision = BrowserPlayback.Decide(FromManifest(name));

        Assert.Equal(direct, decision.Direct);
        if (direct) Assert.Null(decision.Reason);
        else Assert.False(string.IsNullOrWhiteSpace(decision.Reason));
    }

    [Theory]
    [InlineData("avi_mjpeg_pcm_320x240.avi", "avi")]
    [InlineData("mkv_hevc_vorbis_320x240.mkv", "matroska,webm")]
    [InlineData("mov_prores_pcm_320x240.mov", "prores")]
    [InlineData("real_intel_asl_book_640x480.mkv", ".mkv")]
    public void Decide_TranscodedFile_ReasonNamesTheObstacle(string name, string obstacle)
    {
        Assert.Contains(obstacle, BrowserPlayback.Decide(FromManifest(name)).Reason);
    }

    [Theory]
    [InlineData("a.mp4", "mov,mp4,m4a,3gp,3g2,mj2", "h264", "yuv420p10le", "aac", "yuv420p10le")] // High 10
    [InlineData("a.mp4", "mov,mp4,m4a,3gp,3g2,mj2", "h264", "yuv444p", null, "yuv444p")]          // High 4:4:4
    [InlineData("a.mp4", "mov,mp4,m4a,3gp,3g2,mj2", "hevc", "yuv420p", "aac", "hevc")]            // a phone's HEVC
    [InlineData("a.mp4", "mov,mp4,m4a,3gp,3g2,mj2", "h264", "yuv420p", "pcm_s16le", "pcm_s16le")] // PCM in MP4
    [InlineData("a.mp4", "mov,mp4,m4a,3gp,3g2,mj2", "h264", null, "aac", "unknown")]              // no pixel format known
    [InlineData("a.webm", "matroska,webm", "h264", "yuv420p", null, "h264")]                      // H.264 is not WebM
    [InlineData("a.webm", "matroska,webm", "vp9", "yuv420p", "aac", "aac")]                       // nor is AAC
    [InlineData("a.webm", "mov,mp4,m4a,3gp,3g2,mj2", "h264", "yuv420p", "aac", "container")]      // MP4 named .webm
    [InlineData("a.mp4", "matroska,webm", "vp9", "yuv420p", "opus", "container")]                 // WebM named .mp4
    [InlineData("a", "mov,mp4,m4a,3gp,3g2,mj2", "h264", "yuv420p", "aac", "extensionless")]
    [InlineData("a.ts", "mpegts", "h264", "yuv420p", "aac", "mpegts")]
    public void Decide_WhatBrowsersDoNotPlay_Transcodes(string file, string container, string codec, string? pixels, string? audio, string obstacle)
    {
        PlaybackDecision decision = BrowserPlayback.Decide(Info(file, container, codec, pixels, audio));

        Assert.False(decision.Direct);
        Assert.Contains(obstacle, decision.Reason);
    }

    [Theory]
    [InlineData("a.MP4", "mov,mp4,m4a,3gp,3g2,mj2", "h264", "yuvj420p", "mp3")]
    [InlineData("a.m4v", "mov,mp4,m4a,3gp,3g2,mj2", "av1", "yuv420p", "opus")]
    [InlineData("a.mov", "mov,mp4,m4a,3gp,3g2,mj2", "h264", "yuv420p", "flac")]
    [InlineData("a.webm", "matroska,webm", "av1", "yuv420p", "opus")]
    [InlineData("a.webm", "matroska,webm", "vp9", "yuv420p", "vorbis")]
    public void Decide_WhatBothBrowsersPlay_IsDirect(string file, string container, string codec, string pixels, string audio)
    {
        Assert.Equal(PlaybackDecision.Play, BrowserPlayback.Decide(Info(file, container, codec, pixels, audio)));
    }

    private static VideoInfo FromManifest(string name)
    {
        JsonElement probe = MediaManifest.Probe(name);
        return Info(MediaManifest.PathOf(name), probe.GetProperty("container").GetString()!, probe.GetProperty("video_codec").GetString()!,
            probe.GetProperty("pix_fmt").GetString(), probe.GetProperty("audio_codec").GetString());
    }

    private static VideoInfo Info(string path, string container, string codec, string? pixels, string? audio) =>
        new(path, container, 4, 0, 25, 100, false, 320, 240, 0, codec, pixels, audio, null);
}
