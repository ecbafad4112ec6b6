namespace VideoSearch.Core.Catalog;

/// <summary>Checks a clip against the catalog's model before it is stored, so no mis-shaped or invalid vector gets in.</summary>
internal sealed class NewClipValidator(string databasePath, ModelState model, string videoPath)
{
    public void Validate(NewClip clip)
    {
        if (clip.ClipIndex < 0) Fail(clip, $"negative clip index {clip.ClipIndex}");
        if (!double.IsFinite(clip.StartSeconds) || !double.IsFinite(clip.EndSeconds) || clip.StartSeconds < 0
            || clip.EndSeconds < clip.StartSeconds)
            Fail(clip, $"invalid time range [{clip.StartSeconds}, {clip.EndSeconds}]");
        if (clip.FrameTimes.Length == 0 || !clip.FrameTimes.All(double.IsFinite))
            Fail(clip, "frame times are empty or not finite");
        if (clip.Embedding.Length != model.EmbeddingDim)
            Fail(clip, $"embedding has {clip.Embedding.Length} values, the model '{model.ModelId}' has {model.EmbeddingDim}");
        if (!clip.Embedding.All(float.IsFinite))
            Fail(clip, "embedding holds a non-finite value");
        if (clip.Context.Length != model.ContextLength)
            Fail(clip, $"context has {clip.Context.Length} values, expected {model.ContextPatches} x {model.ContextDim}");
        if (!IsJpeg(clip.ThumbnailJpeg))
            Fail(clip, "thumbnail is not a JPEG image");
        if (clip.PreviewJpeg is not null && !IsJpeg(clip.PreviewJpeg))
            Fail(clip, "preview strip is not a JPEG image");
    }

    // A JPEG file starts with the SOI marker FF D8 followed by another marker (FF).
    private static bool IsJpeg(byte[] bytes) => bytes.Length > 3 && bytes[0] == 0xFF && bytes[1] == 0xD8 && bytes[2] == 0xFF;

    private void Fail(NewClip clip, string problem) =>
        throw new CatalogException(databasePath, $"Clip {clip.ClipIndex} of '{videoPath}' cannot be stored: {problem}");
}
