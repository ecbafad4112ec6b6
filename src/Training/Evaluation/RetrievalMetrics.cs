using VideoSearch.Search.Contracts;

using VideoSearch.Training.Rows;

namespace VideoSearch.Training.Evaluation;

/// <summary>
/// The quality figures of a set of answers against the scenes of a rows file. A moment is placed by its middle,
/// <c>(start + end) / 2</c>, not its peak: the product presents a moment as its span (the page lists the range, marks
/// it on the video's strip and plays from its start), so the span is what has to land in the right scene, and the
/// middle fails when merging pulled the span mostly into a neighbouring scene, which the peak (the middle of the best
/// clip alone) would not show. Scenes are closed intervals <c>[start, end]</c>: a middle exactly on the boundary of two
/// contiguous scenes counts for both.
/// <list type="bullet">
/// <item>Results in rank order: the videos in rank order, each video's moments in order (best first), flattened.</item>
/// <item>R@1, per distinct caption (the query): the first moment in that order (the top video's best moment) lies in
/// a scene of the same video whose caption equals the query.</item>
/// <item>R@5: any of the first five moments in that order does.</item>
/// <item>Localisation, per row (scene): in its caption's results, the best moment of the row's own video lies in
/// the row's scene; a video missing from the results is a miss.</item>
/// </list>
/// </summary>
public static class RetrievalMetrics
{
    /// <summary>How many of the first moments R@5 looks at.</summary>
    public const int RecallDepth = 5;

    /// <summary>The figures of <paramref name="answers"/> (one per distinct caption of <paramref name="rows"/>).</summary>
    /// <exception cref="ArgumentException">A caption of <paramref name="rows"/> has no answer.</exception>
    public static RetrievalFigures Compute(IReadOnlyList<TrainingRow> rows, IReadOnlyDictionary<string, IReadOnlyList<RankedVideo>> answers,
        double meanQueryMs)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(answers);
        if (rows.Count == 0) throw new ArgumentException("No rows to evaluate.", nameof(rows));
        var scenesByCaption = rows.ToLookup(r => r.Caption, StringComparer.Ordinal);
        foreach (var caption in scenesByCaption)
            if (!answers.ContainsKey(caption.Key)) throw new ArgumentException($"No answer for the query \"{caption.Key}\".", nameof(answers));

        int top1 = 0, top5 = 0;
        foreach (var scenes in scenesByCaption)
        {
            var first = Flatten(answers[scenes.Key]).Take(RecallDepth).ToList();
            bool Hit((string Video, Moment Moment) m) => scenes.Any(s => s.Video == m.Video && s.Contains(Middle(m.Moment)));
            if (first.Count > 0 && Hit(first[0])) top1++;
            if (first.Any(Hit)) top5++;
        }
        int localised = rows.Count(row => answers[row.Caption].FirstOrDefault(v => v.Video == row.Video) is { Moments: [var best, ..] }
                                          && row.Contains(Middle(best)));
        int queries = scenesByCaption.Count;
        return new RetrievalFigures((double)top1 / queries, (double)top5 / queries, (double)localised / rows.Count, meanQueryMs);
    }

    /// <summary>Where a moment is placed: the middle of its span.</summary>
    public static double Middle(Moment moment)
    {
        ArgumentNullException.ThrowIfNull(moment);
        return (moment.StartSeconds + moment.EndSeconds) / 2;
    }

    private static IEnumerable<(string Video, Moment Moment)> Flatten(IReadOnlyList<RankedVideo> videos) =>
        videos.SelectMany(v => v.Moments.Select(m => (v.Video, m)));
}
