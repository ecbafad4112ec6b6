namespace VideoSearch.Core.Preprocessing;

/// <summary>A height and width in pixels (height first, as transformers' size dictionaries are read).</summary>
/// <param name="Height">Height in pixels.</param>
/// <param name="Width">Width in pixels.</param>
public readonly record struct ImageSize(int Height, int Width)
{
    /// <inheritdoc />
    public override string ToString() => $"{Width}x{Height}";
}
