namespace VideoSearch.Core.Catalog;

/// <summary>The catalog's id of one library root folder.</summary>
/// <param name="Value">The row id in the <c>library_roots</c> table.</param>
public readonly record struct RootId(long Value)
{
    /// <inheritdoc/>
    public override string ToString() => Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
