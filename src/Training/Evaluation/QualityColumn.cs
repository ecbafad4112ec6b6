using VideoSearch.Core.Inference;

namespace VideoSearch.Training.Evaluation;

/// <summary>One column of a <see cref="QualityTable"/>: a report and which of its rankings to show.</summary>
/// <param name="Heading">The column's title, e.g. <c>fp32 re-ranked</c>.</param>
/// <param name="Report">The evaluation the counts and index time come from.</param>
/// <param name="Figures">The ranking shown: <see cref="QualityReport.Reranked"/> or <see cref="QualityReport.AnnOnly"/>.</param>
public sealed record QualityColumn(string Heading, QualityReport Report, RetrievalFigures Figures)
{
    /// <summary>The report's re-ranked figures, headed by its precision.</summary>
    public static QualityColumn Reranked(QualityReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new($"{PrecisionChoice.NameOf(report.Precision)} re-ranked", report, report.Reranked);
    }

    /// <summary>The report's vector-index-only figures, headed by its precision.</summary>
    public static QualityColumn AnnOnly(QualityReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new($"{PrecisionChoice.NameOf(report.Precision)} ANN-only", report, report.AnnOnly);
    }
}
