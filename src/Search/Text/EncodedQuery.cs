namespace VideoSearch.Search.Text;

/// <summary>A query turned into the text model's features.</summary>
/// <param name="Features">Text features [P] as the prompt generator takes them (not normalised).</param>
/// <param name="TokenCount">Tokens encoded, start and end tokens included (at most the model's maximum).</param>
/// <param name="UntruncatedTokenCount">Tokens the full query has; more than <paramref name="TokenCount"/> when it was cut.</param>
public sealed record EncodedQuery(float[] Features, int TokenCount, int UntruncatedTokenCount)
{
    /// <summary>True when the query was longer than the text model takes and was cut.</summary>
    public bool WasTruncated => UntruncatedTokenCount > TokenCount;
}
