namespace VideoSearch.Training.Evaluation;

/// <summary>
/// Retrieval quality of one ranking (see <see cref="RetrievalMetrics"/> for the exact definitions), each a fraction in [0, 1].
/// </summary>
/// <param name="RecallAt1">Queries whose first moment lies in a scene with the query's caption.</param>
/// <param name="RecallAt5">Queries with such a moment among their first five.</param>
/// <param name="Localisation">Scenes whose video's best moment, in the scene caption's results, lies in the scene.</param>
/// <param name="MeanQueryMs">Mean wall-clock time of one search call, in milliseconds.</param>
public sealed record RetrievalFigures(double RecallAt1, double RecallAt5, double Localisation, double MeanQueryMs);
