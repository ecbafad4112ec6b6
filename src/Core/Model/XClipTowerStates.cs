namespace VideoSearch.Core.Model;

/// <summary>The three stacks' <see cref="XClipEncoderStates"/> of one training forward, as upstream's
/// <c>text_model_output</c>, <c>vision_model_output</c> and <c>mit_output</c> carry them.</summary>
internal sealed record XClipTowerStates(XClipEncoderStates Text, XClipEncoderStates Vision, XClipEncoderStates Mit) : IDisposable
{
    /// <summary>Collectors keeping what <paramref name="options"/> asks for; with neither flag they keep nothing.</summary>
    public static XClipTowerStates For(XClipForwardOptions options)
    {
        XClipEncoderStates New() => new(options.OutputHiddenStates, options.OutputAttentions);
        return new XClipTowerStates(New(), New(), New());
    }

    public void Dispose()
    {
        Text.Dispose();
        Vision.Dispose();
        Mit.Dispose();
    }
}
