using System.Text.RegularExpressions;
using VideoSearch.Core.Media;

namespace VideoSearch.Core.Tests.Media;

public class FfmpegFrameCommandTests
{
    [Fact]
    public void Build_OneClip_SeeksOnceAndPipesRawRgbWithTheFixedConversion()
    {
        string text = FfmpegFrameCommand.Build("/media/café l'été.mp4", 57.35, 0.5, [0.0, 0.25], (_, _) => Task.CompletedTask).Arguments;

        string expected =
            "-hide_banner -nostdin -nostats -loglevel info -ss 57.35 -t 0.5 -i \"/media/café l'été.mp4\" " +
            "-map 0:V:0 -an -sn -dn " +
            "-vf \"showinfo=checksum=0,tpad=stop_mode=clone:stop_duration=0.5," +
            "select='gte(t,0)*lt(if(isnan(prev_t),-1,prev_t),0)+gte(t,0.25)*lt(if(isnan(prev_t),-1,prev_t),0.25)'," +
            "showinfo=checksum=0\" -fps_mode passthrough -pix_fmt rgb24 -f rawvideo \"unix:";
        Assert.StartsWith(expected, text);
        Assert.Matches(new Regex("\"unix:[^\"]+CoreFxPipe_FFMpegCore_[0-9a-f]+\" -y$"), text);
    }

    [Fact]
    public void SelectExpression_RepeatedTimes_EachTimeOnce() =>
        Assert.Equal("gte(t,1.5)*lt(if(isnan(prev_t),-1,prev_t),1.5)", FfmpegFrameCommand.SelectExpression([1.5, 1.5]));

    [Fact]
    public void BuildPass_WholePlan_GraphFromAFileAndFramesToTheFifo()
    {
        string text = FfmpegPassCommand.Build("/media/a.mp4", 0.25, 120.25, "/tmp/p/graph.txt", "/tmp/p/frames.rgb",
            new MediaToolOptions { DecodeThreads = 1 }.InputOptions).Arguments;

        Assert.Equal(
            "-hide_banner -nostdin -nostats -loglevel info -threads 1 -ss 0.25 -t 120.25 -i \"/media/a.mp4\" -map 0:V:0 -an -sn -dn " +
            "-filter_script:v \"/tmp/p/graph.txt\" -fps_mode passthrough -pix_fmt rgb24 -f rawvideo \"/tmp/p/frames.rgb\" -y",
            text);
    }

    [Fact]
    public void InputOptions_NoDecodeThreads_LeavesThemToFfmpeg() =>
        Assert.Equal("-hide_banner -nostdin -nostats -loglevel info", MediaToolOptions.Default.InputOptions);

    [Fact]
    public void Graph_Times_SelectTreeThenOneShowinfo() =>
        Assert.Equal("select='st(0,if(isnan(prev_t),-1,prev_t));if(lt(ld(0),0),gte(t,0),0)',showinfo=checksum=0", FfmpegPassCommand.Graph([0.0]));
}
