using VideoSearch.Core.Catalog;
using VideoSearch.Core.Media;

namespace VideoSearch.Indexer.Pipeline;

/// <summary>A message between pipeline stages. Per video the order is: start, its clips, or a failure.</summary>
internal abstract record PipelineItem(VideoWork Video);

/// <summary>A probed and planned video whose clips follow.</summary>
internal sealed record VideoStarted(VideoWork Video, VideoInfo Info, IReadOnlyList<Clip> Clips) : PipelineItem(Video);

/// <summary>A video that cannot be indexed; clips of it already sent are discarded.</summary>
internal sealed record VideoFailed(VideoWork Video, string Kind, string Message) : PipelineItem(Video);

/// <summary>One clip's preprocessed pixels, thumbnail and preview strip, before embedding.</summary>
internal sealed record ClipPixels(VideoWork Video, Clip Clip, float[] Pixels, byte[] Thumbnail, byte[] Preview) : PipelineItem(Video);

/// <summary>One clip after embedding, ready to be stored.</summary>
internal sealed record ClipEmbedded(VideoWork Video, Clip Clip, float[] Embedding, float[] Context, byte[] Thumbnail, byte[] Preview)
    : PipelineItem(Video)
{
    /// <summary>The catalog's form of the clip.</summary>
    public NewClip ToNewClip() =>
        new(Clip.Index, Clip.StartSeconds, Clip.EndSeconds, Clip.FrameTimestamps.ToArray(), Embedding, Context, Thumbnail, Preview);
}
