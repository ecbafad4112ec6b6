using VideoSearch.Core.Media;

namespace VideoSearch.Core.Tests.Media;

public class MediaAnalysisReaderTests
{
    [Fact]
    public void Parse_RotatedPhoneRecording_ReadsDisplayMatrixRotation()
    {
        ProbeFacts facts = MediaAnalysisReader.Parse(GoldenFiles.Read("rotated_phone_270.ffprobe.json"), "rotated_phone_270.mp4");

        Assert.Equal(-90, facts.Rotation);
        Assert.Equal((320, 240), (facts.CodedWidth, facts.CodedHeight));
        Assert.Equal(4.0, facts.DurationSeconds);
        Assert.Equal(40, facts.FrameCount);
        Assert.Equal(10.0, facts.FramesPerSecond);
        Assert.Equal("h264", facts.VideoCodec);
        Assert.Null(facts.AudioCodec);
        Assert.Equal((0, 1.0 / 10240), (facts.StreamIndex, facts.TimeBase));
        var info = facts.ToVideoInfo("/x/rotated_phone_270.mp4", 4.0, null);
        Assert.Equal((240, 320), (info.DisplayWidth, info.DisplayHeight));
    }

    [Fact]
    public void Parse_LiveRecordedWebm_LeavesDurationAndFrameCountUnknown()
    {
        ProbeFacts facts = MediaAnalysisReader.Parse(GoldenFiles.Read("no_duration_vp8.ffprobe.json"), "no_duration_vp8.webm");

        Assert.Null(facts.DurationSeconds);
        Assert.Null(facts.FrameCount);
        Assert.Equal(-0.007, facts.StartTimeSeconds);
        Assert.Equal("matroska,webm", facts.Container);
        Assert.Equal(("vp8", "opus"), (facts.VideoCodec, facts.AudioCodec));
    }

    [Fact]
    public void Parse_MatroskaWithDurationTag_UsesTheVideoTrackTag()
    {
        ProbeFacts facts = MediaAnalysisReader.Parse(GoldenFiles.Read("real_intel_asl_book_640x480.ffprobe.json"), "book.mkv");

        Assert.Equal(3.666, facts.DurationSeconds);
        Assert.Equal(0.033, facts.StartTimeSeconds);
        Assert.Equal("yuvj420p", facts.PixelFormat);
        Assert.Null(facts.FrameCount);
        var info = facts.ToVideoInfo("/x/book.mkv", 3.666, null);
        Assert.True(info.FrameCountIsEstimate);
        Assert.Equal(110, info.FrameCount); // round(3.666 s x 30 fps); the true count is 109
    }

    [Fact]
    public void Parse_VariableFrameRate_UsesAverageRate()
    {
        ProbeFacts facts = MediaAnalysisReader.Parse(GoldenFiles.Read("vfr_5_25_10fps.ffprobe.json"), "vfr.mp4");

        Assert.Equal(2000.0 / 153.0, facts.FramesPerSecond, 12);
        Assert.Equal(80, facts.FrameCount);
        Assert.Equal(5.92, facts.DurationSeconds);
    }

    [Fact]
    public void Parse_AudioOnlyFile_ThrowsNoVideoStream()
    {
        var e = Assert.Throws<MediaException>(() => MediaAnalysisReader.Parse(GoldenFiles.Read("audio_only_aac.ffprobe.json"), "audio_only_aac.mp4"));

        Assert.Equal(MediaErrorKind.NoVideoStream, e.Reason);
        Assert.Equal("audio_only_aac.mp4", e.FilePath);
    }

    [Fact]
    public void Parse_CoverPictureOnly_ThrowsNoVideoStream()
    {
        const string json = """{"streams":[{"index":0,"codec_type":"audio","codec_name":"mp3"},{"index":1,"codec_type":"video","codec_name":"mjpeg","width":500,"height":500,"disposition":{"attached_pic":1}}],"format":{"format_name":"mp3","duration":"0:00:03.000000"}}""";

        var e = Assert.Throws<MediaException>(() => MediaAnalysisReader.Parse(json, "song.mp3"));

        Assert.Equal(MediaErrorKind.NoVideoStream, e.Reason);
    }

    [Fact]
    public void Parse_LegacyRotateTag_CountsTheOtherWay()
    {
        const string json = """{"streams":[{"index":0,"codec_type":"video","codec_name":"h264","width":320,"height":240,"avg_frame_rate":"30/1","tags":{"rotate":"90"}}],"format":{"format_name":"mov","duration":"0:00:01.000000","start_time":"0:00:00.000000"}}""";

        Assert.Equal(-90, MediaAnalysisReader.Parse(json, "old.mov").Rotation);
    }

    [Fact]
    public void Parse_NotJson_ThrowsNotAMediaFile()
    {
        var e = Assert.Throws<MediaException>(() => MediaAnalysisReader.Parse("Invalid data", "x.mp4"));

        Assert.Equal(MediaErrorKind.NotAMediaFile, e.Reason);
    }

    [Fact]
    public void Parse_CoverPictureBeforeTheVideo_PicksTheRealVideoStream()
    {
        const string json = """{"streams":[{"index":0,"codec_type":"video","codec_name":"mjpeg","width":500,"height":500,"disposition":{"attached_pic":1}},{"index":1,"codec_type":"video","codec_name":"h264","width":320,"height":240,"avg_frame_rate":"25/1","time_base":"1/12800","disposition":{"attached_pic":0}}],"format":{"format_name":"mov","duration":"0:00:02.000000"}}""";

        ProbeFacts facts = MediaAnalysisReader.Parse(json, "cover.mp4");

        Assert.Equal(("h264", 1, 1.0 / 12800), (facts.VideoCodec, facts.StreamIndex, facts.TimeBase));
    }

    [Fact]
    public void Parse_UnknownAverageRate_FallsBackToTheStreamRate()
    {
        const string json = """{"streams":[{"index":0,"codec_type":"video","codec_name":"h264","width":320,"height":240,"avg_frame_rate":"0/0","r_frame_rate":"30000/1001"}],"format":{"format_name":"mov","duration":"0:00:01.000000"}}""";

        Assert.Equal(30000.0 / 1001.0, MediaAnalysisReader.Parse(json, "x.mp4").FramesPerSecond, 12);
    }

    [Fact]
    public void Parse_NoRateAtAll_GivesZero()
    {
        const string json = """{"streams":[{"index":0,"codec_type":"video","codec_name":"h264","width":320,"height":240,"avg_frame_rate":"0/0","r_frame_rate":"0/0"}],"format":{"format_name":"mov","duration":"0:00:01.000000"}}""";

        Assert.Equal(0, MediaAnalysisReader.Parse(json, "x.mp4").FramesPerSecond);
    }

    [Fact]
    public void Parse_ReportWithoutFormat_ThrowsNotAMediaFile()
    {
        var e = Assert.Throws<MediaException>(() => MediaAnalysisReader.Parse("""{"streams":[]}""", "x.mp4"));

        Assert.Equal(MediaErrorKind.NotAMediaFile, e.Reason);
        Assert.Contains("x.mp4", e.Message);
    }

    [Theory]
    [InlineData("0:00:05.007000", 5.007)]
    [InlineData("0:00:-0.007000", -0.007)]      // how ffprobe writes a negative start
    [InlineData("1:02:03.500000", 3723.5)]
    [InlineData("N/A", null)]
    [InlineData(null, null)]
    public void SignedSeconds_Sexagesimal_ParsesOrGivesNull(string? text, double? expected)
    {
        double? actual = MediaAnalysisReader.SignedSeconds(text);

        Assert.Equal(expected is null, actual is null);
        if (expected is { } e) Assert.Equal(e, actual!.Value, 9);
    }

    [Theory]
    [InlineData("1/1000", 0.001)]
    [InlineData("1001/30000", 1001.0 / 30000.0)]
    [InlineData("0/0", null)]
    [InlineData("25", null)]
    [InlineData(null, null)]
    public void Fraction_TimeBase_ParsesOrGivesNull(string? text, double? expected) =>
        Assert.Equal(expected, MediaAnalysisReader.Fraction(text));
}
