using VideoSearch.Core.Model;
using VideoSearch.Training.Evaluation;

namespace VideoSearch.Training.Tests.Evaluation;

/// <summary>The evaluation run the way the tests run it: fp32, in a temporary library removed afterwards.</summary>
internal static class QualityAssertions
{
    /// <summary>Evaluates <paramref name="modelFolder"/> on <paramref name="rowsPath"/> in a fresh temporary library.</summary>
    public static async Task<QualityReport> EvaluateAsync(string modelFolder, string rowsPath, XClipPrecision precision = XClipPrecision.Fp32)
    {
        string library = Path.Combine(Path.GetTempPath(), "vs-quality-" + Guid.NewGuid().ToString("N"));
        try
        {
            return await RetrievalEvaluation.RunAsync(modelFolder, rowsPath, precision, library);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (Directory.Exists(library)) Directory.Delete(library, recursive: true);
        }
    }

    /// <summary>
    /// Asserts that <paramref name="modelFolder"/> reaches <see cref="QualityTargets.SyntheticScenes"/> (R@1 and
    /// localisation at least 0.8, re-ranked, fp32) on <paramref name="rowsPath"/>; the message carries the whole table.
    /// </summary>
    public static async Task MeetsTargetsAsync(string modelFolder, string rowsPath)
    {
        QualityReport report = await EvaluateAsync(modelFolder, rowsPath);
        var table = new StringWriter();
        QualityTable.Write(table, [QualityColumn.Reranked(report), QualityColumn.AnnOnly(report)], QualityTargets.SyntheticScenes);
        Assert.True(QualityTargets.SyntheticScenes.IsMetBy(report.Reranked), $"{modelFolder} on {rowsPath}:{Environment.NewLine}{table}");
    }
}
