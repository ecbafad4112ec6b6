namespace VideoSearch.Core.Text;

/// <summary>The token ids of one text, as <see cref="ClipTokenizer.Encode"/> returns them.</summary>
/// <param name="Ids">The ids, beginning with the start token and ending with the end token, at most the requested length.</param>
/// <param name="UntruncatedTokenCount">How many ids the text gives without truncation (start and end tokens included).</param>
/// <param name="WasTruncated">Whether content ids were dropped to fit the requested length.</param>
public sealed record TokenizedText(IReadOnlyList<int> Ids, int UntruncatedTokenCount, bool WasTruncated);
