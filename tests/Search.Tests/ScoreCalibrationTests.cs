using VideoSearch.Search.Contracts;

namespace VideoSearch.Search.Tests;

public sealed class ScoreCalibrationTests
{
    [Fact]
    public void FromSample_Scores_PopulationMeanAndStandardDeviation()
    {
        // 2, 4, 4, 4, 5, 5, 7, 9: mean 5, population variance 4 (the textbook example).
        var calibration = ScoreCalibration.FromSample([2, 4, 4, 4, 5, 5, 7, 9])!;
        Assert.Equal((8, 5.0, 2.0), (calibration.SampleSize, calibration.Mean, calibration.StdDev));
        Assert.Equal(1.5, calibration.Relevance(8.0));
        Assert.Equal(-1.0, calibration.Relevance(3.0));
    }

    [Fact]
    public void FromSample_AllEqual_IsNoCalibration() =>
        Assert.Null(ScoreCalibration.FromSample(Enumerable.Repeat(1.5f, 64).ToList()));

    [Fact]
    public void FromSample_TooFewScores_IsNoCalibration() =>
        Assert.Null(ScoreCalibration.FromSample([1, 2, 3, 4, 5, 6, 7]));

    [Theory]
    [InlineData(4.0, MatchLevel.Strong)]
    [InlineData(9.5, MatchLevel.Strong)]
    [InlineData(3.999, MatchLevel.Good)]
    [InlineData(2.5, MatchLevel.Good)]
    [InlineData(2.499, MatchLevel.Weak)]
    [InlineData(-3.0, MatchLevel.Weak)]
    [InlineData(null, MatchLevel.Weak)]
    public void LevelOf_Relevance_ThresholdsAtFourAndTwoAndAHalfSigma(double? relevance, MatchLevel expected) =>
        Assert.Equal(expected, ScoreCalibration.LevelOf(relevance));

    [Fact]
    public void GoodThreshold_BestOf64StandardNormals_UsuallyBelowIt()
    {
        // The reason for the thresholds, checked by simulation: the best of 64 unrelated (standard normal) scores
        // stays under 2.5 sigma in about two trials of three and under 4 sigma in nearly all (Phi^64: 0.67, 0.998).
        var random = new Random(7);
        int trials = 20_000, belowGood = 0, belowStrong = 0;
        for (int t = 0; t < trials; t++)
        {
            double best = double.NegativeInfinity;
            for (int i = 0; i < 64; i++)
                best = Math.Max(best, Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()));
            if (best < ScoreCalibration.GoodRelevance) belowGood++;
            if (best < ScoreCalibration.StrongRelevance) belowStrong++;
        }
        // 20,000 trials: the binomial standard error of a fraction near 0.67 is 0.0033, so +-0.02 is six of them.
        Assert.InRange(belowGood / (double)trials, 0.65, 0.69);
        Assert.InRange(belowStrong / (double)trials, 0.996, 1.0);
    }

    [Fact]
    public void MatchLevel_Json_IsLowercaseString()
    {
        Assert.Equal("\"strong\"", System.Text.Json.JsonSerializer.Serialize(MatchLevel.Strong));
        Assert.Equal("\"none\"", System.Text.Json.JsonSerializer.Serialize(MatchLevel.None));
        Assert.Equal(MatchLevel.Good, System.Text.Json.JsonSerializer.Deserialize<MatchLevel>("\"good\""));
    }
}
