namespace VideoSearch.Search.Contracts;

/// <summary>Milliseconds spent in each stage of one search.</summary>
/// <param name="TokenizeMs">Text to token ids.</param>
/// <param name="EncodeMs">Token ids to text features (zero on a cache hit).</param>
/// <param name="AnnMs">Approximate nearest-neighbour lookup.</param>
/// <param name="RerankMs">Fetching contexts and exact X-CLIP scoring of the candidates.</param>
/// <param name="CalibrateMs">Scoring the library's background sample (see <see cref="ScoreCalibration"/>).</param>
public sealed record SearchTimings(double TokenizeMs, double EncodeMs, double AnnMs, double RerankMs, double CalibrateMs);
