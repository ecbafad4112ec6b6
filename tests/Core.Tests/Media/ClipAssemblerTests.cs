using VideoSearch.Core.Media;

namespace VideoSearch.Core.Tests.Media;

public class ClipAssemblerTests
{
    [Fact]
    public void TryTakeNext_OverlappingClips_HandedOutInOrderOnceTheirLastFrameArrives()
    {
        var (assembler, _) = Assembler(ClipPlanner.Plan(8.0, ClipPlanOptions.ForModel(4)));

        assembler.Add(0.5, Picture());
        assembler.Add(1.5, Picture());
        assembler.Add(2.5, Picture());
        Assert.False(assembler.TryTakeNext(out _));
        assembler.Add(3.5, Picture());

        Assert.True(assembler.TryTakeNext(out ExtractedClip first));
        Assert.Equal(0, first.Clip.Index);
        Assert.False(assembler.TryTakeNext(out _));
    }

    [Fact]
    public void Add_FrameAnsweringSeveralTimes_OneArraySharedByEveryClipThatUsesIt()
    {
        // Times 0.5, 1.5, 2.5, 3.5 | 2.5, 3.5, 4.5, 5.5 | ...: clip 1 reuses clip 0's last two frames.
        var (assembler, _) = Assembler(ClipPlanner.Plan(8.0, ClipPlanOptions.ForModel(4)));
        byte[] late = Picture();

        assembler.Add(0.5, Picture());
        assembler.Add(1.5, Picture());
        assembler.Add(3.6, late); // the first frame at or after 2.5 and 3.5
        assembler.Add(4.5, Picture());
        assembler.Add(5.5, Picture());
        Assert.True(assembler.TryTakeNext(out ExtractedClip first));
        Assert.True(assembler.TryTakeNext(out ExtractedClip second));

        Assert.Same(late, first.Frames[2].Pixels);
        Assert.Same(late, first.Frames[3].Pixels);
        Assert.Same(late, second.Frames[0].Pixels);
        Assert.Equal([2.5, 3.5, 4.5, 5.5], second.Frames.Select(f => f.TimestampSeconds));
    }

    [Fact]
    public void TryTakeNext_ClipHandedOut_FramesNoPendingClipNeedsAreReleased()
    {
        var (assembler, clips) = Assembler(ClipPlanner.Plan(600.0, ClipPlanOptions.ForModel(8)));
        double[] times = clips.SelectMany(c => c.FrameTimestamps).Distinct().Order().ToArray();
        int handed = 0;

        foreach (double t in times)
        {
            assembler.Add(t, Picture());
            while (assembler.TryTakeNext(out _)) handed++;
            // At most the clip being filled and the one overlapping it.
            Assert.InRange(assembler.LiveFrames, 0, 16);
        }

        Assert.Equal(clips.Count, handed);
        Assert.Equal(0, assembler.LiveFrames);
        Assert.InRange(assembler.PeakLiveFrames, 8, 16);
    }

    [Fact]
    public void Add_FrameWithoutTime_AnswersNothing()
    {
        var (assembler, _) = Assembler(ClipPlanner.Plan(4.0, ClipPlanOptions.ForModel(2)));

        assembler.Add(null, Picture());

        Assert.Equal(0, assembler.LiveFrames);
        Assert.False(assembler.TryTakeNext(out _));
    }

    private static byte[] Picture() => new byte[2 * 2 * 3];

    private static (ClipAssembler Assembler, IReadOnlyList<Clip> Clips) Assembler(IReadOnlyList<Clip> clips)
    {
        double[] times = clips.SelectMany(c => c.FrameTimestamps).Distinct().Order().ToArray();
        int[][] index = clips.Select(c => c.FrameTimestamps.Select(t => Array.BinarySearch(times, t)).ToArray()).ToArray();
        return (new ClipAssembler(clips, times, index, 2, 2), clips);
    }
}
