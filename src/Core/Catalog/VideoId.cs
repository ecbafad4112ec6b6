namespace VideoSearch.Core.Catalog;

/// <summary>The catalog's id of one video file.</summary>
/// <param name="Value">The row id in the <c>videos</c> table.</param>
public readonly record struct VideoId(long Value)
{
    /// <inheritdoc/>
    public override string ToString() => Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
