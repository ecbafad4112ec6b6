using VideoSearch.Core.Model;
using VideoSearch.Training.Evaluation;

namespace VideoSearch.Training.Tests.Evaluation;

public sealed class QualityTableTests
{
    private static readonly QualityReport Report = new(XClipPrecision.Fp32, 20, 60, 20, 600, 12.26,
        new RetrievalFigures(0.85, 0.95, 0.8, 31.04), new RetrievalFigures(0.5, 0.75, 0.9, 6.5));

    [Fact]
    public void Write_TwoRankings_FiguresSideBySideWithPassOrFailAgainstTheTargets()
    {
        var output = new StringWriter();

        QualityTable.Write(output, [QualityColumn.Reranked(Report), QualityColumn.AnnOnly(Report)], QualityTargets.SyntheticScenes);

        string[] lines = output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["fp32", "re-ranked", "fp32", "ANN-only", "target"], Words(lines[0]));
        Assert.Equal(["R@1", "(top", "moment)", "0.850", "pass", "0.500", "fail", ">=", "0.800"], Words(lines[1]));
        Assert.Equal(["R@5", "0.950", "0.750"], Words(lines[2]));
        // Exactly at the target passes: the target is a least value.
        Assert.Equal(["localisation", "0.800", "pass", "0.900", "pass", ">=", "0.800"], Words(lines[3]));
        Assert.Equal(["mean", "query", "ms", "31.0", "6.5"], Words(lines[4]));
        Assert.Equal(["queries", "20", "20"], Words(lines[5]));
        Assert.Equal(["clips", "600", "600"], Words(lines[8]));
        Assert.Equal(["index", "s", "12.3", "12.3"], Words(lines[9]));
        Assert.Equal(["meets", "targets", "misses", "targets"], Words(lines[10]));
    }

    private static string[] Words(string line) => line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
