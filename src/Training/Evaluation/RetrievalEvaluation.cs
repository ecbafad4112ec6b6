using System.Diagnostics;
using VideoSearch.Core.Errors;
using VideoSearch.Core.Model;
using VideoSearch.Indexer.Progress;
using VideoSearch.Search;
using VideoSearch.Search.Contracts;

using VideoSearch.Training.Rows;

namespace VideoSearch.Training.Evaluation;

/// <summary>
/// Measures a model's retrieval quality through the product path: the rows' videos are scanned, indexed and stored by
/// the real indexer into a fresh library, then every distinct caption is searched with <see cref="SearchService"/>,
/// as the web API and <c>videosearch search</c> search, once re-ranked by X-CLIP and once by the vector index alone
/// (<see cref="SearchRequest.Rerank"/>), and the answers are scored by <see cref="RetrievalMetrics"/>. Each query asks
/// for every indexed video (up to <see cref="SearchOptions.MaxTop"/>), so localisation sees a row's video wherever
/// it ranks among the K candidates. One untimed query per ranking comes first: the first search pays for setting up
/// the library's background sample, which no later query does.
/// </summary>
public static class RetrievalEvaluation
{
    /// <summary>Evaluates <paramref name="modelFolder"/> on <paramref name="rowsPath"/> in <paramref name="precision"/>.</summary>
    /// <param name="modelFolder">A model folder (config, weights, tokenizer and preprocessor files).</param>
    /// <param name="rowsPath">A rows file (see <see cref="TrainingRowsFile"/>).</param>
    /// <param name="precision">The precision the model indexes and searches in.</param>
    /// <param name="libraryFolder">An empty or missing folder for the library and the copies of the videos; left in place.</param>
    /// <param name="cancellationToken">Stops indexing or searching.</param>
    /// <exception cref="RowsFileException">The rows file is missing or malformed, or names a missing video.</exception>
    /// <exception cref="QualityEvaluationException">The library folder is not empty, or a video was not indexed.</exception>
    /// <exception cref="VideoSearchException">The model cannot be loaded, or the indexer stopped early.</exception>
    public static async Task<QualityReport> RunAsync(string modelFolder, string rowsPath, XClipPrecision precision, string libraryFolder,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(modelFolder);
        ArgumentException.ThrowIfNullOrWhiteSpace(libraryFolder);
        IReadOnlyList<TrainingRow> rows = TrainingRowsFile.Read(rowsPath);
        string library = Path.GetFullPath(libraryFolder);
        if (Directory.Exists(library) && Directory.EnumerateFileSystemEntries(library).Any())
            throw new QualityEvaluationException(ErrorKind.InvalidInput, $"The evaluation's library folder {library} is not empty: give a new or empty one.");
        EvaluationMedia media = EvaluationMedia.Copy(rows, Path.Combine(library, "media"));

        await using EvaluationHost host = await EvaluationHost.OpenAsync(Path.Combine(library, "db"), media.Root,
            Path.GetFullPath(modelFolder), precision, cancellationToken).ConfigureAwait(false);
        var watch = Stopwatch.StartNew();
        IndexingSummary pass = await host.IndexAsync(cancellationToken).ConfigureAwait(false);
        double indexSeconds = watch.Elapsed.TotalSeconds;
        EnsureAllIndexed(pass, media.Count);

        var queries = rows.Select(r => r.Caption).Distinct(StringComparer.Ordinal).ToList();
        int top = Math.Min(media.Count, host.MaxTop);
        RetrievalFigures reranked = await RankAsync(host.Search, media, rows, queries, top, rerank: true, cancellationToken).ConfigureAwait(false);
        RetrievalFigures annOnly = await RankAsync(host.Search, media, rows, queries, top, rerank: false, cancellationToken).ConfigureAwait(false);
        return new QualityReport(precision, queries.Count, rows.Count, media.Count, pass.Clips, indexSeconds, reranked, annOnly);
    }

    private static async Task<RetrievalFigures> RankAsync(SearchService search, EvaluationMedia media, IReadOnlyList<TrainingRow> rows,
        IReadOnlyList<string> queries, int top, bool rerank, CancellationToken cancellationToken)
    {
        await search.SearchAsync(new SearchRequest(queries[0], top, Rerank: rerank), cancellationToken).ConfigureAwait(false);
        var answers = new Dictionary<string, IReadOnlyList<RankedVideo>>(StringComparer.Ordinal);
        double totalMs = 0;
        foreach (string query in queries)
        {
            long start = Stopwatch.GetTimestamp();
            SearchResponse response = await search.SearchAsync(new SearchRequest(query, top, Rerank: rerank), cancellationToken)
                .ConfigureAwait(false);
            totalMs += Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            answers[query] = response.Videos.Select(v => new RankedVideo(media.SourceOf(v.Path), v.Moments)).ToList();
        }
        return RetrievalMetrics.Compute(rows, answers, totalMs / queries.Count);
    }

    private static void EnsureAllIndexed(IndexingSummary pass, int videos)
    {
        if (pass.Failed.Count > 0)
            throw new QualityEvaluationException(ErrorKind.Failed, "Some of the rows' videos did not index: " +
                string.Join("; ", pass.Failed.Select(f => $"{Path.GetFileName(f.Path)}: {f.Message}")));
        if (pass.Indexed != videos)
            throw new QualityEvaluationException(ErrorKind.Failed,
                $"The indexer indexed {pass.Indexed} of the rows' {videos} videos (is every file's extension a video extension?).");
    }
}
