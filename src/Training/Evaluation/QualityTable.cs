using System.Globalization;

namespace VideoSearch.Training.Evaluation;

/// <summary>
/// Prints evaluations side by side: one column per ranking, one row per figure, and against the targets a pass or
/// fail beside R@1 and localisation.
/// </summary>
public static class QualityTable
{
    private const int LabelWidth = 22;

    /// <summary>Writes <paramref name="columns"/> as a table, with <paramref name="targets"/> in the last column.</summary>
    public static void Write(TextWriter output, IReadOnlyList<QualityColumn> columns, QualityTargets targets)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(targets);
        int width = Math.Max(16, columns.Max(c => c.Heading.Length) + 2);
        output.WriteLine("".PadRight(LabelWidth) + string.Concat(columns.Select(c => c.Heading.PadLeft(width))) + "  target");
        Row(output, "R@1 (top moment)", columns, width, c => Checked(c.Figures.RecallAt1, targets.RecallAt1), $">= {Number(targets.RecallAt1)}");
        Row(output, "R@5", columns, width, c => Number(c.Figures.RecallAt5), "");
        Row(output, "localisation", columns, width, c => Checked(c.Figures.Localisation, targets.Localisation), $">= {Number(targets.Localisation)}");
        Row(output, "mean query ms", columns, width, c => c.Figures.MeanQueryMs.ToString("F1", CultureInfo.InvariantCulture), "");
        Row(output, "queries", columns, width, c => Count(c.Report.Queries), "");
        Row(output, "scenes", columns, width, c => Count(c.Report.Scenes), "");
        Row(output, "videos", columns, width, c => Count(c.Report.Videos), "");
        Row(output, "clips", columns, width, c => Count(c.Report.Clips), "");
        Row(output, "index s", columns, width, c => c.Report.IndexSeconds.ToString("F1", CultureInfo.InvariantCulture), "");
        output.WriteLine("".PadRight(LabelWidth) + string.Concat(columns.Select(c =>
            (targets.IsMetBy(c.Figures) ? "meets targets" : "misses targets").PadLeft(width))));
    }

    private static void Row(TextWriter output, string label, IReadOnlyList<QualityColumn> columns, int width,
        Func<QualityColumn, string> cell, string target) =>
        output.WriteLine(label.PadRight(LabelWidth) + string.Concat(columns.Select(c => cell(c).PadLeft(width))) +
                         (target.Length > 0 ? "  " + target : ""));

    private static string Checked(double value, double target) => $"{Number(value)} {(value >= target ? "pass" : "fail")}";

    private static string Number(double value) => value.ToString("F3", CultureInfo.InvariantCulture);

    private static string Count(long value) => value.ToString(CultureInfo.InvariantCulture);
}
