namespace VideoSearch.Training.Scenes;

/// <summary>An 8-bit sRGB colour, as written into the rgb24 frames.</summary>
public readonly record struct SceneRgb(byte R, byte G, byte B)
{
    /// <summary>The colour as <c>#rrggbb</c>, for messages.</summary>
    public override string ToString() => $"#{R:x2}{G:x2}{B:x2}";
}
