using VideoSearch.Core.Catalog;
using VideoSearch.Core.Vectors;
using VideoSearch.Core.Library;

namespace VideoSearch.Indexer.Verification;

/// <summary>
/// Checks that a library's catalog, vectors, index file and thumbnails agree: every indexed video has clips; every
/// clip has a finite, unit-length embedding of the model's dimension, a context of the model's shape and a JPEG
/// thumbnail; no failed video, nor a pending one never indexed, has clips; a clip's preview strip, where it has one
/// (libraries indexed before they existed have none), is a JPEG, and no preview strip outlives its clip; no clip index repeats within a video; the index file loads (its checksum holds), holds exactly the
/// catalog's clip ids, and stores each clip's own embedding (compared value by value). Reads only; never repairs.
/// </summary>
public static class LibraryVerifier
{
    // Embeddings are stored L2-normalised in float32; rounding leaves the norm within ~d * 2^-24 (about 3e-5 for
    // d = 512) of 1, so 1e-4 separates rounding from a wrong vector.
    private const double UnitTolerance = 1e-4;

    // The index stores each embedding divided by its float32 norm; the catalog's copy normalised in double differs
    // from it by float rounding only (a few 1e-8 per value of a unit vector), while a different clip's embedding
    // differs by orders of magnitude more, so 1e-5 per value separates the two.
    private const double StoredVectorTolerance = 1e-5;
    private const int ContextChunk = 512;

    /// <summary>Verifies the library in <paramref name="databaseDirectory"/>.</summary>
    public static async Task<VerificationReport> VerifyAsync(string databaseDirectory, CancellationToken cancellationToken = default)
    {
        string directory = Path.GetFullPath(databaseDirectory);
        if (!File.Exists(Path.Combine(directory, SqliteCatalogDatabase.FileName)))
            return new VerificationReport(0, 0, [$"No catalog in {directory} ({SqliteCatalogDatabase.FileName} is missing)."]);
        using var catalog = await VideoCatalog.OpenAsync(directory, cancellationToken).ConfigureAwait(false);
        return await VerifyAsync(catalog, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Verifies the library of an opened catalog (and the index file beside it).</summary>
    public static async Task<VerificationReport> VerifyAsync(VideoCatalog catalog, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var problems = new List<string>();
        string directory = catalog.LibraryDirectory;
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
        (long neverAdded, long stillAdded) = await catalog.Changes.CheckAsync(cancellationToken).ConfigureAwait(false);
        if (neverAdded > 0) problems.Add($"{neverAdded} clips are missing from the change sequence search nodes follow.");
        if (stillAdded > 0) problems.Add($"{stillAdded} removed clips are still added in the change sequence search nodes follow.");

        var clipsPerVideo = await CheckClipRowsAsync(catalog, model, videos, embeddings.Keys.Order().ToList(), problems, cancellationToken)
            .ConfigureAwait(false);
        IReadOnlyList<long> orphanPreviews = await catalog.Clips.ListPreviewsWithoutClipAsync(cancellationToken).ConfigureAwait(false);
        if (orphanPreviews.Count > 0)
            problems.Add($"{orphanPreviews.Count} preview strips belong to no clip (clip ids {string.Join(", ", orphanPreviews.Take(5))}).");
        int indexed = 0;
        foreach (VideoFileState video in videos.Values.Where(v => v.Status == VideoStatus.Indexed))
        {
            indexed++;
            if (!clipsPerVideo.ContainsKey(video.Id)) problems.Add($"Indexed video {video.Path} has no clips.");
        }
        foreach ((VideoId id, int count) in clipsPerVideo)
        {
            if (!videos.TryGetValue(id, out VideoFileState? video)) continue;
            if (video.Status == VideoStatus.Failed) problems.Add($"Failed video {video.Path} still has {count} clips.");
            // A pending video keeps the clips of its last indexed version until new ones replace them; one never
            // indexed has none, unless a store was half-written (clips committed without the status that goes with them).
            else if (video.Status == VideoStatus.Pending
                     && (await catalog.Videos.GetAsync(id, cancellationToken).ConfigureAwait(false))?.IndexedAt is null)
                problems.Add($"Pending video {video.Path} has {count} clips but was never indexed.");
        }

        var notes = new List<string>();
        if (model != null) CheckIndex(directory, model, embeddings, problems, notes);
        return new VerificationReport(indexed, embeddings.Count, problems, notes);
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
                // A clip without a preview strip is from before they existed; the page falls back to the thumbnail.
                byte[]? preview = await catalog.Clips.GetPreviewAsync(clip.ClipId, cancellationToken).ConfigureAwait(false);
                if (preview is not null && !IsJpeg(preview)) problems.Add($"Clip {clip.ClipId} of {clip.VideoPath}: preview strip is not a JPEG.");
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

    private static void CheckIndex(string directory, ModelState model, Dictionary<long, float[]> embeddings, List<string> problems,
        List<string> notes)
    {
        string path = Path.Combine(directory, LibraryVectorIndex.FileName);
        if (!File.Exists(path))
        {
            // The index is derived: a file never written (the disk was full, or the writer was killed before its first
            // save) loses nothing, and the next index or serve builds it from the catalog. A file that exists and
            // disagrees with the catalog is still a problem.
            if (embeddings.Count > 0)
                notes.Add($"The vector index file {LibraryVectorIndex.FileName} is not written yet: the next 'videosearch index' or " +
                          $"'serve' builds it from the catalog's {embeddings.Count} clips.");
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
            var ids = index.GetIds().ToHashSet();
            var missing = embeddings.Keys.Where(id => !ids.Contains(id)).Order().ToList();
            var extra = ids.Where(id => !embeddings.ContainsKey(id)).Order().ToList();
            if (missing.Count > 0) problems.Add($"{missing.Count} catalog clips are not in the vector index (e.g. {string.Join(", ", missing.Take(5))}).");
            if (extra.Count > 0) problems.Add($"{extra.Count} vector index ids are not catalog clips (e.g. {string.Join(", ", extra.Take(5))}).");
            if (index.Dimension != model.EmbeddingDim) return;
            var stored = new float[index.Dimension];
            foreach ((long id, float[] embedding) in embeddings)
            {
                if (embedding.Length != index.Dimension || !index.TryGetVector(id, stored)) continue;
                double difference = LargestDifference(stored, embedding);
                if (!(difference <= StoredVectorTolerance))
                    problems.Add($"The vector index holds another vector for clip {id} than the catalog (a value differs by {difference:G3}).");
            }
        }
    }

    /// <summary>
    /// The largest difference between <paramref name="stored"/> and <paramref name="embedding"/> scaled to unit
    /// length (NaN when the embedding cannot be scaled, so the comparison fails).
    /// </summary>
    private static double LargestDifference(float[] stored, float[] embedding)
    {
        double norm = Math.Sqrt(embedding.Sum(v => (double)v * v));
        if (!(norm > 0) || !double.IsFinite(norm)) return double.NaN;
        double largest = 0;
        for (int d = 0; d < stored.Length; d++) largest = Math.Max(largest, Math.Abs(stored[d] - embedding[d] / norm));
        return largest;
    }
}
