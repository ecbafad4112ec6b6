using VideoSearch.Core.Model;

namespace VideoSearch.Training.Evaluation;

/// <summary>What one evaluation of a model on a rows file measured (see <see cref="RetrievalEvaluation"/>).</summary>
/// <param name="Precision">The precision the model indexed and searched in.</param>
/// <param name="Queries">Distinct captions, each searched once per ranking.</param>
/// <param name="Scenes">Rows of the file.</param>
/// <param name="Videos">Distinct videos the rows name, all of them indexed.</param>
/// <param name="Clips">Clips the indexer stored for those videos.</param>
/// <param name="IndexSeconds">Wall-clock seconds of the indexing run, loading the model included.</param>
/// <param name="Reranked">The product's ranking: vector index candidates re-ranked by X-CLIP.</param>
/// <param name="AnnOnly">The vector index's ranking alone (<c>SearchRequest.Rerank</c> false).</param>
public sealed record QualityReport(
    XClipPrecision Precision,
    int Queries,
    int Scenes,
    int Videos,
    long Clips,
    double IndexSeconds,
    RetrievalFigures Reranked,
    RetrievalFigures AnnOnly);
