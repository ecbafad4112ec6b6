using Microsoft.Extensions.Logging;
using VideoSearch.Core.Catalog;
using VideoSearch.Core.Hub;
using VideoSearch.Core.Inference;
using VideoSearch.Indexer.Embedding;
using VideoSearch.Indexer.Vectors;

namespace VideoSearch.Indexer;

/// <summary>
/// What an indexing run holds open: the catalog, the model and the vector index, checked against each other. When
/// the model differs from the one the catalog's vectors came from (another id, revision or checkpoint), every
/// video is marked for re-embedding and the old vectors are dropped instead of being mixed with new ones.
/// </summary>
internal sealed class IndexerSession : IDisposable
{
    private IndexerSession(VideoCatalog catalog, ClipEncoder encoder, LibraryVectorIndex vectors, int reembedding)
    {
        Catalog = catalog;
        Encoder = encoder;
        Vectors = vectors;
        VideosMarkedForReembedding = reembedding;
    }

    public VideoCatalog Catalog { get; }

    public ClipEncoder Encoder { get; }

    public LibraryVectorIndex Vectors { get; }

    /// <summary>Videos sent back to pending because the model changed (0 when it did not).</summary>
    public int VideosMarkedForReembedding { get; }

    /// <summary>Opens the library in <paramref name="databaseDirectory"/> for indexing with <paramref name="model"/>.</summary>
    /// <param name="databaseDirectory">The library folder.</param>
    /// <param name="model">The resolved model folder (its identity and preprocessing).</param>
    /// <param name="models">The host's loaded models, shared with its other parts; null loads the model for this session.</param>
    /// <param name="logger">Log sink.</param>
    /// <param name="cancellationToken">Stops opening.</param>
    public static Task<IndexerSession> OpenAsync(string databaseDirectory, ResolvedModel model, XClipInferenceCache? models, ILogger logger,
        CancellationToken cancellationToken) =>
        OpenAsync(databaseDirectory, ClipEncoder.Load(model, models), logger, cancellationToken);

    /// <summary>Opens the library with an already loaded model (owned by the session from now on, also on failure).</summary>
    public static async Task<IndexerSession> OpenAsync(string databaseDirectory, ClipEncoder encoder, ILogger logger,
        CancellationToken cancellationToken)
    {
        VideoCatalog? catalog = null;
        try
        {
            catalog = await VideoCatalog.OpenAsync(databaseDirectory, cancellationToken).ConfigureAwait(false);
            int marked = 0;
            ModelState? current = await catalog.Model.GetAsync(cancellationToken).ConfigureAwait(false);
            if (current is null)
            {
                await catalog.Model.SetAsync(encoder.State, cancellationToken).ConfigureAwait(false);
            }
            else if (current != encoder.State)
            {
                marked = await catalog.Model.MarkAllForReembeddingAsync(encoder.State, cancellationToken).ConfigureAwait(false);
                logger.LogWarning(
                    "The model changed from {OldModel}@{OldRevision} to {NewModel}@{NewRevision}: {VideoCount} videos will be re-embedded",
                    current.ModelId, current.Revision, encoder.State.ModelId, encoder.State.Revision, marked);
            }
            // Opening reconciles the index with the catalog, which drops the old model's vectors after a switch.
            var vectors = await LibraryVectorIndex.OpenAsync(Path.GetDirectoryName(catalog.Database.FilePath)!,
                encoder.State.EmbeddingDim, catalog, logger, cancellationToken).ConfigureAwait(false);
            return new IndexerSession(catalog, encoder, vectors, marked);
        }
        catch
        {
            catalog?.Dispose();
            encoder.Dispose();
            throw;
        }
    }

    /// <summary>Saves the vector index and releases everything.</summary>
    public void Dispose()
    {
        try
        {
            Vectors.Save();
        }
        finally
        {
            Vectors.Dispose();
            Encoder.Dispose();
            Catalog.Dispose();
        }
    }
}
