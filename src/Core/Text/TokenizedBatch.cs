namespace VideoSearch.Core.Text;

/// <summary>
/// Several texts tokenized and right-padded to the longest, in the int64 row-major layout the text model takes
/// (what a Hugging Face processor returns with <c>padding=True</c>).
/// </summary>
public sealed class TokenizedBatch
{
    internal TokenizedBatch(long[] inputIds, long[] attentionMask, int rows, int columns, bool[] wasTruncated)
    {
        InputIds = inputIds;
        AttentionMask = attentionMask;
        Rows = rows;
        Columns = columns;
        WasTruncated = wasTruncated;
    }

    /// <summary>Token ids, <see cref="Rows"/> × <see cref="Columns"/>, row-major; padding holds the pad id.</summary>
    public long[] InputIds { get; }

    /// <summary>1 for a real token, 0 for padding; same shape as <see cref="InputIds"/>.</summary>
    public long[] AttentionMask { get; }

    /// <summary>Number of texts.</summary>
    public int Rows { get; }

    /// <summary>Length of the longest (possibly truncated) text, start and end tokens included.</summary>
    public int Columns { get; }

    /// <summary>Per text, whether it was truncated to fit the maximum length.</summary>
    public IReadOnlyList<bool> WasTruncated { get; }
}
