using VideoSearch.Search.Contracts;
using VideoSearch.Training.Evaluation;

using VideoSearch.Training.Rows;

namespace VideoSearch.Training.Tests.Evaluation;

/// <summary>The metric definitions on hand-built answers, where every figure can be worked out by reading the test.</summary>
public sealed class RetrievalMetricsTests
{
    private const string A = "/videos/a.mp4", B = "/videos/b.mp4";

    // Video a: red 0-10, ball 10-20. Video b: red 0-10, bars 10-20.
    private static readonly TrainingRow[] Rows =
    [
        new(A, 0, 10, "red"), new(A, 10, 20, "ball"),
        new(B, 0, 10, "red"), new(B, 10, 20, "bars"),
    ];

    private static Moment At(double start, double end, double? peak = null) =>
        new(start, end, peak ?? (start + end) / 2, 1f, null, MatchLevel.Weak, 1, []);

    private static RankedVideo Video(string path, params Moment[] moments) => new(path, moments);

    private static Dictionary<string, IReadOnlyList<RankedVideo>> Answers(
        IReadOnlyList<RankedVideo> red, IReadOnlyList<RankedVideo> ball, IReadOnlyList<RankedVideo> bars) =>
        new() { ["red"] = red, ["ball"] = ball, ["bars"] = bars };

    [Fact]
    public void Compute_EveryTopMomentInItsScene_AllOne()
    {
        var figures = RetrievalMetrics.Compute(Rows, Answers(
            red: [Video(A, At(2, 6)), Video(B, At(0, 4))],
            ball: [Video(A, At(12, 16))],
            bars: [Video(B, At(14, 18))]), 3.5);

        Assert.Equal(new RetrievalFigures(1, 1, 1, 3.5), figures);
    }

    [Fact]
    public void Compute_TopMomentInTheRightTimeOfTheWrongVideo_MissesRecallAt1()
    {
        // "ball" is only in a; b's moment at 12-16 is bars, so the first moment misses and a's (second) one hits R@5.
        var figures = RetrievalMetrics.Compute(Rows, Answers(
            red: [Video(A, At(2, 6))],
            ball: [Video(B, At(12, 16)), Video(A, At(12, 16))],
            bars: [Video(B, At(14, 18))]), 0);

        Assert.Equal(2.0 / 3, figures.RecallAt1, 12);
        Assert.Equal(1, figures.RecallAt5);
        // Localisation reads each row's own video wherever it ranks: a's best moment for "ball" is in 10-20.
        // Rows "red" of b: b is missing from the red answer, a miss. 3 of 4.
        Assert.Equal(3.0 / 4, figures.Localisation, 12);
    }

    [Fact]
    public void Compute_RecallAt5_FlattensVideosInRankOrderThenTheirMoments()
    {
        // The hit is the sixth moment in result order (b's three, then a's three): outside R@5.
        Moment[] misses = [At(0, 4), At(4, 8), At(6, 10)];
        var sixth = RetrievalMetrics.Compute(Rows, Answers(
            red: [Video(A, At(0, 4))],
            ball: [Video(B, misses), Video(A, At(0, 4), At(4, 8), At(12, 16))],
            bars: [Video(B, At(14, 18))]), 0);
        // a ranking first puts the same hit third.
        var third = RetrievalMetrics.Compute(Rows, Answers(
            red: [Video(A, At(0, 4))],
            ball: [Video(A, At(0, 4), At(4, 8), At(12, 16)), Video(B, misses)],
            bars: [Video(B, At(14, 18))]), 0);

        Assert.Equal(2.0 / 3, sixth.RecallAt5, 12);
        Assert.Equal(1, third.RecallAt5);
        Assert.Equal(2.0 / 3, third.RecallAt1, 12);
    }

    [Fact]
    public void Compute_MomentPlacedByItsMiddleNotItsPeak()
    {
        // A moment merged over 4-20 whose best clip peaks at 6: the span's middle is 12, in "ball", so for the query
        // "red" it misses R@1 and a's localisation of "red", although its peak is in "red".
        var figures = RetrievalMetrics.Compute(Rows, Answers(
            red: [Video(A, At(4, 20, peak: 6)), Video(B, At(0, 4))],
            ball: [Video(A, At(12, 16))],
            bars: [Video(B, At(14, 18))]), 0);

        Assert.Equal(2.0 / 3, figures.RecallAt1, 12);
        Assert.Equal(3.0 / 4, figures.Localisation, 12);
    }

    [Fact]
    public void Compute_MiddleOnASceneBoundary_CountsForBothScenes()
    {
        var figures = RetrievalMetrics.Compute(Rows, Answers(
            red: [Video(A, At(8, 12)), Video(B, At(8, 12))],
            ball: [Video(A, At(8, 12))],
            bars: [Video(B, At(8, 12))]), 0);

        Assert.Equal(new RetrievalFigures(1, 1, 1, 0), figures);
    }

    [Fact]
    public void Compute_EmptyAnswer_MissesEverything()
    {
        var figures = RetrievalMetrics.Compute(Rows, Answers([], [], []), 0);

        Assert.Equal(new RetrievalFigures(0, 0, 0, 0), figures);
    }

    [Fact]
    public void Compute_CaptionWithoutAnswer_Throws()
    {
        var answers = new Dictionary<string, IReadOnlyList<RankedVideo>> { ["red"] = [], ["ball"] = [] };

        var e = Assert.Throws<ArgumentException>(() => RetrievalMetrics.Compute(Rows, answers, 0));
        Assert.Contains("bars", e.Message);
    }
}
