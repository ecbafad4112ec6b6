using Microsoft.Extensions.Logging;
using VideoSearch.Core.Catalog;
using VideoSearch.Core.Library;
using VideoSearch.Indexer.Embedding;
using VideoSearch.Indexer.Pipeline;

namespace VideoSearch.Indexer;

/// <summary>
/// What an indexing run works with: the host's catalog, its live vector index and the model, checked against each
/// other. When the model differs from the one the catalog's vectors came from (another id, revision or checkpoint),
/// every video is marked for re-embedding and the old vectors are dropped instead of being mixed with new ones.
/// The catalog and the index belong to the host (search reads the same instances); the session only saves the index.
/// </summary>
internal sealed class IndexerSession : IDisposable
{
    private readonly ILogger _logger;

    private IndexerSession(VideoCatalog catalog, ClipEncoder encoder, SessionVectors vectors, int reembedding, ILogger logger)
    {
        _logger = logger;
        Catalog = catalog;
        Encoder = encoder;
        Vectors = vectors;
        VideosMarkedForReembedding = reembedding;
    }

    public VideoCatalog Catalog { get; }

    public ClipEncoder Encoder { get; }

    public SessionVectors Vectors { get; }

    /// <summary>Videos sent back to pending because the model changed (0 when it did not).</summary>
    public int VideosMarkedForReembedding { get; }

    /// <summary>Checks <paramref name="encoder"/>'s model against the catalog and opens the index for its vectors.</summary>
    /// <remarks>The encoder is owned by the session from now on, also on failure.</remarks>
    public static async Task<IndexerSession> OpenAsync(VideoCatalog catalog, LibraryVectorIndex vectors, ClipEncoder encoder,
        ILogger logger, CancellationToken cancellationToken)
    {
        try
        {
            int marked = 0;
            ModelState? current = await catalog.Model.GetAsync(cancellationToken).ConfigureAwait(false);
            if (current is null)
            {
                await catalog.Model.SetAsync(encoder.State, cancellationToken).ConfigureAwait(false);
            }
            else if (current != encoder.State && catalog.Database.IsShared)
            {
                // Re-embedding a shared library would empty it for every node and indexer that runs the old model.
                throw new CatalogException(catalog.Database.Location,
                    $"The shared catalog holds vectors of model '{current.ModelId}' revision '{current.Revision}'; this " +
                    $"indexer runs '{encoder.State.ModelId}' revision '{encoder.State.Revision}'. Run every indexer with the " +
                    "library's model (--model), or re-index into a new catalog");
            }
            else if (current != encoder.State)
            {
                marked = await catalog.Model.MarkAllForReembeddingAsync(encoder.State, cancellationToken).ConfigureAwait(false);
                logger.LogWarning(
                    "The model changed from {OldModel}@{OldRevision} to {NewModel}@{NewRevision}: {VideoCount} videos will be re-embedded",
                    current.ModelId, current.Revision, encoder.State.ModelId, encoder.State.Revision, marked);
            }
            // Opening reconciles the index with the catalog, which drops the old model's vectors after a switch.
            if (catalog.Database.IsShared) return new IndexerSession(catalog, encoder, new SessionVectors(null), marked, logger);
            await vectors.OpenAsync(encoder.State.EmbeddingDim, cancellationToken).ConfigureAwait(false);
            return new IndexerSession(catalog, encoder, new SessionVectors(vectors), marked, logger);
        }
        catch
        {
            encoder.Dispose();
            throw;
        }
    }

    /// <summary>Saves the vector index and releases the encoder.</summary>
    public void Dispose()
    {
        try
        {
            Vectors.Save();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Thrown here it would replace the error that ended the run (a full disk fails this save too). The catalog
            // holds every clip, so the next open rebuilds what this save would have written.
            _logger.LogWarning("Could not save the vector index: {Reason}", e.Message);
        }
        finally
        {
            Encoder.Dispose();
        }
    }
}
