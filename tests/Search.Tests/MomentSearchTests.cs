using VideoSearch.Search.Contracts;

namespace VideoSearch.Search.Tests;

/// <summary>Moments and calibration through the real tiny X-CLIP model and catalog.</summary>
[Collection(TinyLibraryCollection.Name)]
public sealed class MomentSearchTests(TinyLibrary library)
{
    private const string Query = "a dog running on the beach";

    [Fact]
    public async Task SearchAsync_SingleClipMoment_ScoreIsThatClipsLogitsPerVideo()
    {
        // K = 1, top 1: one candidate, so one video with one single-clip moment.
        var response = await library.Service(candidateCount: 1).SearchAsync(new SearchRequest(Query, Top: 1), CancellationToken.None);
        Moment moment = Assert.Single(Assert.Single(response.Videos).Moments);
        ClipHit clip = Assert.Single(moment.Clips);
        Assert.Equal(clip.Score, moment.Score);
        Assert.Equal((clip.ClipId, clip.StartSeconds, clip.EndSeconds, (clip.StartSeconds + clip.EndSeconds) / 2),
            (moment.PeakClipId, moment.StartSeconds, moment.EndSeconds, moment.PeakSeconds));

        // XClipModel.Forward's logits_per_video on the clip's frames, within the float16 bound of its stored context.
        var stored = library.Clips[clip.ClipId];
        var features = (await library.Encoder().EncodeAsync(Query, CancellationToken.None)).Query.Features;
        double bound = await Float16ScoreBound.ComputeAsync(library.Inference, features, stored.Embedding, stored.Context);
        Assert.InRange(moment.Score, library.ForwardLogit(Query, clip.ClipId) - bound, library.ForwardLogit(Query, clip.ClipId) + bound);
    }

    [Fact]
    public async Task SearchAsync_Calibration_IsTheLibrarysLogitsForTheQuery()
    {
        var response = await library.Service().SearchAsync(new SearchRequest(Query, Top: 10), CancellationToken.None);

        // The tiny library has 12 clips, fewer than the sample's 64: the background is every clip.
        var features = (await library.Encoder().EncodeAsync(Query, CancellationToken.None)).Query.Features;
        double[] forward = library.Clips.Keys.Select(id => (double)library.ForwardLogit(Query, id)).ToArray();
        double mean = forward.Average(), stdDev = Math.Sqrt(forward.Average(f => (f - mean) * (f - mean)));
        // Each sampled score is off Forward's by at most its float16 bound, so the mean is too, and so is the standard
        // deviation (|sd(a) - sd(b)| <= rms(a - b) <= max |a - b|).
        double bound = 0;
        foreach (var stored in library.Clips.Values)
            bound = Math.Max(bound, await Float16ScoreBound.ComputeAsync(library.Inference, features, stored.Embedding, stored.Context));
        ScoreCalibration calibration = response.Calibration!;
        Assert.Equal(library.Clips.Count, calibration.SampleSize);
        Assert.InRange(calibration.Mean, mean - bound, mean + bound);
        Assert.InRange(calibration.StdDev, stdDev - bound, stdDev + bound);

        foreach (Moment moment in response.Videos.SelectMany(v => v.Moments))
        {
            Assert.Equal((moment.Score - calibration.Mean) / calibration.StdDev, moment.Relevance!.Value, 12);
            Assert.Equal(ScoreCalibration.LevelOf(moment.Relevance), moment.Match);
        }
        Assert.Equal(response.Videos[0].Moments[0].Match, response.BestMatch);
        Assert.True(response.Timings.CalibrateMs > 0);
    }

    [Fact]
    public async Task SearchSimilarAsync_Calibration_IsTheOtherClipsCosines()
    {
        long clipId = library.Clips.Keys.Min();
        var response = await library.Service().SearchSimilarAsync(clipId, 100, null, CancellationToken.None);

        float[] query = library.Clips[clipId].Embedding;
        double[] cosines = library.Clips.Where(c => c.Key != clipId).Select(c => Cosine(query, c.Value.Embedding)).ToArray();
        double mean = cosines.Average();
        ScoreCalibration calibration = response.Calibration!;
        Assert.Equal(library.Clips.Count - 1, calibration.SampleSize);
        // float32 dot products against the same ones in double: rounding only.
        Assert.Equal(mean, calibration.Mean, 1e-5);
        Assert.Equal(Math.Sqrt(cosines.Average(c => (c - mean) * (c - mean))), calibration.StdDev, 1e-5);
        Assert.All(response.Videos.SelectMany(v => v.Moments), m => Assert.NotNull(m.Relevance));
    }

    [Fact]
    public async Task SearchAsync_Videos_RankedByBestMomentWithMomentsBestFirst()
    {
        var response = await library.Service().SearchAsync(new SearchRequest(Query, Top: 10), CancellationToken.None);
        Assert.Equal(TinyLibrary.Videos.Length, response.Videos.Count);
        Assert.Equal(response.Videos.OrderByDescending(v => v.Score).ThenBy(v => v.VideoId).Select(v => v.VideoId),
            response.Videos.Select(v => v.VideoId));
        foreach (VideoHit video in response.Videos)
        {
            Assert.Equal(video.Moments[0].Score, video.Score);
            Assert.Equal(video.Moments.OrderByDescending(m => m.Score).Select(m => m.PeakClipId), video.Moments.Select(m => m.PeakClipId));
            Assert.Equal(TinyLibrary.Videos.Single(v => library.VideoPaths[video.VideoId].EndsWith(v.Path)).Modified, video.Modified);
        }
    }

    private static double Cosine(float[] a, float[] b)
    {
        double dot = 0, na = 0, nb = 0;
        for (int i = 0; i < a.Length; i++)
        {
            dot += a[i] * (double)b[i];
            na += a[i] * (double)a[i];
            nb += b[i] * (double)b[i];
        }
        return dot / Math.Sqrt(na * nb);
    }
}
