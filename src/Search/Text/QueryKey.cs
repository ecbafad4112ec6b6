using System.Text;

namespace VideoSearch.Search.Text;

/// <summary>
/// The cache key of a query: NFC, lower case, whitespace runs to one space, trimmed. The CLIP tokenizer applies the
/// same normalisation before splitting, so two queries with one key always give the same token ids.
/// </summary>
internal static class QueryKey
{
    public static string Of(string query)
    {
        var builder = new StringBuilder(query.Length);
        bool pendingSpace = false;
        foreach (char c in query.Normalize(NormalizationForm.FormC))
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }
            if (pendingSpace) builder.Append(' ');
            pendingSpace = false;
            builder.Append(char.ToLowerInvariant(c));
        }
        return builder.ToString();
    }
}
