using VideoSearch.Core.Catalog;
using VideoSearch.Core.Vectors;
using VideoSearch.Indexer.Vectors;

namespace VideoSearch.Indexer.Verification;

/// <summary>
/// Checks that a library's catalog, vectors, index file and thumbnails agree: every indexed video has clips; every
/// clip has a finite, unit-length embedding of the model's dimension, a context of the model's shape and a JPEG
/// thumbnail; no clip index repeats within a video; the index file loads (its checksum holds), holds exactly the
/// catalog's clip ids, and stores each clip's own embedding. Reads only; never repairs.
/// </summary>
public static class LibraryVerifier
{
    // Embeddings are stored L2-normalised in float32; rounding leaves the norm within ~d * 2^-24 (about 3e-5 for
    // d = 512) of 1, so 1e-4 separates rounding from a wrong vector.
    private const double UnitTolerance = 1e-4;
    private const int ContextChunk = 512;

    /// <summary>Verifies the library in <paramref name="databaseDirectory"/>.</summary>
    public static async Task<VerificationReport> VerifyAsync(string databaseDirectory, CancellationToken cancellationToken = default)
    {
        var problems = new List<string>();
        string directory = Path.GetFullPath(databaseDirectory);
        if (!File.Exists(Path.Combine(directory, CatalogDatabase.FileName)))
            return new VerificationReport(0, 0, [$"No catalog in {directory} ({CatalogDatabase.FileName} is missing)."]);
        using var catalog = await VideoCatalog.OpenAsync(directory, cancellationToken).ConfigureAwait(false);
        ModelState? model = await catalog.Model.GetAsync(cancellationToken).ConfigureAwait(false);
        var videos = new Dictionary<VideoId, VideoFileState>();
        foreach (LibraryRoot root in await catalog.Roots.ListAsync(cancellationToken).ConfigureAwait(false))
            foreach (VideoFileState video in await catalog.Videos.ListUnderRootAsync(root.Id, cancellationToken).ConfigureAwait(false))
                videos[video.Id] = video;

        var embeddings = new Dictionary<long, float[]>();
        await foreach (ClipEmbedding clip in catalog.Clips.StreamEmbeddingsAsync(cancellationToken).ConfigureAwait(false))
        {
            embeddings[clip.ClipId] = clip.Embedding;
            if (model != null) CheckEmbedding(clip, model, problems);
        }
        if (model is null && embeddings.Count > 0) problems.Add($"The catalog holds {embeddings.Count} clips but no model state.");

        var clipsPerVideo = await CheckClipRowsAsync(catalog, model, videos, embeddings.Keys.Order().ToList(), problems, cancellationToken)
            .ConfigureAwait(false);
        int indexed = 0;
        foreach (VideoFileState video in videos.Values.Where(v => v.Status == VideoStatus.Indexed))
        {
            indexed++;
            if (!clipsPerVideo.ContainsKey(video.Id)) problems.Add($"Indexed video {video.Path} has no clips.");
        }
        foreach ((VideoId id, int count) in clipsPerVideo)
            if (videos.TryGetValue(id, out VideoFileState? video) && video.Status == VideoStatus.Failed)
                problems.Add($"Failed video {video.Path} still has {count} clips.");

        if (model != null) CheckIndex(directory, model, embeddings, problems);
        return new VerificationReport(indexed, embeddings.Count, problems);
    }

    private static void CheckEmbedding(ClipEmbedding clip, ModelState model, List<string> problems)
    {
        if (clip.Embedding.Length != model.EmbeddingDim)
        {
            problems.Add($"Clip {clip.ClipId}: embedding has {clip.Embedding.Length} values, the model has {model.EmbeddingDim}.");
            return;
        }
        if (!clip.Embedding.All(float.IsFinite))
        {
            problems.Add($"Clip {clip.ClipId}: embedding holds a non-finite value.");
            return;
        }
        double norm = Math.Sqrt(clip.Embedding.Sum(v => (double)v * v));
        if (Math.Abs(norm - 1) > UnitTolerance) problems.Add($"Clip {clip.ClipId}: embedding norm is {norm:F6}, not 1.");
    }

    private static async Task<Dictionary<VideoId, int>> CheckClipRowsAsync(VideoCatalog catalog, ModelState? model,
        Dictionary<VideoId, VideoFileState> videos, List<long> clipIds, List<string> problems, CancellationToken cancellationToken)
    {
        var perVideo = new Dictionary<VideoId, int>();
        var positions = new HashSet<(VideoId, int)>();
        for (int start = 0; start < clipIds.Count; start += ContextChunk)
        {
            var chunk = clipIds.GetRange(start, Math.Min(ContextChunk, clipIds.Count - start));
            IReadOnlyList<ClipContext> rows = (await catalog.Clips.GetContextsAsync(chunk, cancellationToken).ConfigureAwait(false)).Clips;
            if (rows.Count != chunk.Count)
                problems.Add($"{chunk.Count - rows.Count} clips among ids {chunk[0]}..{chunk[^1]} have no context row.");
            foreach (ClipContext clip in rows)
            {
                perVideo[clip.VideoId] = perVideo.GetValueOrDefault(clip.VideoId) + 1;
                if (!positions.Add((clip.VideoId, clip.ClipIndex)))
                    problems.Add($"Clip index {clip.ClipIndex} of {clip.VideoPath} appears twice.");
                if (!videos.ContainsKey(clip.VideoId))
                    problems.Add($"Clip {clip.ClipId} belongs to video {clip.VideoId}, which is under no library root.");
                if (model != null && clip.Context.Length != model.ContextLength)
                    problems.Add($"Clip {clip.ClipId}: context has {clip.Context.Length} values, expected {model.ContextPatches} x {model.ContextDim}.");
                else if (!IsFinite(clip.Context.Span))
                    problems.Add($"Clip {clip.ClipId}: context holds a non-finite value.");
                byte[]? jpeg = await catalog.Clips.GetThumbnailAsync(clip.ClipId, cancellationToken).ConfigureAwait(false);
                if (!IsJpeg(jpeg)) problems.Add($"Clip {clip.ClipId} of {clip.VideoPath}: thumbnail is missing or not a JPEG.");
            }
        }
        return perVideo;
    }

    private static bool IsFinite(ReadOnlySpan<float> values)
    {
        foreach (float value in values)
            if (!float.IsFinite(value)) return false;
        return true;
    }

    // A whole JPEG starts with the SOI marker (FF D8 FF) and ends with the EOI marker (FF D9).
    private static bool IsJpeg(byte[]? bytes) =>
        bytes is { Length: > 4 } && bytes[0] == 0xFF && bytes[1] == 0xD8 && bytes[2] == 0xFF && bytes[^2] == 0xFF && bytes[^1] == 0xD9;

    private static void CheckIndex(string directory, ModelState model, Dictionary<long, float[]> embeddings, List<string> problems)
    {
        string path = Path.Combine(directory, LibraryVectorIndex.FileName);
        if (!File.Exists(path))
        {
            if (embeddings.Count > 0) problems.Add($"The vector index {path} is missing ({embeddings.Count} clips in the catalog).");
            return;
        }
        HnswVectorIndex index;
        try
        {
            index = HnswVectorIndex.Load(path);
        }
        catch (VectorIndexCorruptException e)
        {
            problems.Add($"The vector index does not load: {e.Message}");
            return;
        }
        using (index)
        {
            if (index.Dimension != model.EmbeddingDim)
                problems.Add($"The vector index holds {index.Dimension}-dimensional vectors, the model {model.EmbeddingDim}.");
            HashSet<long>? ids = IndexIdList.TryRead(Path.Combine(directory, LibraryVectorIndex.IdsFileName), path);
            if (ids is null || ids.Count != index.Count)
            {
                problems.Add("The vector index's id list is missing or does not belong to the index file.");
                return;
            }
            var missing = embeddings.Keys.Where(id => !ids.Contains(id)).Order().ToList();
            var extra = ids.Where(id => !embeddings.ContainsKey(id)).Order().ToList();
            if (missing.Count > 0) problems.Add($"{missing.Count} catalog clips are not in the vector index (e.g. {string.Join(", ", missing.Take(5))}).");
            if (extra.Count > 0) problems.Add($"{extra.Count} vector index ids are not catalog clips (e.g. {string.Join(", ", extra.Take(5))}).");
            if (index.Dimension != model.EmbeddingDim) return;
            foreach ((long id, float[] embedding) in embeddings)
                if (ids.Contains(id) && embedding.Length == index.Dimension && !StoresVector(index, id, embedding))
                    problems.Add($"The vector index holds another vector for clip {id} than the catalog.");
        }
    }

    /// <summary>
    /// True when the index's vector for <paramref name="id"/> points the same way as <paramref name="embedding"/>
    /// (the index stores unit vectors, so equal direction is equality). A plain search finds it nearly always; a
    /// search restricted to that one id walks the whole graph and settles the rest.
    /// </summary>
    private static bool StoresVector(HnswVectorIndex index, long id, float[] embedding)
    {
        if (!embedding.All(float.IsFinite) || embedding.All(v => v == 0)) return false;
        foreach (VectorHit hit in index.Search(embedding, Math.Min(8, index.Count)))
            if (hit.Id == id) return hit.Score >= 1 - UnitTolerance;
        IReadOnlyList<VectorHit> only = index.Search(embedding, 1, candidate => candidate == id);
        return only.Count == 1 && only[0].Score >= 1 - UnitTolerance;
    }
}
