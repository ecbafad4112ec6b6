using VideoSearch.Core.Media;

namespace VideoSearch.Core.Tests.Media;

public class ShowInfoLogTests
{
    // Recorded from: ffmpeg -ss 0 -t 1.1125 -i three_frames_320x240.mp4 -vf "showinfo,tpad,select(0.0075,0.06,0.1125),showinfo" ...
    [Fact]
    public void Accept_RecordedThreeFrameRun_SeparatesDecodedAndSelectedFrames()
    {
        var log = new ShowInfoLog(FfmpegFrameCommand.DecodedShowInfo, FfmpegFrameCommand.SelectedShowInfo);

        foreach (string line in GoldenFiles.Read("three_frames.showinfo.log").Split('\n')) log.Accept(line.TrimEnd('\r'));

        Assert.Equal(3, log.DecodedFrames);
        Assert.Equal(0.08, log.LastDecodedSeconds!.Value, 12);
        Assert.Equal([0.04, 0.08, 0.12], log.Selected.Select(f => Math.Round(f.Seconds!.Value, 9)));
        Assert.All(log.Selected, f => Assert.Equal((320, 240), (f.Width, f.Height)));
    }

    [Fact]
    public void Accept_FrameBeforeItsConfigLine_IsIgnored()
    {
        var log = new ShowInfoLog(0, 3);

        log.Accept("[Parsed_showinfo_0 @ 0x1] n:   0 pts:      0 pts_time:0       pos:      874 fmt:yuv420p sar:1/1 s:320x240 i:P iskey:1 type:I ");

        Assert.Equal(0, log.DecodedFrames);
    }

    [Fact]
    public async Task WaitForSelectedAsync_LineArrivesLater_CompletesWithItsEntry()
    {
        var log = new ShowInfoLog(-1, 1);
        log.Accept("[Parsed_showinfo_1 @ 0x1] config in time_base: 1/25, frame_rate: 25/1");
        var end = new TaskCompletionSource<bool>();

        Task<SelectedFrame?> waiting = log.WaitForSelectedAsync(0, end.Task);
        Assert.False(waiting.IsCompleted);
        log.Accept("[Parsed_showinfo_1 @ 0x1] n:   0 pts:      3 pts_time:0.12    pos:      874 fmt:yuv420p sar:1/1 s:320x240 i:P iskey:1 type:I ");

        SelectedFrame? entry = await waiting.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(0.12, entry!.Value.Seconds!.Value, 12);
    }

    [Fact]
    public async Task WaitForSelectedAsync_FfmpegEndsWithoutTheLine_Null()
    {
        var log = new ShowInfoLog(-1, 1);
        var end = new TaskCompletionSource<bool>();

        Task<SelectedFrame?> waiting = log.WaitForSelectedAsync(0, end.Task);
        end.SetResult(true);

        Assert.Null(await waiting.WaitAsync(TimeSpan.FromSeconds(10)));
    }
}
