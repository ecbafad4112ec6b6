using VideoSearch.Core.Catalog;
using VideoSearch.Core.Inference;
using VideoSearch.Core.Media;
using VideoSearch.Core.Model;
using VideoSearch.Core.Native;
using VideoSearch.Indexer.Progress;

namespace VideoSearch.Indexer.Tests.Pipeline;

/// <summary>
/// The indexer's one decode pass against the seek per clip it replaced, through the whole pipeline: the stored
/// embeddings, contexts and thumbnails must be the same bits, since the frames are the same bytes and each shared
/// picture is only preprocessed once instead of twice.
/// </summary>
public sealed class OnePassIndexingTests
{
    private static readonly string[] Files = ["scenes_2min_320x240.mp4", "rotated_phone_270.mp4", "vfr_5_25_10fps.mp4", "webm_vp9_opus_320x240.webm"];

    [Fact]
    public async Task IndexAsync_OnePassAndPerClip_StoreIdenticalClips()
    {
        using var perClip = TestLibrary.Create(Files);
        using var onePass = TestLibrary.Create(Files);

        // One clip per model call: a GEMM's rounding may depend on the batch's size, and batches form by timing.
        IndexingSummary a = await perClip.IndexAsync(configure: o => { o.FrameExtraction = FrameExtractionMode.PerClip; o.BatchSize = 1; });
        IndexingSummary b = await onePass.IndexAsync(configure: o => { o.FrameExtraction = FrameExtractionMode.OnePass; o.BatchSize = 1; });

        Assert.Equal(Files.Length, a.Indexed);
        Assert.Equal(Files.Length, b.Indexed);
        Dictionary<string, StoredClip> expected = await StoredAsync(perClip), actual = await StoredAsync(onePass);
        Assert.True(expected.Count > 60, $"only {expected.Count} clips");
        Assert.Equal(expected.Keys.Order(), actual.Keys.Order());
        foreach ((string key, StoredClip clip) in expected)
        {
            StoredClip other = actual[key];
            Assert.True(clip.Embedding.AsSpan().SequenceEqual(other.Embedding), $"{key}: embeddings differ");
            Assert.True(clip.Context.AsSpan().SequenceEqual(other.Context), $"{key}: contexts differ");
            Assert.True(clip.Thumbnail.AsSpan().SequenceEqual(other.Thumbnail), $"{key}: thumbnails differ");
        }
    }

    [Fact]
    public async Task IndexAsync_Summary_NamesPrecisionAndThreadsAndCatalogRecordsPrecision()
    {
        using var library = TestLibrary.Create(["no_audio_320x240.mp4"]);

        IndexingSummary summary = await library.IndexAsync(configure: o => { o.TorchThreads = 1; o.DecodeThreads = 1; });

        // The default is auto: bf16 on a CPU with AMX-BF16 or AVX-512 BF16, fp32 elsewhere. Test machines differ.
        XClipPrecision expected = PrecisionChoice.Resolve(PrecisionMode.Auto, CpuFeatures.Current).Resolved;
        Assert.Equal(PrecisionChoice.NameOf(expected), summary.Precision);
        Assert.Equal(new VideoSearch.Indexer.Pipeline.ThreadBudget(1, 1), summary.Threads);
        VideoRecord? video = await library.VideoAsync("no_audio_320x240.mp4");
        Assert.Equal(expected, video!.ModelPrecision);
    }

    private sealed record StoredClip(float[] Embedding, float[] Context, byte[] Thumbnail);

    private static async Task<Dictionary<string, StoredClip>> StoredAsync(TestLibrary library)
    {
        using var catalog = await VideoCatalog.OpenAsync(library.Database);
        var embeddings = new Dictionary<long, float[]>();
        await foreach (ClipEmbedding clip in catalog.Clips.StreamEmbeddingsAsync()) embeddings[clip.ClipId] = clip.Embedding;
        var stored = new Dictionary<string, StoredClip>();
        foreach (ClipContext clip in (await catalog.Clips.GetContextsAsync(embeddings.Keys.ToList())).Clips)
        {
            byte[] thumbnail = await catalog.Clips.GetThumbnailAsync(clip.ClipId) ?? [];
            stored[$"{Path.GetFileName(clip.VideoPath)}#{clip.ClipIndex}"] =
                new StoredClip(embeddings[clip.ClipId], clip.Context.ToArray(), thumbnail);
        }
        return stored;
    }
}
