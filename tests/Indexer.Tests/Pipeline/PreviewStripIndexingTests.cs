using SkiaSharp;
using VideoSearch.Core.Catalog;
using VideoSearch.Core.Media;
using VideoSearch.Core.Thumbnails;

namespace VideoSearch.Indexer.Tests.Pipeline;

/// <summary>
/// The preview strips the indexer stores: one per clip, four equal tiles of the fixed height, and each tile is the
/// clip's own sampled frame 0, 2, 4 or 6 (the frames the model saw), compared pixel by pixel with those frames
/// decoded again here and scaled down independently.
/// </summary>
public sealed class PreviewStripIndexingTests
{
    // The scenes video (red until 20 s, then a white ball moving on blue, then colour bars from 40 s) and a video
    // whose frames are turned upright from a display matrix (shown 240x320).
    private const string Scenes = "scenes_2min_320x240.mp4", Rotated = "rotated_phone_270.mp4";

    /// <summary>
    /// Largest mean absolute luma difference (0..255, over a tile's pixels) between a stored tile and the independent
    /// area-average downscale of its frame. Luma, because JPEG's 4:2:0 chroma is half resolution and smears every
    /// edge between saturated colours (the rotated video's colour bars), which says nothing about which frame a tile
    /// shows. What remains differs legitimately: the filter (Skia's mipmap + bilinear against an exact box average,
    /// a level or two on sharp edges) and JPEG quality 75 on luma. Measured on these clips: at most 3.2 (the rotated
    /// video's bars and text), 1.3 on the colour bars, under 0.6 elsewhere. A tile of another of the clip's sampled
    /// frames is at least 5.3 off (the small ball moves between them), a red tile against a ball frame 40.
    /// </summary>
    private const double TileTolerance = 4.5;

    [Fact]
    public async Task IndexAsync_EveryClip_StoresAStripOfItsOwnFramesZeroTwoFourSix()
    {
        using var library = TestLibrary.Create([Scenes, Rotated]);
        await library.IndexAsync();

        using var catalog = await VideoCatalog.OpenAsync(library.Database);
        var ids = new List<long>();
        await foreach (ClipEmbedding clip in catalog.Clips.StreamEmbeddingsAsync()) ids.Add(clip.ClipId);
        var clips = (await catalog.Clips.GetContextsAsync(ids)).Clips
            .ToDictionary(c => (Path.GetFileName(c.VideoPath), c.ClipIndex));
        Assert.True(clips.Count > 50, $"only {clips.Count} clips");

        // Every clip has a strip of four equal tiles, 90 px high: 120 px wide for 4:3, 68 for the upright 3:4 video.
        foreach (((string file, int _), ClipContext clip) in clips)
        {
            byte[] jpeg = await catalog.Clips.GetPreviewAsync(clip.ClipId) ?? throw new Xunit.Sdk.XunitException($"clip {clip.ClipId} has no strip");
            using var strip = SKBitmap.Decode(jpeg);
            Assert.Equal((file == Rotated ? 4 * 68 : 4 * 120, 90), (strip.Width, strip.Height));
        }

        var probe = new MediaProbe();
        var extractor = new FrameExtractor();
        double largestMismatch = 0;
        foreach ((string file, double start) in new[] { (Scenes, 18.0), (Scenes, 26.0), (Scenes, 44.0), (Rotated, 0.0) })
        {
            VideoInfo info = await probe.ProbeAsync(library.PathOf(file));
            Clip planned = ClipPlanner.Plan(info, ClipPlanOptions.ForModel(8)).Single(c => c.StartSeconds == start);
            ClipContext stored = clips[(file, planned.Index)];
            Assert.Equal((planned.StartSeconds, planned.EndSeconds), (stored.StartSeconds, stored.EndSeconds));
            IReadOnlyList<RgbFrame> frames = await extractor.ExtractClipAsync(info, planned);
            using var strip = SKBitmap.Decode(await catalog.Clips.GetPreviewAsync(stored.ClipId));
            int tileWidth = strip.Width / 4;

            int[] sampled = [0, 2, 4, 6];
            for (int tile = 0; tile < 4; tile++)
            {
                double[] errors = sampled.Select(f => MeanDifference(strip, tile * tileWidth, tileWidth, frames[f])).ToArray();
                Assert.True(errors[tile] <= TileTolerance,
                    $"{file} clip at {start} s, tile {tile}: differs from frame {sampled[tile]} by {errors[tile]:F2} on average");
                largestMismatch = Math.Max(largestMismatch, errors.Max());
            }
        }
        // The comparison tells frames apart: across the red-to-ball clip at 18 s a tile out of its place would be
        // far outside the tolerance.
        Assert.True(largestMismatch > 5 * TileTolerance, $"the clips checked differ by at most {largestMismatch:F2} between frames");
    }

    /// <summary>Mean absolute difference between one tile of the strip and <paramref name="frame"/> box-averaged to its size.</summary>
    private static double MeanDifference(SKBitmap strip, int left, int width, RgbFrame frame)
    {
        double[] expected = AreaAverage(frame, width, strip.Height);
        double total = 0;
        for (int y = 0; y < strip.Height; y++)
            for (int x = 0; x < width; x++)
            {
                SKColor pixel = strip.GetPixel(left + x, y);
                int p = (y * width + x) * 3;
                total += Math.Abs(Luma(pixel.Red, pixel.Green, pixel.Blue) - Luma(expected[p], expected[p + 1], expected[p + 2]));
            }
        return total / (width * strip.Height);
    }

    /// <summary>BT.601 luma: the part of a pixel JPEG keeps at full resolution (its 4:2:0 chroma is half resolution).</summary>
    private static double Luma(double r, double g, double b) => 0.299 * r + 0.587 * g + 0.114 * b;

    /// <summary>The frame scaled to <paramref name="width"/> x <paramref name="height"/>: each output pixel is the exact
    /// area-weighted mean of the source pixels it covers.</summary>
    private static double[] AreaAverage(RgbFrame frame, int width, int height)
    {
        double[] rows = new double[frame.Height * width * 3];
        for (int y = 0; y < frame.Height; y++)
            for (int x = 0; x < width; x++)
                foreach ((int sx, double weight) in Coverage(x, width, frame.Width))
                    for (int c = 0; c < 3; c++) rows[(y * width + x) * 3 + c] += weight * frame.Pixels[(y * frame.Width + sx) * 3 + c];
        double[] result = new double[height * width * 3];
        for (int y = 0; y < height; y++)
            foreach ((int sy, double weight) in Coverage(y, height, frame.Height))
                for (int i = 0; i < width * 3; i++) result[y * width * 3 + i] += weight * rows[sy * width * 3 + i];
        return result;
    }

    /// <summary>The source pixels output pixel <paramref name="o"/> of <paramref name="outSize"/> covers, with weights summing to 1.</summary>
    private static IEnumerable<(int Source, double Weight)> Coverage(int o, int outSize, int inSize)
    {
        double scale = (double)inSize / outSize, from = o * scale, to = (o + 1) * scale;
        for (int s = (int)Math.Floor(from); s < Math.Min(inSize, (int)Math.Ceiling(to)); s++)
        {
            double overlap = Math.Min(to, s + 1) - Math.Max(from, s);
            if (overlap > 0) yield return (s, overlap / scale);
        }
    }
}
