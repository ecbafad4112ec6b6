using VideoSearch.Core.Media;
using VideoSearch.Training.Scenes;

using VideoSearch.Training.Rows;

namespace VideoSearch.Training.Tests.Scenes;

public sealed class SceneSetGeneratorTests(GeneratedSetFixture set) : IClassFixture<GeneratedSetFixture>
{
    /// <summary>
    /// How far a decoded pixel inside a flat shape may be from the drawn colour: H.264 (ultrafast, CRF 26) plus the round trip
    /// through 8-bit limited-range YUV 4:2:0 moves flat areas by a few levels; 24 leaves room and is still far less
    /// than the 90+ levels between any shape colour and its background.
    /// </summary>
    private const int ShapeTolerance = 24;

    private IReadOnlyList<VideoPlan> Plan => ScenePlanner.Plan(set.Options);

    [Fact]
    public void Generate_WritesTheAgreedLayout()
    {
        Assert.True(File.Exists(Path.Combine(set.Folder, "train", "scenes-0000.mp4")));
        Assert.True(File.Exists(Path.Combine(set.Folder, "test", "scenes-0000.mp4")));
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(set.Folder, "validation")));
        foreach (string split in new[] { "train", "validation", "test" }) Assert.True(File.Exists(Path.Combine(set.Folder, split + ".jsonl")));
        Assert.Empty(Directory.EnumerateFiles(set.Folder, "*" + SceneSetLayout.PartialSuffix, SearchOption.AllDirectories));
        Assert.Equal(2, set.Summary.VideosWritten);
        Assert.Equal(0, set.Summary.VideosKept);
        Assert.Equal([0, 1, 2], set.Progress.Select(p => p.VideosDone).Order());
        Assert.All(set.Progress, p => Assert.Equal(2, p.VideosTotal));
    }

    [Fact]
    public async Task Generate_Rows_MatchThePlanAndCoverTheProbedVideo()
    {
        IReadOnlyList<TrainingRow> rows = TrainingRowsFile.Read(Path.Combine(set.Folder, "test.jsonl"));
        VideoPlan video = Plan.Single(v => v.Split == SceneSplit.Test);
        // Read back, a row names its video by full path.
        Assert.Equal(video.Rows().Select(r => r with { Video = Path.GetFullPath(Path.Combine(set.Folder, r.Video)) }), rows);
        Assert.Equal("", File.ReadAllText(Path.Combine(set.Folder, "validation.jsonl")));
        string line = File.ReadLines(Path.Combine(set.Folder, "test.jsonl")).First();
        Assert.StartsWith("{\"video\":\"test/scenes-0000.mp4\",\"start\":0,\"end\":", line, StringComparison.Ordinal);

        VideoInfo probed = await new MediaProbe().ProbeAsync(Path.Combine(set.Folder, rows[0].Video));
        Assert.Equal(video.FrameCount, probed.FrameCount);
        Assert.False(probed.FrameCountIsEstimate);
        Assert.Equal((video.Width, video.Height), (probed.CodedWidth, probed.CodedHeight));
        Assert.Equal("h264", probed.VideoCodec);
        Assert.Equal("yuv420p", probed.PixelFormat);
        Assert.Equal(0, rows[0].Start);
        // The MP4 stores times in its own time base: 1 ms covers its rounding.
        Assert.Equal(probed.DurationSeconds, rows[^1].End, 0.001);
        for (int i = 1; i < rows.Count; i++) Assert.Equal(rows[i - 1].End, rows[i].Start);
    }

    [Fact]
    public async Task Generate_DecodedFrames_ShowTheShapeInItsColourWhereThePlanSays()
    {
        VideoPlan video = Plan.Single(v => v.Split == SceneSplit.Train);
        VideoInfo info = await new MediaProbe().ProbeAsync(SceneSetLayout.VideoPath(set.Folder, video));
        var frames = new List<(ScenePlan Scene, int Local)>();
        foreach (ScenePlan scene in video.Scenes) frames.AddRange([(scene, 2), (scene, scene.FrameCount - 3)]);
        // Each frame's own start time: the extractor answers a time with the first frame at or after it. One call
        // decodes the whole (short) video once.
        IReadOnlyList<RgbFrame> decoded = await new FrameExtractor().ExtractAsync(info,
            [.. frames.Select(f => (double)(f.Scene.FirstFrame + f.Local) / video.FramesPerSecond)]);
        for (int i = 0; i < frames.Count; i++)
        {
            (ScenePlan scene, int local) = frames[i];
            RgbFrame frame = decoded[i];
            ScenePoint centre = scene.CentreAt(local);
            SceneRgb atCentre = Mean(frame, (int)centre.X, (int)centre.Y, 1);
            string what = $"'{scene.Caption}' frame {local}: {atCentre} at {centre}";
            Assert.Equal(scene.Colour, ColourCheck.Nearest(atCentre));
            Assert.True(ColourCheck.LargestChannelGap(atCentre, scene.Fill) <= ShapeTolerance, $"{what}, drawn {scene.Fill}");
            // The far corner is background; a 5x5 mean evens out the noise, which the encoder partly smooths anyway.
            int x = centre.X < video.Width / 2.0 ? video.Width - 10 : 9, y = centre.Y < video.Height / 2.0 ? video.Height - 10 : 9;
            SceneRgb background = Mean(frame, x, y, 2);
            Assert.True(ColourCheck.LargestChannelGap(background, video.Background.Base) <= ShapeTolerance / 2,
                $"{what}: background {background}, planned {video.Background.Base}");
        }
    }

    [Fact]
    public async Task Generate_SameSeedAgain_SameRowsSameFramesSameFiles()
    {
        using var other = new TempFolder();
        SceneSetOptions again = GeneratedSetFixture.OptionsFor(other.Sub("set")) with { Parallelism = 1 };
        await new SceneSetGenerator().GenerateAsync(again);
        foreach (string file in new[] { "train.jsonl", "test.jsonl", "train/scenes-0000.mp4", "test/scenes-0000.mp4" })
            Assert.True(File.ReadAllBytes(Path.Combine(set.Folder, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(again.OutputFolder, file))), file);
        // The decoded pictures too, which is what training sees (the files being equal implies it; this says it).
        VideoPlan video = Plan[0];
        var probe = new MediaProbe();
        var extractor = new FrameExtractor();
        double[] times = [0, 1.5, video.DurationSeconds - 1.0 / video.FramesPerSecond];
        IReadOnlyList<RgbFrame> a = await extractor.ExtractAsync(await probe.ProbeAsync(SceneSetLayout.VideoPath(set.Folder, video)), times);
        IReadOnlyList<RgbFrame> b = await extractor.ExtractAsync(await probe.ProbeAsync(SceneSetLayout.VideoPath(again.OutputFolder, video)), times);
        for (int i = 0; i < times.Length; i++) Assert.Equal(a[i].Pixels, b[i].Pixels);
    }

    private static SceneRgb Mean(RgbFrame frame, int x, int y, int radius)
    {
        int r = 0, g = 0, b = 0, n = 0;
        for (int yy = y - radius; yy <= y + radius; yy++)
        {
            for (int xx = x - radius; xx <= x + radius; xx++)
            {
                int i = (yy * frame.Width + xx) * 3;
                r += frame.Pixels[i];
                g += frame.Pixels[i + 1];
                b += frame.Pixels[i + 2];
                n++;
            }
        }
        return new SceneRgb((byte)(r / n), (byte)(g / n), (byte)(b / n));
    }
}
