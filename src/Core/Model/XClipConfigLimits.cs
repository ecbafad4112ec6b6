namespace VideoSearch.Core.Model;

/// <summary>
/// Upper bounds on X-CLIP configuration values, checked by <see cref="XClipConfig.Validate"/> before anything is
/// built. They are far above any real checkpoint (xclip-large-patch14 has 24 vision layers of width 1024) and exist
/// to refuse a damaged or hostile config.json by name at once, instead of building a billion layers until memory
/// runs out. Within these bounds, whether a model fits is decided by <see cref="ModelMemoryBudget"/>.
/// </summary>
public static class XClipConfigLimits
{
    /// <summary>Most layers of any stack (text, vision, MIT, prompt generator).</summary>
    public const int MaxLayers = 1024;

    /// <summary>Widest hidden size or projection dimension.</summary>
    public const int MaxWidth = 65_536;

    /// <summary>Widest feed-forward (intermediate) size.</summary>
    public const int MaxIntermediateSize = 262_144;

    /// <summary>Most attention heads.</summary>
    public const int MaxHeads = 1024;

    /// <summary>Largest token vocabulary.</summary>
    public const int MaxVocabularySize = 4_194_304;

    /// <summary>Longest text sequence (position embeddings).</summary>
    public const int MaxPositionEmbeddings = 65_536;

    /// <summary>Largest frame side in pixels.</summary>
    public const int MaxImageSize = 16_384;

    /// <summary>Most frames per clip.</summary>
    public const int MaxFrames = 1024;

    /// <summary>Most input channels.</summary>
    public const int MaxChannels = 16;
}
