using VideoSearch.Core.Media;
using VideoSearch.Core.Preprocessing;
using VideoSearch.Core.Text;

namespace VideoSearch.Core.Processing;

/// <summary>
/// Mirrors Hugging Face's <c>XCLIPProcessor</c> called with <c>padding=True</c>: the CLIP tokenizer for texts and
/// <c>VideoMAEImageProcessor</c> for videos, both configured from one model folder.
/// </summary>
/// <remarks>
/// One deliberate difference: texts longer than the tokenizer's <c>model_max_length</c> (77) are truncated keeping
/// the end token last, as <c>truncation=True</c> would; the Hugging Face default would return more positions than
/// the text model has, which fails inside the model.
/// </remarks>
public sealed class XClipProcessor(ClipTokenizer tokenizer, VideoMaeImageProcessor imageProcessor)
{
    /// <summary>The text side.</summary>
    public ClipTokenizer Tokenizer { get; } = tokenizer;

    /// <summary>The video side.</summary>
    public VideoMaeImageProcessor ImageProcessor { get; } = imageProcessor;

    /// <summary>Reads the tokenizer files and <c>preprocessor_config.json</c> (defaults when absent) from a model folder.</summary>
    public static XClipProcessor FromFolder(string modelFolder) =>
        new(ClipTokenizer.FromFolder(modelFolder), new VideoMaeImageProcessor(PreprocessorConfig.FromFolder(modelFolder)));

    /// <summary>Prepares texts and/or videos (each video a list of decoded frames; all videos the same frame count).</summary>
    public XClipInputs Process(IReadOnlyList<string>? texts, IReadOnlyList<IReadOnlyList<RgbFrame>>? videos)
    {
        if ((texts is null || texts.Count == 0) && (videos is null || videos.Count == 0))
            throw new ArgumentException("give at least one text or one video");
        TokenizedBatch? text = texts is { Count: > 0 } ? Tokenizer.EncodeBatch(texts, Tokenizer.ModelMaxLength) : null;
        PixelValues? pixels = videos is { Count: > 0 } ? ImageProcessor.PreprocessVideos(videos) : null;
        return new XClipInputs(text, pixels);
    }
}
