using System.Diagnostics;
using VideoSearch.Core.Inference;
using VideoSearch.Core.Text;

namespace VideoSearch.Search.Text;

/// <summary>
/// Query text to text features: tokenized and encoded at its true length (the text model's causal mask and
/// end-token pooling make padding to 77 needless, and it costs several times more), through the cache.
/// </summary>
public sealed class QueryEncoder(IInferenceSource model, TextFeatureCache cache)
{
    /// <summary>An encoder over one loaded model.</summary>
    public QueryEncoder(XClipInference inference, TextFeatureCache cache) : this(new FixedInferenceSource(inference), cache)
    {
    }

    /// <summary>Encodes <paramref name="query"/>, cut to the model's maximum length; reports the time of each step.</summary>
    /// <exception cref="SearchQueryException">The query is empty or holds no tokens.</exception>
    public async Task<(EncodedQuery Query, double TokenizeMs, double EncodeMs)> EncodeAsync(string query,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (string.IsNullOrWhiteSpace(query)) throw new SearchQueryException("The query is empty: type what you remember seeing.");
        if (cache.TryGet(query, out EncodedQuery? cached)) return (cached!, 0, 0);

        XClipInference inference = await model.GetInferenceAsync(cancellationToken).ConfigureAwait(false);
        long start = Stopwatch.GetTimestamp();
        TokenizedText tokens = inference.Tokenizer.Encode(query, inference.MaxTextLength);
        // Only the start and end tokens: the text held nothing the tokenizer keeps.
        if (tokens.Ids.Count <= 2) throw new SearchQueryException($"The query '{query}' holds no searchable words.");
        long[] ids = tokens.Ids.Select(id => (long)id).ToArray();
        double tokenizeMs = Stopwatch.GetElapsedTime(start).TotalMilliseconds;

        start = Stopwatch.GetTimestamp();
        float[][] features = await inference.EncodeTextsAsync([ids], cancellationToken).ConfigureAwait(false);
        double encodeMs = Stopwatch.GetElapsedTime(start).TotalMilliseconds;

        var encoded = new EncodedQuery(features[0], ids.Length, tokens.UntruncatedTokenCount);
        cache.Add(query, encoded);
        return (encoded, tokenizeMs, encodeMs);
    }
}
