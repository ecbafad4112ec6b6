namespace VideoSearch.Core.Preprocessing;

/// <summary>
/// The <c>size</c> setting of <c>VideoMAEImageProcessor</c>: either the length of the shortest edge (aspect ratio
/// kept) or an exact height and width. These are the only two forms that class resizes with.
/// </summary>
public sealed record ResizeSize
{
    private ResizeSize(int? shortestEdge, ImageSize? exact)
    {
        ShortestEdge = shortestEdge;
        Exact = exact;
    }

    /// <summary>The shortest edge becomes this length; set when the size is of the shortest-edge form.</summary>
    public int? ShortestEdge { get; }

    /// <summary>The frame is resized to exactly this size; set when the size is of the height/width form.</summary>
    public ImageSize? Exact { get; }

    /// <summary>Shortest-edge form (<c>{"shortest_edge": n}</c>, or the legacy integer <c>size</c>).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="length"/> is not positive.</exception>
    public static ResizeSize ToShortestEdge(int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(length);
        return new ResizeSize(length, null);
    }

    /// <summary>Exact form (<c>{"height": h, "width": w}</c>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">A side is not positive.</exception>
    public static ResizeSize ToExact(ImageSize size)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(size.Height);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(size.Width);
        return new ResizeSize(null, size);
    }

    /// <summary>
    /// The size a frame of <paramref name="input"/> is resized to. Shortest-edge form: the short side becomes
    /// <see cref="ShortestEdge"/> and the long side <c>int(edge * long / short)</c> (transformers'
    /// <c>get_resize_output_image_size</c> with <c>default_to_square=False</c>; integer division gives the same
    /// truncation for every frame size that fits in memory).
    /// </summary>
    public ImageSize OutputSize(ImageSize input)
    {
        if (Exact is { } exact) return exact;
        int edge = ShortestEdge!.Value;
        bool portrait = input.Width <= input.Height;
        int shortSide = portrait ? input.Width : input.Height;
        int longSide = portrait ? input.Height : input.Width;
        int newLong = (int)((long)edge * longSide / shortSide);
        return portrait ? new ImageSize(newLong, edge) : new ImageSize(edge, newLong);
    }

    /// <inheritdoc />
    public override string ToString() =>
        Exact is { } exact ? $"{{height: {exact.Height}, width: {exact.Width}}}" : $"{{shortest_edge: {ShortestEdge}}}";
}
