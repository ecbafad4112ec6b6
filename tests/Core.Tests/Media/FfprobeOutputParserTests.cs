using VideoSearch.Core.Media;

namespace VideoSearch.Core.Tests.Media;

public class FfprobeOutputParserTests
{
    [Fact]
    public void Parse_RotatedPhoneRecording_ReadsDisplayMatrixRotation()
    {
        ProbeFacts facts = FfprobeOutputParser.Parse(GoldenFiles.Read("rotated_phone_270.ffprobe.json"), "rotated_phone_270.mp4");

        Assert.Equal(-90, facts.Rotation);
        Assert.Equal((320, 240), (facts.CodedWidth, facts.CodedHeight));
        Assert.Equal(4.0, facts.DurationSeconds);
        Assert.Equal(40, facts.FrameCount);
        Assert.Equal(10.0, facts.FramesPerSecond);
        Assert.Equal("h264", facts.VideoCodec);
        Assert.Null(facts.AudioCodec);
        var info = facts.ToVideoInfo("/x/rotated_phone_270.mp4", 4.0, null);
        Assert.Equal((240, 320), (info.DisplayWidth, info.DisplayHeight));
    }

    [Fact]
    public void Parse_LiveRecordedWebm_LeavesDurationAndFrameCountUnknown()
    {
        ProbeFacts facts = FfprobeOutputParser.Parse(GoldenFiles.Read("no_duration_vp8.ffprobe.json"), "no_duration_vp8.webm");

        Assert.Null(facts.DurationSeconds);
        Assert.Null(facts.FrameCount);
        Assert.Equal(-0.007, facts.StartTimeSeconds);
        Assert.Equal("matroska,webm", facts.Container);
        Assert.Equal(("vp8", "opus"), (facts.VideoCodec, facts.AudioCodec));
    }

    [Fact]
    public void Parse_MatroskaWithDurationTag_UsesTheVideoTrackTag()
    {
        ProbeFacts facts = FfprobeOutputParser.Parse(GoldenFiles.Read("real_intel_asl_book_640x480.ffprobe.json"), "book.mkv");

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
        ProbeFacts facts = FfprobeOutputParser.Parse(GoldenFiles.Read("vfr_5_25_10fps.ffprobe.json"), "vfr.mp4");

        Assert.Equal(2000.0 / 153.0, facts.FramesPerSecond, 12);
        Assert.Equal(80, facts.FrameCount);
        Assert.Equal(5.92, facts.DurationSeconds);
    }

    [Fact]
    public void Parse_AudioOnlyFile_ThrowsNoVideoStream()
    {
        var e = Assert.Throws<MediaException>(() => FfprobeOutputParser.Parse(GoldenFiles.Read("audio_only_aac.ffprobe.json"), "audio_only_aac.mp4"));

        Assert.Equal(MediaErrorKind.NoVideoStream, e.Kind);
        Assert.Equal("audio_only_aac.mp4", e.FilePath);
    }

    [Fact]
    public void Parse_CoverPictureOnly_ThrowsNoVideoStream()
    {
        const string json = """{"streams":[{"codec_type":"audio","codec_name":"mp3"},{"codec_type":"video","codec_name":"mjpeg","width":500,"height":500,"disposition":{"attached_pic":1}}],"format":{"format_name":"mp3","duration":"3.0"}}""";

        var e = Assert.Throws<MediaException>(() => FfprobeOutputParser.Parse(json, "song.mp3"));

        Assert.Equal(MediaErrorKind.NoVideoStream, e.Kind);
    }

    [Fact]
    public void Parse_LegacyRotateTag_CountsTheOtherWay()
    {
        const string json = """{"streams":[{"codec_type":"video","codec_name":"h264","width":320,"height":240,"avg_frame_rate":"30/1","tags":{"rotate":"90"}}],"format":{"format_name":"mov","duration":"1.0","start_time":"0.0"}}""";

        Assert.Equal(-90, FfprobeOutputParser.Parse(json, "old.mov").Rotation);
    }

    [Fact]
    public void Parse_NotJson_ThrowsNotAMediaFile()
    {
        var e = Assert.Throws<MediaException>(() => FfprobeOutputParser.Parse("Invalid data", "x.mp4"));

        Assert.Equal(MediaErrorKind.NotAMediaFile, e.Kind);
    }

    [Theory]
    [InlineData("25/1", 25.0)]
    [InlineData("179/6", 179.0 / 6.0)]
    [InlineData("30000/1001", 30000.0 / 1001.0)]
    [InlineData("0/0", null)]
    [InlineData(null, null)]
    public void Rate_Fraction_ParsesOrGivesNull(string? text, double? expected) =>
        Assert.Equal(expected, FfprobeOutputParser.Rate(text));
}
